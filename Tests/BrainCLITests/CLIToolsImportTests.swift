import Foundation
import Testing

@Suite struct CLIToolsImportTests {
    static let providersYAML = """
        providers:
          openrouter:
            api_key_envs: [OPENROUTER_API_KEY, OPENROUTER_KEY_2]
            models: [z-ai/glm-4.5-air:free]
            priority: 2
          groq:
            api_key_envs:
              - GROQ_API_KEY
            priority: 1
            enabled: true
          gemini:
            enabled: false
          homelab:
            base_url: http://127.0.0.1:9/v1
            models: [llama3]
            priority: 7
        """

    static let templatesYAML = """
        templates:
          base_comprehensive:
            system: |
              You are a careful assistant.
            developer: "Never invent facts."
          resume_parsing:
            base: base_comprehensive
            user: "Parse this resume: {{ resume_text }}"
            temperature: 0.2
          summary:
            base: base_comprehensive
            user: "Summarise: {{ input_text }}"
        """

    @Test func providersFileAddsProvidersAndEnvironmentKeyReferences() throws {
        let secret = "gsk_0123456789SECRETVALUE9f3a"
        let brain = BrainProcess(environment: ["GROQ_API_KEY": secret])
        defer { brain.cleanUp() }
        try brain.write("providers.yaml", Self.providersYAML)
        let imported = try brain.run(["import", "providers.yaml", "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try #require(imported.jsonObject)
        #expect(report["kind"] as? String == "providers")
        #expect(report["database_created"] as? Bool == true)
        #expect(report["providers_added"] as? [String] == ["homelab"])
        #expect(Set(report["keys_registered"] as? [String] ?? []) == ["openrouter/OPENROUTER_API_KEY", "openrouter/OPENROUTER_KEY_2"])
        // brain init's set-up already registered GROQ_API_KEY from the environment.
        #expect(report["keys_skipped"] as? [String] == ["groq/GROQ_API_KEY"])

        let providers = try brain.run(["providers", "list", "--json"]).jsonArray ?? []
        func provider(_ name: String) -> [String: Any]? { providers.first { $0["name"] as? String == name } }
        #expect(provider("groq")?["priority"] as? Int == 1)
        #expect(provider("openrouter")?["models"] as? [String] == ["z-ai/glm-4.5-air:free"])
        #expect(provider("openrouter")?["base_url"] as? String == "https://openrouter.ai/api/v1")
        #expect(provider("gemini")?["enabled"] as? Bool == false)
        #expect(provider("gemini")?["kind"] as? String == "gemini")
        #expect(provider("homelab")?["base_url"] as? String == "http://127.0.0.1:9/v1")
        #expect(provider("homelab")?["kind"] as? String == "openai")
        #expect(provider("homelab")?["key_required"] as? Bool == false)

        let keys = try brain.run(["keys", "list", "--json"])
        let references = try brain.run(["sql", "SELECT p.name || '/' || k.secret AS ref FROM api_keys k JOIN providers p ON p.id = k.provider_id ORDER BY ref", "--json"])
        #expect(references.jsonArray?.compactMap { $0["ref"] as? String } == [
            "groq/env:GROQ_API_KEY", "openrouter/env:OPENROUTER_API_KEY", "openrouter/env:OPENROUTER_KEY_2",
        ])
        for output in [imported, keys, references] { #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret)) }

        let again = try brain.run(["import", "providers.yaml", "--json"])
        #expect(again.jsonObject?["keys_registered"] as? [String] == [])
        #expect((again.jsonObject?["providers_unchanged"] as? [String])?.count == 4)
    }

    @Test func templatesFileIsStoredAndWrittenAsFolders() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init", "--no-env-keys"]).status == 0)
        try brain.write("templates.yaml", Self.templatesYAML)
        let imported = try brain.run(["import", "templates.yaml", "--write-templates", "templates", "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let report = try #require(imported.jsonObject)
        #expect(report["kind"] as? String == "templates")
        #expect((report["templates_stored"] as? [String])?.count == 3)
        #expect(report["ignored_keys"] as? [String] == ["resume_parsing.temperature"])
        #expect((report["files_written"] as? [String])?.contains("summary/user.jinja") == true)

        let listed = try brain.run(["templates", "list", "--json"]).jsonArray ?? []
        let summary = listed.first { $0["name"] as? String == "summary" }
        #expect(summary?["base"] as? String == "base_comprehensive")
        let active = try brain.run(["sql", "SELECT count(*) AS n FROM templates WHERE name = 'resume_parsing'", "--json"])
        #expect(active.jsonArray?.first?["n"] as? Int == 2)

        let rendered = try brain.run(["templates", "render", "resume_parsing", "--text", "Jane {{ x }}", "--json"])
        let messages = rendered.jsonObject?["messages"] as? [[String: String]] ?? []
        #expect(messages.first?["content"] == "You are a careful assistant.\n\nNever invent facts.")
        #expect(messages.last?["content"] == "Parse this resume: Jane {{ x }}")

        // The written folder loads on its own (./templates, no database) and renders the same messages.
        let fromFolder = try brain.run(["--db", "absent.db", "templates", "render", "resume_parsing", "--text", "Jane {{ x }}", "--json"])
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")
        #expect(fromFolder.jsonObject?["source"] as? String == "./templates")
        #expect(fromFolder.jsonObject?["messages"] as? [[String: String]] == messages)
        #expect(!FileManager.default.fileExists(atPath: brain.folder.appendingPathComponent("absent.db").path))
    }

    @Test func badFilesFailWithoutChangingAnything() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init", "--no-env-keys"]).status == 0)
        try brain.write("other.yaml", "settings:\n  a: 1\n")
        let unknown = try brain.run(["import", "other.yaml"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("templates") && unknown.stderr.contains("providers"))
        try brain.write("nourl.yaml", "providers:\n  mystery:\n    models: [m]\n  groq:\n    priority: 9\n")
        let noURL = try brain.run(["import", "nourl.yaml"])
        #expect(noURL.status == 1)
        #expect(noURL.stderr.contains("base_url"))
        let groq = try brain.run(["providers", "list", "--json"]).jsonArray?.first { $0["name"] as? String == "groq" }
        #expect(groq?["priority"] as? Int == 2)
        #expect(try brain.run(["import", "missing.yaml"]).status == 1)
        #expect(try brain.run(["import"]).status == 2)
    }
}
