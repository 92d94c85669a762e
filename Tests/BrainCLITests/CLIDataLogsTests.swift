import BrainCore
import Foundation
import Testing

@Suite struct CLIDataLogsTests {
    @Test func logsAreNewestFirstAndFiltered() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let all = try seed.brain.run(["logs", "--json"])
        #expect(all.status == 0, "\(all.stderr)")
        let calls = try JSONValue.parse(all.stdout)
        #expect(calls.arrayValue?.map { $0["started_at"]?.stringValue } == [
            "2026-01-01T00:00:12.000Z", "2026-01-01T00:00:11.000Z", "2026-01-01T00:00:10.000Z", "2026-01-01T00:00:09.000Z",
        ])
        #expect(calls[0]?["outcome"]?.stringValue == "provider_error")
        #expect(calls[0]?["http_status"]?.intValue == 500)
        #expect(calls[0]?["key_label"]?.stringValue == "work")
        #expect(calls[2]?["key_id"] == .null)
        #expect(!all.stdout.contains("GROQ_TEST_KEY"))

        let one = try JSONValue.parse(try seed.brain.run(["logs", "--limit", "1", "--json"]).stdout)
        #expect(one.arrayValue?.count == 1)
        let job2 = try JSONValue.parse(try seed.brain.run(["logs", "--job", "2", "--json"]).stdout)
        #expect(job2.arrayValue?.map { $0["provider"]?.stringValue } == ["groq", "openrouter"])
        let openrouter = try JSONValue.parse(try seed.brain.run(["logs", "--provider", "openrouter", "--json"]).stdout)
        #expect(openrouter.arrayValue?.map { $0["outcome"]?.stringValue } == ["rate_limit_error"])
        let successes = try JSONValue.parse(try seed.brain.run(["logs", "--outcome", "success", "--json"]).stdout)
        #expect(successes.arrayValue?.count == 2)
    }

    @Test func logsTableForPeople() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let table = try seed.brain.run(["logs", "--limit", "2"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("ID  STARTED"))
        #expect(lines[1].contains("provider_error") && lines[1].hasSuffix("HTTP 500"))
        #expect(table.stderr.contains("showing the newest 2"))
        for arguments in [["logs", "--limit", "-1"], ["logs", "--job", "x"], ["logs", "--outcome", "meh"]] {
            #expect(try seed.brain.run(arguments).status == 2, "\(arguments)")
        }
    }
}
