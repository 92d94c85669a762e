import BrainCore
import Foundation
import Testing

@testable import BrainPrompt

@Suite struct LibraryTests {
    /// The repository's `templates/` folder, found from this file's path.
    static var templatesFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates")
    }

    static func repositoryLibrary() throws -> TemplateLibrary { try TemplateLibrary.load(directory: templatesFolder) }

    @Test func repositoryTemplatesLoadWithTheirBase() throws {
        let library = try Self.repositoryLibrary()
        #expect(library.names == ["base_comprehensive", "chat", "generic", "jd_parsing", "resume_parsing"])
        let resume = try library.template(named: "resume_parsing")
        #expect(resume.chain == ["resume_parsing", "base_comprehensive"])
        #expect(resume.task == .resumeParsing)
        #expect(resume.outputSchema == "resume")
        #expect(resume.strict)
        #expect(resume.parts[.system]?.origin == "resume_parsing")
        #expect(resume.parts[.developer]?.origin == "base_comprehensive")
        #expect(resume.profile.role == "expert resume parser")
        let jd = try library.template(named: "jd_parsing")
        #expect(jd.outputSchema == "jd" && jd.strict && jd.task == .jdParsing)
        let chat = try library.template(named: "chat")
        #expect(chat.outputSchema == nil && !chat.strict && chat.task == .chat)
        let generic = try library.template(named: "generic")
        #expect(generic.outputSchema == nil && !generic.strict && generic.task == .generic)
        #expect(generic.profile.role == "data analyst")
        let versions = Set(library.templates.values.map(\.version))
        #expect(versions.count == 5)
        #expect(versions.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test(arguments: ["base_comprehensive", "chat", "generic", "jd_parsing", "resume_parsing"])
    func repositoryTemplatesRender(_ name: String) throws {
        let assembler = PromptAssembler(library: try Self.repositoryLibrary())
        let plain = try assembler.assemble(template: name, input: "Some input text")
        #expect(plain.messages.map(\.role) == [.system, .user])
        #expect(plain.messages.last?.content.contains("Some input text") == true)
        let options = PromptAssemblyOptions(
            acceptsDeveloperRole: true, inputCharacterBudget: 4,
            options: ["language": "German", "instructions": "Be brief.", "task": "Summarise", "format": "json"])
        let rich = try assembler.assemble(template: name, input: "Some input text", settings: options)
        #expect(rich.messages.map(\.role) == [.system, .developer, .user])
        #expect(rich.messages[1].content.contains("German"))
        #expect(rich.messages[1].content.contains("cut to fit"))
    }

    static let baseFiles: [String: String] = [
        "base/template.yaml": "strict: true\noutput_schema: none\ndescription: the base\n",
        "base/system.jinja": "base system for {{ profile.role }}\n",
        "base/developer.jinja": "base developer\n",
        "base/user.jinja": "base user: {{ input_text }}\n",
        "base/assistant.jinja": "base assistant\n",
        "middle/template.yaml": "base: base\n",
        "middle/system.jinja": "middle system\n",
        "middle/developer.jinja": "",
        "leaf/template.yaml": "base: middle\ntask: chat\n",
        "leaf/user.jinja": "leaf user: {{ user_message }}\n",
        "README.md": "ignored",
    ]

    @Test func partsAndSettingsInheritThroughTheChain() throws {
        let library = try TemplateLibrary.load(files: Self.baseFiles)
        let leaf = try library.template(named: "leaf")
        #expect(leaf.chain == ["leaf", "middle", "base"])
        #expect(leaf.parts[.system]?.origin == "middle")
        #expect(leaf.parts[.developer]?.origin == "middle")
        #expect(leaf.parts[.user]?.origin == "leaf")
        #expect(leaf.parts[.assistant]?.origin == "base")
        #expect(leaf.strict)
        #expect(leaf.outputSchema == nil)
        #expect(leaf.task == .chat)
        let prompt = try PromptAssembler(library: library).assemble(template: "leaf", input: "hi")
        #expect(prompt.messages == [
            ChatMessage(role: .system, content: "middle system\n\nbase assistant"),
            ChatMessage(role: .user, content: "leaf user: hi"),
        ])
        let base = try PromptAssembler(library: library).assemble(template: "base", input: "x")
        #expect(base.messages == [
            ChatMessage(role: .system, content: "base system for data analyst\n\nbase developer\n\nbase assistant"),
            ChatMessage(role: .user, content: "base user: x"),
        ])
    }

    @Test func versionIsAStableContentHash() throws {
        let first = try TemplateLibrary.load(files: Self.baseFiles)
        let again = try TemplateLibrary.load(files: Self.baseFiles)
        #expect(first["leaf"]?.version == again["leaf"]?.version)
        var changedBase = Self.baseFiles
        changedBase["base/assistant.jinja"] = "base assistant, changed\n"
        let changed = try TemplateLibrary.load(files: changedBase)
        #expect(changed["leaf"]?.version != first["leaf"]?.version)
        #expect(changed["middle"]?.version != first["middle"]?.version)
        var unrelated = Self.baseFiles
        unrelated["base/template.yaml"] = "strict: true\noutput_schema: none\ndescription: reworded\n"
        #expect(try TemplateLibrary.load(files: unrelated)["leaf"]?.version == first["leaf"]?.version)
        let leaf = try #require(first["leaf"])
        #expect(leaf.version == SHA256.hex(Array(leaf.canonicalJSON.utf8)))
    }

    @Test func keptFilesRebuildTheSameLibrary() throws {
        let library = try TemplateLibrary.load(files: Self.baseFiles)
        #expect(library.files["README.md"] == nil)
        #expect(library.files.count == Self.baseFiles.count - 1)
        let rebuilt = try TemplateLibrary.load(files: library.files)
        #expect(rebuilt.templates.mapValues(\.version) == library.templates.mapValues(\.version))
    }

    @Test func baseCycleIsAnError() {
        let files = ["a/template.yaml": "base: b\n", "b/template.yaml": "base: a\n", "a/system.jinja": "x"]
        #expect(throws: TemplateLibraryError.baseCycle(["a", "b", "a"])) { try TemplateLibrary.load(files: files) }
    }

    @Test func unknownBaseIsAnError() {
        let files = ["a/template.yaml": "base: missing\n", "a/system.jinja": "x"]
        #expect(throws: TemplateLibraryError.unknownBase(template: "a", base: "missing")) { try TemplateLibrary.load(files: files) }
    }

    @Test func badFilesAreErrorsNamingTheFile() {
        #expect(throws: TemplateLibraryError.unexpectedFile("a/sytem.jinja")) { try TemplateLibrary.load(files: ["a/sytem.jinja": "x"]) }
        #expect(throws: TemplateLibraryError.invalidMetadata(
            file: "a/template.yaml", message: "unknown setting 'stirct' (known: base, output_schema, strict, prefill, task, undefined, description)")
        ) { try TemplateLibrary.load(files: ["a/template.yaml": "stirct: true\n"]) }
        #expect(throws: TemplateLibraryError.invalidMetadata(file: "a/template.yaml", message: "'output_schema' must be resume, jd or none")) {
            try TemplateLibrary.load(files: ["a/template.yaml": "output_schema: cv\n"])
        }
        do {
            _ = try TemplateLibrary.load(files: ["a/user.jinja": "line one\n{% if x %}"])
            Issue.record("expected a syntax error")
        } catch {
            guard case .template(let inner) = error else { Issue.record("wrong error \(error)"); return }
            #expect(inner.template == "a/user.jinja" && inner.line == 2 && inner.kind == .syntax)
        }
        do {
            _ = try TemplateLibrary.load(files: ["a/template.yaml": "base: x\nbase: y\n"])
            Issue.record("expected a yaml error")
        } catch {
            #expect(error == .yaml(file: "a/template.yaml", .malformed(line: 2, message: "duplicate key 'base'")))
        }
    }

    @Test func unknownTemplateIsAnError() throws {
        let assembler = PromptAssembler(library: try TemplateLibrary.load(files: Self.baseFiles))
        #expect(throws: TemplateLibraryError.unknownTemplate("nope")) { try assembler.assemble(template: "nope", input: "") }
    }

    @Test func writtenFilesLoadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-templates-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try TemplateLibrary.write(files: Self.baseFiles, to: folder)
        let loaded = try TemplateLibrary.load(directory: folder)
        #expect(loaded.names == ["base", "leaf", "middle"])
        #expect(loaded["leaf"]?.version == (try TemplateLibrary.load(files: Self.baseFiles))["leaf"]?.version)
    }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 5), "8a9eeb29b20c994c4ba92ab776d1b7aa62245dae9ca6519c41ee429fba7ed106"),
    ])
    func sha256MatchesKnownDigests(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }
}
