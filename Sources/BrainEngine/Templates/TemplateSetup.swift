import BrainCore
import BrainPrompt
import BrainResources
import BrainStore
import Foundation

/// Why templates could not be loaded.
public enum TemplateSetupError: Error, Sendable, CustomStringConvertible {
    case library(TemplateLibraryError)
    case missingTask(String)

    public var description: String {
        switch self {
        case .library(let e): return "templates: \(e)"
        case .missingTask(let task): return "templates: no template for task \(task)"
        }
    }
}

/// Loads prompt templates into the store, each under its content hash as version.
///
/// The source is `--templates DIR` when given, else `./templates` when the current folder has
/// one, else the set built into the binary. Loading the same content twice changes nothing;
/// new content adds a version and makes it the active one, and older versions stay for the
/// jobs that recorded them.
public enum TemplateSetup {
    public static func library(directory: String?) throws -> (library: TemplateLibrary, origin: String) {
        do {
            if let directory {
                return (try TemplateLibrary.load(directory: URL(fileURLWithPath: directory)), directory)
            }
            let local = URL(fileURLWithPath: "templates")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: local.path, isDirectory: &isDirectory), isDirectory.boolValue,
                FileManager.default.fileExists(atPath: local.appendingPathComponent("resume_parsing").path)
            {
                return (try TemplateLibrary.load(directory: local), "./templates")
            }
            return (try TemplateLibrary.defaults(), "built-in")
        } catch {
            throw TemplateSetupError.library(error)
        }
    }

    public static func load(directory: String?, db: Database, clock: any WallClock, into report: inout SetupReport) throws {
        let (library, _) = try library(directory: directory)
        for task in TaskType.allCases where library[task.rawValue] == nil {
            throw TemplateSetupError.missingTask(task.rawValue)
        }
        try store(library, db: db, clock: clock, into: &report)
    }

    /// Writes every template of `library` as the active version of its name.
    public static func store(_ library: TemplateLibrary, db: Database, clock: any WallClock, into report: inout SetupReport) throws {
        for name in library.names {
            guard let t = library[name] else { continue }
            let exists = try db.scalar("SELECT count(*) FROM templates WHERE name = ? AND version = ?", [name, t.version])?.int ?? 0
            if exists == 0 {
                let metadata: JSONValue = [
                    "description": .string(t.description), "task": .string(t.task.rawValue), "strict": .bool(t.strict),
                    "prefill": .bool(t.prefill), "undefined": .string(t.undefined.rawValue),
                    "chain": .array(t.chain.map { .string($0) }),
                ]
                try db.execute(
                    """
                    INSERT INTO templates(name, version, base, system, developer, user, assistant, output_schema, metadata, active, loaded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                    """,
                    [name, t.version, t.chain.dropFirst().first, t.parts[.system]?.source, t.parts[.developer]?.source,
                     t.parts[.user]?.source, t.parts[.assistant]?.source, t.outputSchema, metadata.serialized(),
                     clock.now().iso8601])
                report.templatesLoaded.append("\(name)@\(t.version.prefix(12))")
            }
            try db.execute("UPDATE templates SET active = (version = ?) WHERE name = ?", [t.version, name])
        }
    }
}
