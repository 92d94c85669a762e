import BrainCore
import BrainFake
import Foundation
import Testing

/// The structured-output repair path, end to end through `brain process` and the fake provider.
@Suite struct RepairPathTests {
    @Test func aFencedAnswerMissingARequiredFieldIsRepairedOnce() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        guard var resume = try JSONValue.parse(SampleDocuments.resumeJSON).objectValue else {
            Issue.record("sample resume is not an object")
            return
        }
        resume["skills"] = nil
        let broken = "Here is the JSON:\n```json\n" + JSONValue.object(resume).serialized(pretty: true) + "\n```\nDone."
        fixture.server.provider.enqueue(
            PipelineFaultTests.chatCompletion(broken),
            PipelineFaultTests.chatCompletion(SampleDocuments.resumeJSON))
        let out = try fixture.brain.run(["process", "--text", "A resume", "--task", "resume_parsing", "--json"])
        #expect(out.status == 0, "\(out.stderr)")
        let json = (try JSONSerialization.jsonObject(with: Data(out.stdout.utf8))) as? [String: Any]
        #expect((json?["metadata"] as? [String: Any])?["verdict"] as? String == "repaired")
        let sent = fixture.server.provider.requests.filter { $0.path.hasSuffix("/chat/completions") }
        #expect(sent.count == 2)
        let repairBody = sent.last?.bodyText ?? ""
        #expect(repairBody.contains("skills"))
        #expect(repairBody.contains("\"role\":\"assistant\""))
        let db = try SQLiteHandle(path: fixture.brain.databasePath)
        #expect(try db.int("SELECT count(*) FROM results WHERE verdict = 'repaired'") == 1)
    }

    @Test func anAnswerStillInvalidAfterRepairFailsThatProvider() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        fixture.server.provider.enqueue(
            PipelineFaultTests.chatCompletion("no json here"), PipelineFaultTests.chatCompletion("{\"basics\": 3}"))
        let out = try fixture.brain.run(["process", "--text", "A resume", "--task", "resume_parsing", "--json"])
        #expect(out.status == 1)
        let db = try SQLiteHandle(path: fixture.brain.databasePath)
        #expect(try db.int("SELECT count(*) FROM calls WHERE outcome = 'invalid_output'") == 1)
        #expect(try db.int("SELECT count(*) FROM jobs WHERE state = 'failed' AND last_error_class = 'invalid_output'") == 1)
    }
}
