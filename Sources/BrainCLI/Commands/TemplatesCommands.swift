import BrainCore
import BrainEngine
import BrainPrompt
import Foundation

/// `brain templates list`.
struct TemplatesListCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["templates", "list"], summary: "list templates with task, schema and version", arguments: "[--json]",
        options: [.json],
        discussion: "Shows the database's active templates when it has any, else ./templates, else the built-in set.")

    init(_ arguments: ParsedArguments) throws(UsageError) {}

    func run(_ context: CommandContext) async throws -> ExitCode {
        let set = try context.templateSet()
        if context.json {
            context.outJSON(.array(set.names.compactMap { set.entries[$0].map { $0.summaryJSON(origin: set.origin) } }))
            return .ok
        }
        context.err("templates from \(set.origin)")
        var table = TextTable(["NAME", "TASK", "SCHEMA", "STRICT", "BASE", "VERSION", "DESCRIPTION"])
        for name in set.names {
            guard let e = set.entries[name] else { continue }
            table.add([
                name, e.template.task.rawValue, e.template.outputSchema ?? "none", e.template.strict ? "yes" : "no",
                e.chain.dropFirst().first ?? "-", String(e.version.prefix(12)), e.template.description,
            ])
        }
        context.out(table.rendered)
        return .ok
    }
}

/// `brain templates show NAME`.
struct TemplatesShowCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["templates", "show"], summary: "show a template's resolved parts, base chain, version, schema and strictness",
        arguments: "NAME [--json]", options: [.json], positionals: 1...1)

    var name: String
    init(_ a: ParsedArguments) throws(UsageError) { name = a.positionals[0] }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let set = try context.templateSet()
        guard let entry = set.entries[name] else {
            throw CommandError.failed("no template named '\(name)' in \(set.origin) (see: brain templates list)")
        }
        let t = entry.template
        if context.json {
            var json = entry.summaryJSON(origin: set.origin).objectValue ?? [:]
            json["prefill"] = .bool(t.prefill)
            json["undefined"] = .string(t.undefined.rawValue)
            json["parts"] = .object(JSONObject(t.parts.sorted { $0.key < $1.key }.map { part, value in
                (part.rawValue, ["origin": entry.originsKnown ? .string(value.origin) : .null, "source": .string(value.source)])
            }))
            context.outJSON(.object(json))
            return .ok
        }
        var lines = [
            "template:  \(t.name)", "version:   \(entry.version)", "chain:     \(entry.chain.joined(separator: " -> "))",
            "task:      \(t.task.rawValue)", "schema:    \(t.outputSchema ?? "none")", "strict:    \(t.strict)",
            "prefill:   \(t.prefill)", "undefined: \(t.undefined.rawValue)", "source:    \(set.origin)",
        ]
        if !t.description.isEmpty { lines.insert("about:     \(t.description)", at: 1) }
        for (part, value) in t.parts.sorted(by: { $0.key < $1.key }) {
            let from = entry.originsKnown && value.origin != t.name ? " (from \(value.origin))" : ""
            lines.append("")
            lines.append("--- \(part.rawValue)\(from) ---")
            lines.append(value.source)
        }
        context.out(lines.joined(separator: "\n"))
        return .ok
    }
}

extension TemplateSet.Entry {
    func summaryJSON(origin: String) -> JSONValue {
        [
            "name": .string(template.name), "task": .string(template.task.rawValue),
            "output_schema": template.outputSchema.map { .string($0) } ?? .null, "strict": .bool(template.strict),
            "version": .string(version), "chain": .array(chain.map { .string($0) }),
            "base": chain.dropFirst().first.map { .string($0) } ?? .null,
            "description": .string(template.description), "source": .string(origin),
        ]
    }
}

extension CommandContext {
    /// The database's active templates when it exists and has some, else ./templates or the built-in set.
    func templateSet() throws -> TemplateSet {
        if FileManager.default.fileExists(atPath: databasePath) {
            let db = try openDatabase(mode: .readOnly)
            if let stored = try TemplateSet.stored(db: db) { return stored }
        }
        return try TemplateSet.files(directory: nil)
    }
}
