import BrainCore

/// Renders a template's parts into the messages sent to a provider.
///
/// Rules, in order:
/// - Each part is rendered and trimmed of surrounding white space; an empty result gives no message.
/// - `system` comes first. `developer` follows as its own message when the provider accepts
///   that role, else it is appended to the system text (blank line between).
/// - `assistant` (the expected response format) is appended to the system text, so all
///   instructions stay in the instruction channel and the user message holds only the
///   request and the document. Only when the template sets `prefill: true` and the provider
///   supports prefill is it sent instead as a final assistant message for the model to continue.
/// - `user` is the user message.
/// - The input is cut to the character budget first, with a visible marker and a warning.
///
/// Template variables: `input_text` (every task) and the original name of the task's input
/// (`resume_text`, `jd_text` or `user_message`), `profile` (role, domain, output_format,
/// strict, output_schema, task), `task`, `output_schema`, `strict`, `options`, `input_truncated`
/// and `input_characters` (the full length), plus any extra `variables`.
public struct PromptAssembler: Sendable {
    public let library: TemplateLibrary

    public init(library: TemplateLibrary) { self.library = library }

    /// The exact messages for `input` with template `name` (what `brain templates render` prints).
    public func assemble(template name: String, input: String, settings: PromptAssemblyOptions = PromptAssemblyOptions()) throws(TemplateLibraryError) -> AssembledPrompt {
        let template = try library.template(named: name)
        if let budget = settings.inputCharacterBudget, budget < 0 { throw .invalidBudget(budget) }
        let (text, removed) = InputTruncation.apply(input, budget: settings.inputCharacterBudget)
        var warnings: [String] = []
        if removed > 0, let budget = settings.inputCharacterBudget {
            warnings.append("input truncated to \(budget) of \(input.count) characters (\(removed) removed)")
        }
        let context = Self.context(for: template, input: text, fullLength: input.count, truncated: removed > 0, settings: settings)

        var rendered: [TemplatePart: String] = [:]
        for (part, value) in template.parts {
            do {
                let output = try value.template.render(context)
                let trimmed = PythonText.strip(output)
                if !trimmed.isEmpty { rendered[part] = trimmed }
            } catch {
                throw .template(error)
            }
        }

        var messages: [ChatMessage] = []
        var systemText = rendered[.system]
        func appendToSystem(_ extra: String) { systemText = systemText.map { $0 + "\n\n" + extra } ?? extra }
        var developerMessage: ChatMessage?
        if let developer = rendered[.developer] {
            if settings.acceptsDeveloperRole { developerMessage = ChatMessage(role: .developer, content: developer) } else { appendToSystem(developer) }
        }
        let prefill = template.prefill && settings.supportsPrefill
        if let assistant = rendered[.assistant], !prefill { appendToSystem(assistant) }
        if let systemText { messages.append(ChatMessage(role: .system, content: systemText)) }
        if let developerMessage { messages.append(developerMessage) }
        if let user = rendered[.user] { messages.append(ChatMessage(role: .user, content: user)) }
        if prefill, let assistant = rendered[.assistant] { messages.append(ChatMessage(role: .assistant, content: assistant)) }

        return AssembledPrompt(
            messages: messages, templateName: template.name, templateVersion: template.version, task: template.task,
            outputSchema: template.outputSchema, strict: template.strict, warnings: warnings, truncatedCharacters: removed)
    }

    /// The variables a template of this task sees.
    public static func context(for template: ResolvedTemplate, input: String, fullLength: Int, truncated: Bool, settings: PromptAssemblyOptions) -> JSONObject {
        var context = settings.variables
        context["input_text"] = .string(input)
        if let name = template.profile.inputVariableName { context[name] = .string(input) }
        context["profile"] = template.profile.json
        context["task"] = .string(template.task.rawValue)
        context["output_schema"] = template.outputSchema.map(JSONValue.string) ?? .null
        context["strict"] = .bool(template.strict)
        context["options"] = .object(settings.options)
        context["input_truncated"] = .bool(truncated)
        context["input_characters"] = .int(fullLength)
        return context
    }
}
