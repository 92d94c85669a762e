import BrainCore
import BrainFake
import Foundation
import Testing

@testable import BrainCLI

/// The bundled samples and how the demo's fake providers pick an answer for a prompt.
@Suite struct DemoSamplesTests {
    @Test func everyBundledDocumentHasAnAnswerAndTheFormatsVary() throws {
        let samples = try DemoSamples.embedded()
        #expect(samples.count(.resumeParsing) == 5)
        #expect(samples.count(.jdParsing) == 3)
        #expect(samples.formats == ["docx", "html", "odt", "pdf", "rtf", "txt"])
        for task in [TaskType.resumeParsing, .jdParsing] {
            #expect(samples.answers.filter { $0.task == task }.count == samples.count(task))
        }
        #expect(Set(samples.answers.map(\.marker)).count == samples.answers.count)
        #expect(samples.documents.allSatisfy { $0.data.count < 8192 }, "samples stay small")
    }

    @Test func loadingIgnoresOtherFilesAndNeedsBothTasks() throws {
        let answer = Data(#"{"basics": {"name": "Ada Example"}, "work": [], "education": [], "skills": []}"#.utf8)
        let files: [String: Data] = [
            "README.md": Data("readme".utf8), "tools/make.py": Data("print()".utf8),
            "resumes/ada.txt": Data("Ada Example".utf8), "resumes/.hidden.txt": Data("x".utf8),
            "jobs/role.txt": Data("A role".utf8), "answers/ada.json": answer,
        ]
        let samples = try DemoSamples(files: files)
        #expect(samples.documents.map(\.path) == ["jobs/role.txt", "resumes/ada.txt"])
        #expect(samples.answers.map(\.marker) == ["Ada Example"])
        #expect(throws: DemoError.self) { try DemoSamples(files: files.filter { !$0.key.hasPrefix("jobs/") }) }
        #expect(throws: DemoError.self) { try DemoSamples(files: files.merging(["answers/bad.json": Data("[1]".utf8)]) { $1 }) }
    }

    static func chatRequest(_ text: String) -> ReceivedRequest {
        let body: JSONValue = [
            "model": "demo-small",
            "messages": [["role": "system", "content": "Extract the resume as JSON."], ["role": "user", "content": .string(text)]],
            "response_format": ["type": "json_object"],
        ]
        return ReceivedRequest(method: "POST", target: "/v1/chat/completions", body: Array(body.serialized().utf8))
    }

    static func content(_ response: ScriptedResponse) -> JSONValue? {
        guard let body = try? JSONValue.parse(bytes: response.body),
            let text = body["choices"]?[0]?["message"]?["content"]?.stringValue
        else { return nil }
        return try? JSONValue.parse(text)
    }

    @Test func aSuccessfulAnswerIsReplacedByThePromptsOwnAnswer() throws {
        let samples = try DemoSamples.embedded()
        let request = Self.chatRequest("PRIYA RAMAN\nProgramme Manager\nSaffron Grid Energy")
        let generic = FakeProvider().handle(request)
        #expect(Self.content(generic)?["basics"]?["name"] != "Priya Raman")
        let replaced = DemoProvider.substituteAnswer(in: generic, for: request, samples: samples)
        #expect(replaced.status == 200)
        #expect(Self.content(replaced)?["basics"]?["name"] == "Priya Raman")
        #expect(Self.content(replaced)?["work"]?[0]?["name"] == "Saffron Grid Energy")
    }

    @Test func failuresAndUnknownPromptsPassThroughUnchanged() throws {
        let samples = try DemoSamples.embedded()
        let request = Self.chatRequest("Priya Raman")
        let limited = FakeProvider(options: FakeProviderOptions(rateLimitRate: 1)).handle(request)
        #expect(limited.status == 429)
        #expect(DemoProvider.substituteAnswer(in: limited, for: request, samples: samples) == limited)
        let stranger = Self.chatRequest("Someone Else\nCarpenter")
        let generic = FakeProvider().handle(stranger)
        #expect(DemoProvider.substituteAnswer(in: generic, for: stranger, samples: samples) == generic)
        let models = ReceivedRequest(method: "GET", target: "/v1/models")
        let list = FakeProvider().handle(models)
        #expect(DemoProvider.substituteAnswer(in: list, for: models, samples: samples) == list)
    }

    @Test(arguments: [
        ("/tmp/brain-demo/brain.db", "/tmp/brain-demo/brain.db"),
        ("/tmp/my demo/brain.db", "'/tmp/my demo/brain.db'"),
        ("/tmp/it's/brain.db", "'/tmp/it'\\''s/brain.db'"),
    ])
    func pathsInHintsAreQuotedForAShell(path: String, quoted: String) {
        #expect(DemoCommand.shellQuoted(path) == quoted)
    }
}
