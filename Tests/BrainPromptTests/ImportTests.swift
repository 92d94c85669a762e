import BrainCore
import Testing

@testable import BrainPrompt

/// Files in the original system's format, as it wrote them.
enum OriginalFormatFixtures {
    static let templatesYAML = #"""
# Prompt templates for the extraction service.
# Parts are Jinja2; the base supplies anything a task leaves out.
templates:
  base_comprehensive:
    description: Shared instructions for every task
    system: |
      You are a precise assistant for an HR recruitment platform.
      Follow the instructions exactly and never invent information.
    developer: >
      Output must be valid for the downstream parser.
      Do not include explanations unless asked.

      Keep field names in English.
    user: |
      {{ input_text }}
    assistant: |
      Respond in the requested format.

  resume_parsing:
    base: base_comprehensive
    system: |
      You are an expert resume parser for HR recruitment.
      {%- if language %} The resume is written in {{ language }}.{% endif %}
      Extract the following sections:
      {% for section in ['basics', 'work', 'education', 'skills'] -%}
        {{ loop.index }}. {{ section | title }}{{ ',' if not loop.last else '.' }}
      {% endfor %}
      {#- dates must match JSON Resume -#}
      Dates use YYYY-MM or YYYY-MM-DD.
    user: |
      Resume ({{ resume_text | length }} characters):
      """
      {{ resume_text | trim }}
      """
    assistant: |-
      {"basics": 

  jd_parsing:
    base: base_comprehensive
    user: |
      {% set words = jd_text.split() %}
      Job description ({{ words | length }} words{% if words | length > 400 %}, long{% endif %}):
      {{ jd_text | truncate(60) }}

  chat:
    base: base_comprehensive
    system: "You are a helpful assistant.\nAnswer briefly."
    user: '{{ user_message }}'
    temperature: 0.7   # not used by brain
"""#

    static let providersYAML = #"""
# Provider pool, tried in priority order.
providers:
  openrouter:
    api_key_envs: [OPENROUTER_API_KEY, OPENROUTER_KEY_2, OPENROUTER_KEY_3]
    models:
      - meta-llama/llama-3.3-70b-instruct:free
      - google/gemini-2.0-flash-exp:free
    priority: 1
    enabled: true
    base_url: https://openrouter.ai/api/v1
    daily_limit: 1000
  groq:
    api_key_envs:
      - GROQ_API_KEY
      - GROQ_API_KEY_2
    models: [llama-3.3-70b-versatile, "llama-3.1-8b-instant"]
    priority: 2
    enabled: true
  gemini:
    api_key_envs: GEMINI_API_KEY
    models: [gemini-2.0-flash]
    priority: 3
    enabled: true
  xai:
    api_key_envs: [XAI_API_KEY]
    models: [grok-2-latest]
    priority: 4
    enabled: false
  local:
    kind: openai_compatible
    base_url: "http://127.0.0.1:8080/v1"
    models: [qwen2.5-7b-instruct]
    priority: 9
"""#
}

@Suite struct ImportTests {
    @Test func readsTemplatesFile() throws {
        let templates = try OriginalFormatImporter.templates(fromYAML: OriginalFormatFixtures.templatesYAML)
        #expect(templates.map(\.name) == ["base_comprehensive", "resume_parsing", "jd_parsing", "chat"])
        let base = templates[0]
        #expect(base.base == nil)
        #expect(base.description == "Shared instructions for every task")
        #expect(Set(base.parts.keys) == Set(TemplatePart.allCases))
        #expect(base.parts[.system] == "You are a precise assistant for an HR recruitment platform.\nFollow the instructions exactly and never invent information.\n")
        #expect(base.parts[.developer] == "Output must be valid for the downstream parser. Do not include explanations unless asked.\nKeep field names in English.\n")
        let resume = templates[1]
        #expect(resume.base == "base_comprehensive")
        #expect(Set(resume.parts.keys) == [.system, .user, .assistant])
        #expect(resume.parts[.assistant] == "{\"basics\": ")
        #expect(templates[3].ignoredKeys == ["temperature"])
        #expect(try OriginalFormatImporter.kind(ofYAML: OriginalFormatFixtures.templatesYAML) == .templates)
    }

    /// Expected texts were rendered by Python's jinja2 3.1.6 (default environment) from the
    /// same YAML (loaded with PyYAML) and the same variables.
    static let expectedParts: [(String, TemplatePart, String)] = [
        ("resume_parsing", .system, "You are an expert resume parser for HR recruitment.\nExtract the following sections:\n1. Basics,\n2. Work,\n3. Education,\n4. Skills.\nDates use YYYY-MM or YYYY-MM-DD."),
        ("resume_parsing", .user, "Resume (47 characters):\n\"\"\"\nJane Doe\nSenior Engineer at Acme {{ 7*7 }}\n\"\"\""),
        ("resume_parsing", .assistant, "{\"basics\": "),
        ("resume_parsing", .developer, "Output must be valid for the downstream parser. Do not include explanations unless asked.\nKeep field names in English."),
        ("jd_parsing", .user, "\nJob description (14 words):\nWe are hiring a Swift engineer to build local-first..."),
        ("chat", .system, "You are a helpful assistant.\nAnswer briefly."),
        ("chat", .user, "Hi {% raw %}"),
    ]

    static let inputs: [TaskType: String] = [
        .resumeParsing: "  Jane Doe\nSenior Engineer at Acme {{ 7*7 }}\n  ",
        .jdParsing: "We are hiring a Swift engineer to build local-first tools for recruiters in Berlin.",
        .chat: "Hi {% raw %}",
    ]

    @Test func importedTemplatesRenderAsTheOriginalDid() throws {
        let imported = try OriginalFormatImporter.templates(fromYAML: OriginalFormatFixtures.templatesYAML)
        let library = try TemplateLibrary.load(imported: imported)
        for (name, part, expected) in Self.expectedParts {
            let template = try library.template(named: name)
            #expect(template.undefined == .lenient)
            let input = try #require(Self.inputs[template.task])
            let context = PromptAssembler.context(for: template, input: input, fullLength: input.count, truncated: false, settings: PromptAssemblyOptions())
            let rendered = try #require(template.parts[part]).template.render(context)
            #expect(rendered == expected, "\(name) \(part)")
        }
    }

    @Test func importedTemplatesOverrideFolderTemplates() throws {
        let imported = try OriginalFormatImporter.templates(fromYAML: OriginalFormatFixtures.templatesYAML)
        let folder = ["chat/system.jinja": "folder chat", "chat/developer.jinja": "folder developer", "generic/system.jinja": "generic"]
        let library = try TemplateLibrary.load(imported: imported, over: folder)
        #expect(library.names == ["base_comprehensive", "chat", "generic", "jd_parsing", "resume_parsing"])
        let chat = try library.template(named: "chat")
        #expect(chat.parts[.system]?.source == "You are a helpful assistant.\nAnswer briefly.")
        #expect(chat.parts[.developer]?.origin == "base_comprehensive")
    }

    @Test func importedFilesUseTheFolderLayout() throws {
        let imported = try OriginalFormatImporter.templates(fromYAML: OriginalFormatFixtures.templatesYAML)
        let files = imported[1].files
        #expect(Set(files.keys) == ["resume_parsing/template.yaml", "resume_parsing/system.jinja", "resume_parsing/user.jinja", "resume_parsing/assistant.jinja"])
        #expect(files["resume_parsing/template.yaml"] == "# imported from the original system's templates.yaml\nbase: \"base_comprehensive\"\nundefined: lenient\n")
        let metadata = try YAMLReader.parse(try #require(imported[0].files["base_comprehensive/template.yaml"]))
        #expect(metadata["description"] == "Shared instructions for every task")
    }

    @Test func readsProvidersFile() throws {
        let providers = try OriginalFormatImporter.providers(fromYAML: OriginalFormatFixtures.providersYAML)
        #expect(providers.map(\.name) == ["openrouter", "groq", "gemini", "xai", "local"])
        #expect(providers[0] == ImportedProvider(
            name: "openrouter", apiKeyEnvs: ["OPENROUTER_API_KEY", "OPENROUTER_KEY_2", "OPENROUTER_KEY_3"],
            models: ["meta-llama/llama-3.3-70b-instruct:free", "google/gemini-2.0-flash-exp:free"], priority: 1, enabled: true,
            baseURL: "https://openrouter.ai/api/v1", kind: nil, dailyLimit: 1000))
        #expect(providers[1].apiKeyEnvs == ["GROQ_API_KEY", "GROQ_API_KEY_2"])
        #expect(providers[1].models == ["llama-3.3-70b-versatile", "llama-3.1-8b-instant"])
        #expect(providers[2].apiKeyEnvs == ["GEMINI_API_KEY"])
        #expect(providers[3].enabled == false)
        #expect(providers[4] == ImportedProvider(
            name: "local", apiKeyEnvs: [], models: ["qwen2.5-7b-instruct"], priority: 9, enabled: true,
            baseURL: "http://127.0.0.1:8080/v1", kind: "openai_compatible", dailyLimit: nil))
        #expect(try OriginalFormatImporter.kind(ofYAML: OriginalFormatFixtures.providersYAML) == .providers)
    }

    @Test func invalidFilesAreClearErrors() {
        let badEnabled = OriginalFormatFixtures.providersYAML.replacingOccurrences(of: "priority: 4\n    enabled: false", with: "priority: 4\n    enabled: maybe")
        #expect(throws: ImportError.invalid(path: "providers.xai.enabled", message: "expected true or false")) {
            try OriginalFormatImporter.providers(fromYAML: badEnabled)
        }
        let badModels = "providers:\n  groq:\n    models: {a: 1}\n"
        #expect(throws: ImportError.invalid(path: "providers.groq.models", message: "expected a list of text")) {
            try OriginalFormatImporter.providers(fromYAML: badModels)
        }
        let anchor = "templates:\n  base: &b\n    system: hi\n"
        #expect(throws: ImportError.yaml(.unsupported(line: 2, message: "anchors ('&') are not supported"))) {
            try OriginalFormatImporter.templates(fromYAML: anchor)
        }
        #expect(throws: ImportError.invalid(path: "(top level)", message: "missing 'templates:'")) {
            try OriginalFormatImporter.templates(fromYAML: "providers: {}\n")
        }
        #expect(throws: ImportError.invalid(path: "templates.../x", message: "template names use letters, digits, '_' and '-'")) {
            try OriginalFormatImporter.templates(fromYAML: "templates:\n  ../x:\n    system: hi\n")
        }
        #expect(throws: ImportError.invalid(path: "(top level)", message: "expected a 'templates:' or 'providers:' mapping")) {
            try OriginalFormatImporter.kind(ofYAML: "other: 1\n")
        }
    }
}
