import Foundation
import Testing

@Suite struct CLIToolsTemplateTests {
    static let taskTemplates = ["chat", "generic", "jd_parsing", "resume_parsing"]

    @Test func listWithoutADatabaseShowsTheBuiltInSet() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let listed = try brain.run(["templates", "list", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let names = listed.jsonArray?.compactMap { $0["name"] as? String } ?? []
        for task in Self.taskTemplates { #expect(names.contains(task)) }
        #expect(!FileManager.default.fileExists(atPath: brain.databasePath))
        let table = try brain.run(["templates", "list"])
        #expect(table.stdout.hasPrefix("NAME"))
        #expect(table.stderr.contains("built-in"))
    }

    @Test func listAndShowAgreeWithTheStore() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init", "--no-env-keys"]).status == 0)
        let listed = try brain.run(["templates", "list", "--json"])
        let resume = listed.jsonArray?.first { $0["name"] as? String == "resume_parsing" }
        let stored = try brain.run(["sql", "SELECT version FROM templates WHERE name = 'resume_parsing' AND active = 1", "--json"])
        let storedVersion = stored.jsonArray?.first?["version"] as? String
        #expect(storedVersion != nil)
        #expect(resume?["version"] as? String == storedVersion)
        #expect(resume?["output_schema"] as? String == "resume")
        #expect(resume?["strict"] as? Bool == true)
        #expect((resume?["source"] as? String)?.hasPrefix("database") == true)

        let shown = try brain.run(["templates", "show", "resume_parsing", "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let json = try #require(shown.jsonObject)
        #expect(json["version"] as? String == storedVersion)
        #expect((json["chain"] as? [String])?.first == "resume_parsing")
        #expect((json["chain"] as? [String])?.count == 2)
        let parts = json["parts"] as? [String: Any]
        #expect(parts?["system"] != nil && parts?["user"] != nil)

        let human = try brain.run(["templates", "show", "resume_parsing"])
        #expect(human.stdout.contains("--- user ---"))
        #expect(human.stdout.contains("chain:     resume_parsing -> "))
        #expect(try brain.run(["templates", "show", "no_such_template"]).status == 1)
    }

    @Test(arguments: taskTemplates)
    func renderKeepsTheInputAndItsTemplateSyntax(template: String) throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let input = "Jane Doe, engineer. {{ input_text }} {% for x in y %}{{ x }}{% endfor %} {# note #}"
        let rendered = try brain.run(["templates", "render", template, "--text", input, "--json"])
        #expect(rendered.status == 0, "\(rendered.stderr)")
        let messages = rendered.jsonObject?["messages"] as? [[String: String]] ?? []
        let user = messages.last { $0["role"] == "user" }?["content"] ?? ""
        #expect(user.contains(input))
        #expect(messages.first?["role"] == "system")
        #expect(!messages.contains { $0["role"] == "developer" })
        let text = try brain.run(["templates", "render", template, "--text", input])
        #expect(text.stdout.contains("--- system ---"))
        #expect(text.stdout.contains(input))
    }

    @Test func renderReadsAFileAndHonoursTheProvidersDeveloperRole() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init", "--no-env-keys"]).status == 0)
        try brain.write("t.yaml", """
            templates:
              steered:
                system: "You are careful."
                developer: "Answer in one line."
                user: "Input: {{ input_text }}"
            """)
        #expect(try brain.run(["import", "t.yaml"]).status == 0)
        #expect(try brain.run(["providers", "add", "oa", "--kind", "openai", "--base-url", "https://api.openai.com/v1", "--disabled"]).status == 0)
        let doc = try brain.write("doc.txt", "A document {{ not_a_variable }}")

        let folded = try brain.run(["templates", "render", "steered", "--file", doc, "--json"])
        let foldedMessages = folded.jsonObject?["messages"] as? [[String: String]] ?? []
        #expect(foldedMessages.map { $0["role"] ?? "" } == ["system", "user"])
        #expect(foldedMessages.first?["content"] == "You are careful.\n\nAnswer in one line.")
        #expect(foldedMessages.last?["content"] == "Input: A document {{ not_a_variable }}")

        let separate = try brain.run(["templates", "render", "steered", "--file", doc, "--provider", "oa", "--json"])
        #expect(separate.status == 0, "\(separate.stderr)")
        let roles = (separate.jsonObject?["messages"] as? [[String: String]] ?? []).map { $0["role"] ?? "" }
        #expect(roles == ["system", "developer", "user"])

        let groq = try brain.run(["templates", "render", "steered", "--text", "x", "--provider", "groq", "--json"])
        #expect((groq.jsonObject?["messages"] as? [[String: String]])?.count == 2)
        #expect(try brain.run(["templates", "render", "steered", "--text", "x", "--provider", "nosuch"]).status == 1)
    }

    @Test func renderNeedsExactlyOneInput() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["templates", "render", "chat"]).status == 2)
        #expect(try brain.run(["templates", "render", "chat", "--text", "a", "--file", "b"]).status == 2)
        #expect(try brain.run(["templates", "render", "chat", "--file", "missing.pdf"]).status == 1)
    }
}
