import BrainCore
import BrainPrompt
import BrainStore

/// Compiled templates by version, rebuilt from the store, so a job renders with exactly the
/// template version it recorded even after the templates folder changed.
public struct TemplateCatalog: Sendable {
    /// Resolved templates keyed by version.
    public let byVersion: [String: ResolvedTemplate]
    /// The active version of each template name.
    public let active: [String: String]

    /// Reads and compiles every stored template version.
    public static func load(db: Database) throws -> TemplateCatalog {
        var byVersion: [String: ResolvedTemplate] = [:]
        var active: [String: String] = [:]
        for row in try db.query("SELECT * FROM templates") {
            guard let name = row.string("name"), let version = row.string("version") else { continue }
            let metadata = (try? JSONValue.parse(row.string("metadata") ?? "{}")) ?? [:]
            let yaml = TemplateFiles.metadataYAML(
                task: metadata["task"]?.stringValue ?? "generic", outputSchema: row.string("output_schema"),
                strict: metadata["strict"]?.boolValue ?? false, prefill: metadata["prefill"]?.boolValue ?? false,
                undefined: metadata["undefined"]?.stringValue ?? "strict", description: metadata["description"]?.stringValue ?? "")
            var files = ["\(name)/template.yaml": yaml]
            for part in ["system", "developer", "user", "assistant"] {
                files["\(name)/\(part).jinja"] = row.string(part) ?? ""
            }
            let library = try TemplateLibrary.load(files: files)
            if let resolved = library[name] {
                byVersion[version] = resolved
                if row.bool("active") == true { active[name] = version }
            }
        }
        return TemplateCatalog(byVersion: byVersion, active: active)
    }

    /// The active template for `name`.
    public func activeTemplate(_ name: String) -> ResolvedTemplate? { active[name].flatMap { byVersion[$0] } }
}
