import BrainCore
import BrainEngine
import BrainExtract
import BrainPrompt
import Foundation

/// `brain templates render NAME (--text T | --file F) [--provider P]`: the exact messages, no network.
struct TemplatesRenderCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["templates", "render"], summary: "print the exact messages a template would send; no network",
        arguments: "NAME (--text T | --file F) [--provider P] [--json]",
        options: [
            .value("text", "T", "the input text"),
            .value("file", "F", "a document whose extracted text is the input"),
            .value("provider", "P", "render as for this provider (developer role where accepted; needs a database)"),
            .json,
        ],
        positionals: 1...1,
        discussion: "Without --provider the developer part is folded into the system message, as most providers need.")

    var name: String
    var text: String?
    var file: String?
    var provider: String?

    init(_ a: ParsedArguments) throws(UsageError) {
        name = a.positionals[0]
        text = a.value("text")
        file = a.value("file")
        guard (text != nil) != (file != nil) else { throw UsageError("give exactly one of --text T or --file F") }
        provider = a.value("provider")
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let set = try context.templateSet()
        guard let entry = set.entries[name] else {
            throw CommandError.failed("no template named '\(name)' in \(set.origin) (see: brain templates list)")
        }
        var settings = PromptAssemblyOptions()
        if let provider {
            let db = try context.openDatabase(mode: .readOnly)
            settings.acceptsDeveloperRole = try ProviderRepository(db: db).named(provider).adapterConfig.acceptsDeveloperRole
        }
        let input = try inputText(context)
        let prompt = try PromptAssembler(library: set.library).assemble(template: name, input: input, settings: settings)
        if context.json {
            context.outJSON([
                "template": .string(prompt.templateName), "version": .string(entry.version),
                "task": .string(prompt.task.rawValue), "output_schema": prompt.outputSchema.map { .string($0) } ?? .null,
                "strict": .bool(prompt.strict), "provider": provider.map { .string($0) } ?? .null,
                "developer_role": .bool(settings.acceptsDeveloperRole), "messages": prompt.messagesJSON,
                "warnings": .array(prompt.warnings.map { .string($0) }),
                "truncated_characters": .int(prompt.truncatedCharacters), "source": .string(set.origin),
            ])
        } else {
            context.out(prompt.transcript)
            for warning in prompt.warnings { context.err("warning: \(warning)") }
        }
        return .ok
    }

    private func inputText(_ context: CommandContext) throws -> String {
        if let text { return text }
        guard let file else { return "" }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw CommandError.failed("cannot read \(file): \(error.localizedDescription)")
        }
        let extracted = try DocumentExtractor.extract(data)
        for warning in extracted.warnings { context.err("warning: \(file): \(warning)") }
        return extracted.text
    }
}
