import BrainCore
import BrainEngine
import BrainStore
import Foundation

/// `brain import FILE`: the original system's templates.yaml or providers.yaml.
struct ImportCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["import"], summary: "import the original system's providers.yaml or templates.yaml",
        arguments: "FILE [--write-templates DIR] [--json]",
        options: [
            .value("write-templates", "DIR", "also write imported templates into DIR in the templates folder layout"),
            .json,
        ],
        positionals: 1...1,
        discussion: """
            The kind is read from the file's top-level key. Templates become the active stored
            versions of their names; providers are added or updated and each api_key_envs name is
            registered as an env:NAME key reference (the value is never copied). A missing database
            is created as by brain init.
            """)

    var path: String
    var writeTemplates: String?

    init(_ a: ParsedArguments) throws(UsageError) {
        path = a.positionals[0]
        writeTemplates = a.value("write-templates")
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CommandError.failed("cannot read \(path): \(error.localizedDescription)")
        }
        guard let yaml = String(data: data, encoding: .utf8) else { throw CommandError.failed("\(path) is not UTF-8 text") }
        let existed = FileManager.default.fileExists(atPath: context.databasePath)
        let db = try context.openDatabase(create: true)
        var setupReport = SetupReport()
        if !existed {
            let setup = Setup(db: db, clock: context.clock)
            try db.transaction {
                try setup.addDefaultProviders(into: &setupReport)
                try setup.registerEnvironmentKeys(context.environment, into: &setupReport)
                try TemplateSetup.load(directory: nil, db: db, clock: context.clock, into: &setupReport)
            }
        }
        let report = try OriginalImport(db: db, clock: context.clock)
            .run(yaml: yaml, writeTemplates: writeTemplates.map { URL(fileURLWithPath: $0) })
        if report.kind == "providers" && writeTemplates != nil {
            context.err("warning: --write-templates ignored: \(path) holds providers, not templates")
        }
        if context.json {
            var json = report.json.objectValue ?? [:]
            json["file"] = .string(path)
            json["database"] = .string(context.databasePath)
            json["database_created"] = .bool(!existed)
            context.outJSON(.object(json))
        } else {
            if !existed {
                context.err("created \(context.databasePath) (schema version \(Migrator.latestVersion))")
                context.err(setupReport.humanSummary)
            }
            context.out(report.humanSummary(file: path))
        }
        return .ok
    }
}

extension ImportReport {
    var json: JSONValue {
        func list(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
        return [
            "kind": .string(kind), "templates_stored": list(templatesStored), "files_written": list(filesWritten),
            "ignored_keys": list(ignoredKeys), "providers_added": list(providersAdded),
            "providers_updated": list(providersUpdated), "providers_unchanged": list(providersUnchanged), "keys_registered": list(keysRegistered),
            "keys_skipped": list(keysSkipped),
        ]
    }

    func humanSummary(file: String) -> String {
        func line(_ label: String, _ items: [String]) -> String { "\(label): " + (items.isEmpty ? "none" : items.joined(separator: ", ")) }
        var lines = ["imported \(kind) from \(file)"]
        if kind == "templates" {
            lines.append(line("templates stored", templatesStored))
            if !filesWritten.isEmpty { lines.append(line("files written", filesWritten)) }
            if !ignoredKeys.isEmpty { lines.append(line("ignored keys", ignoredKeys)) }
        } else {
            lines.append(line("providers added", providersAdded))
            lines.append(line("providers updated", providersUpdated))
            if !providersUnchanged.isEmpty { lines.append(line("providers unchanged", providersUnchanged)) }
            lines.append(line("keys registered (env references)", keysRegistered))
            if !keysSkipped.isEmpty { lines.append(line("keys already present", keysSkipped)) }
        }
        return lines.joined(separator: "\n")
    }
}
