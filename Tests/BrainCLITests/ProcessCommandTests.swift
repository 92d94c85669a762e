import BrainFake
import Foundation
import Testing

@Suite struct ProcessCommandTests {
    @Test func processesAResumeTextIntoValidJSON() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        let text = "Jane Example\nSenior Engineer at Example Corp 2019-2023\nSkills: Swift {{ 7*7 }}"
        let out = try fixture.brain.run(["process", "--text", text, "--task", "resume_parsing", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
        #expect(json?["success"] as? Bool == true)
        #expect(json?["provider"] as? String == "fake")
        #expect(json?["input_type"] as? String == "text")
        #expect((json?["response"] as? [String: Any])?["basics"] != nil)
        #expect(json?["total_attempts"] as? Int == 1)
        for key in ["model", "usage", "response_time", "output_file", "error_message", "metadata", "fallback_chain"] {
            #expect(json?.keys.contains(key) == true, "missing \(key)")
        }
        let sent = fixture.server.provider.requests.filter { $0.path.hasSuffix("/chat/completions") }
        #expect(sent.count == 1)
        #expect(sent.first?.bodyText.contains("{{ 7*7 }}") == true)
        let calls = try fixture.brain.run(["sql", "SELECT outcome, provider FROM calls", "--json"])
        #expect(calls.stdout.contains("\"success\""))
        let results = try fixture.brain.run(["sql", "SELECT verdict FROM results", "--json"])
        #expect(results.stdout.contains("\"valid\""))
    }

    @Test func aSecondIdenticalRequestIsServedFromTheCache() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        for _ in 0..<2 {
            let out = try fixture.brain.run(["process", "--text", "hello there", "--task", "chat", "--json"])
            #expect(out.status == 0, "\(out.stderr)")
        }
        #expect(fixture.server.provider.requests.filter { $0.path.hasSuffix("/chat/completions") }.count == 1)
        let hits = try fixture.brain.run(["sql", "SELECT count(*) AS n FROM calls WHERE outcome = 'cache_hit'", "--json"])
        #expect(hits.stdout.contains("\"n\": 1"))
        _ = try fixture.brain.run(["process", "--text", "hello there", "--task", "chat", "--no-cache"])
        #expect(fixture.server.provider.requests.filter { $0.path.hasSuffix("/chat/completions") }.count == 2)
    }

    @Test func everyProviderUnreachableExits75() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        fixture.server.stop()
        let out = try fixture.brain.run(["process", "--text", "hi", "--task", "chat", "--json"])
        #expect(out.status == 75, "\(out.stdout) \(out.stderr)")
        #expect(out.stdout.contains("no provider is reachable"))
    }
}
