import BrainCore
import Testing

@testable import BrainPrompt

@Suite struct AssemblyTests {
    static let files: [String: String] = [
        "task/template.yaml": "task: resume_parsing\n",
        "task/system.jinja": "You are a {{ profile.role }} ({{ profile.domain }}, {{ profile.output_format }}).\n",
        "task/developer.jinja": "Schema: {{ output_schema }}; strict: {{ strict }}.\n",
        "task/user.jinja": "{{ resume_text }}|{{ input_text }}\n",
        "task/assistant.jinja": "Answer with JSON only.\n",
        "prefill/template.yaml": "base: task\nprefill: true\n",
        "prefill/assistant.jinja": "{\n",
        "sparse/template.yaml": "task: chat\n",
        "sparse/system.jinja": "{# nothing #}   \n",
        "sparse/user.jinja": "{{ user_message }}",
        "sparse/developer.jinja": "{% if options.note is defined %}Note: {{ options.note }}{% endif %}",
    ]

    static func assembler() throws -> PromptAssembler { PromptAssembler(library: try TemplateLibrary.load(files: files)) }

    @Test func developerRoleWhenAccepted() throws {
        let prompt = try Self.assembler().assemble(template: "task", input: "CV", settings: PromptAssemblyOptions(acceptsDeveloperRole: true))
        #expect(prompt.messages == [
            ChatMessage(role: .system, content: "You are a expert resume parser (HR recruitment, structured JSON).\n\nAnswer with JSON only."),
            ChatMessage(role: .developer, content: "Schema: resume; strict: True."),
            ChatMessage(role: .user, content: "CV|CV"),
        ])
        #expect(prompt.task == .resumeParsing && prompt.outputSchema == "resume" && prompt.strict)
        #expect(prompt.warnings.isEmpty && prompt.truncatedCharacters == 0)
        #expect(prompt.templateVersion == (try Self.assembler().library.template(named: "task")).version)
    }

    @Test func developerFoldedIntoSystemOtherwise() throws {
        let prompt = try Self.assembler().assemble(template: "task", input: "CV", settings: PromptAssemblyOptions(acceptsDeveloperRole: false))
        #expect(prompt.messages == [
            ChatMessage(
                role: .system,
                content: "You are a expert resume parser (HR recruitment, structured JSON).\n\nSchema: resume; strict: True.\n\nAnswer with JSON only."),
            ChatMessage(role: .user, content: "CV|CV"),
        ])
    }

    @Test func prefillOnlyWhenTemplateAndProviderAsk() throws {
        let assembler = try Self.assembler()
        let supported = try assembler.assemble(template: "prefill", input: "CV", settings: PromptAssemblyOptions(supportsPrefill: true))
        #expect(supported.messages.map(\.role) == [.system, .user, .assistant])
        #expect(supported.messages.last?.content == "{")
        #expect(supported.messages.first?.content.hasSuffix("strict: True.") == true)
        let unsupported = try assembler.assemble(template: "prefill", input: "CV", settings: PromptAssemblyOptions(supportsPrefill: false))
        #expect(unsupported.messages.map(\.role) == [.system, .user])
        #expect(unsupported.messages.first?.content.hasSuffix("strict: True.\n\n{") == true)
        let notAsked = try assembler.assemble(template: "task", input: "CV", settings: PromptAssemblyOptions(supportsPrefill: true))
        #expect(notAsked.messages.map(\.role) == [.system, .user])
    }

    @Test func emptyPartsGiveNoMessage() throws {
        let assembler = try Self.assembler()
        let bare = try assembler.assemble(template: "sparse", input: "hello there", settings: PromptAssemblyOptions(acceptsDeveloperRole: true))
        #expect(bare.messages == [ChatMessage(role: .user, content: "hello there")])
        let noted = try assembler.assemble(
            template: "sparse", input: "hello", settings: PromptAssemblyOptions(acceptsDeveloperRole: true, options: ["note": "be kind"]))
        #expect(noted.messages == [ChatMessage(role: .developer, content: "Note: be kind"), ChatMessage(role: .user, content: "hello")])
        let folded = try assembler.assemble(template: "sparse", input: "hello", settings: PromptAssemblyOptions(options: ["note": "be kind"]))
        #expect(folded.messages == [ChatMessage(role: .system, content: "Note: be kind"), ChatMessage(role: .user, content: "hello")])
    }

    @Test func longInputIsCutWithMarkerAndWarning() throws {
        let input = "0123456789abcdefghijklmno"
        let prompt = try Self.assembler().assemble(template: "sparse", input: input, settings: PromptAssemblyOptions(inputCharacterBudget: 10))
        #expect(prompt.messages.last?.content == "0123456789\n[… truncated 15 characters …]")
        #expect(prompt.truncatedCharacters == 15)
        #expect(prompt.warnings == ["input truncated to 10 of 25 characters (15 removed)"])
        let fits = try Self.assembler().assemble(template: "sparse", input: input, settings: PromptAssemblyOptions(inputCharacterBudget: 25))
        #expect(fits.messages.last?.content == input && fits.warnings.isEmpty)
        let unlimited = try Self.assembler().assemble(template: "sparse", input: input, settings: PromptAssemblyOptions(inputCharacterBudget: nil))
        #expect(unlimited.messages.last?.content == input)
        #expect(throws: TemplateLibraryError.invalidBudget(-1)) {
            try Self.assembler().assemble(template: "sparse", input: input, settings: PromptAssemblyOptions(inputCharacterBudget: -1))
        }
    }

    @Test func truncationTellsTheTemplate() throws {
        let library = try LibraryTests.repositoryLibrary()
        let prompt = try PromptAssembler(library: library).assemble(
            template: "jd_parsing", input: String(repeating: "Senior engineer. ", count: 100),
            settings: PromptAssemblyOptions(inputCharacterBudget: 50))
        #expect(prompt.messages[0].content.contains("1700 characters in full"))
        #expect(prompt.messages[1].content.contains("[… truncated 1650 characters …]"))
    }

    @Test(arguments: [("resume_parsing", "resume_text"), ("jd_parsing", "jd_text"), ("chat", "user_message"), ("generic", nil)])
    func inputIsBoundUnderOriginalAndGenericNames(_ name: String, _ original: String?) throws {
        let template = try #require(try LibraryTests.repositoryLibrary()[name])
        let context = PromptAssembler.context(for: template, input: "TEXT", fullLength: 4, truncated: false, settings: PromptAssemblyOptions())
        #expect(context["input_text"] == "TEXT")
        if let original { #expect(context[original] == "TEXT") }
        #expect(context["profile"]?["role"] == .string(template.profile.role))
        #expect(context["options"] == .object([:]))
    }

    @Test func renderedOutputForms() throws {
        let prompt = try Self.assembler().assemble(template: "sparse", input: "hi", settings: PromptAssemblyOptions(options: ["note": "n"]))
        #expect(prompt.transcript == "--- system ---\nNote: n\n\n--- user ---\nhi")
        #expect(prompt.messagesJSON.serialized() == #"[{"role":"system","content":"Note: n"},{"role":"user","content":"hi"}]"#)
    }
}
