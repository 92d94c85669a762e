import BrainCore
import BrainStore
import Foundation
import Testing

@Suite struct CLIDataJobsTests {
    func json(_ output: BrainProcess.Output) throws -> JSONValue {
        #expect(output.status == 0, "\(output.stderr)")
        return try JSONValue.parse(output.stdout)
    }

    @Test func jobsListShowsEveryStateNewestFirstAndFilters() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let all = try json(seed.brain.run(["jobs", "list", "--json"]))
        #expect(all.arrayValue?.map { $0["id"]?.intValue } == [6, 5, 4, 3, 2, 1])
        #expect(all[5]?["document_path"]?.stringValue == CLIDataSeed.nastyPath)
        #expect(all[5]?["result_id"]?.intValue == 1)
        #expect(all[0]?["document_path"] == .null)
        #expect(all[0]?["input_characters"]?.intValue == 11)

        let failed = try json(seed.brain.run(["jobs", "list", "--state", "failed", "--json"]))
        #expect(failed.arrayValue?.count == 1)
        #expect(failed[0]?["last_error"]?.stringValue == CLIDataSeed.failure)
        #expect(failed[0]?["last_error_class"]?.stringValue == "provider_error")
        #expect(failed[0]?["attempts"]?.intValue == 5)
        #expect(failed[0]?["document_path"]?.stringValue == CLIDataSeed.inboxPath)

        let jds = try json(seed.brain.run(["jobs", "list", "--task", "jd_parsing", "--json"]))
        #expect(jds.arrayValue?.map { $0["id"]?.intValue } == [4, 2])
        let two = try json(seed.brain.run(["jobs", "list", "--limit", "2", "--json"]))
        #expect(two.arrayValue?.map { $0["id"]?.intValue } == [6, 5])
        let running = try json(seed.brain.run(["jobs", "list", "--state", "running", "--task", "resume_parsing", "--json"]))
        #expect(running[0]?["lease_owner"]?.stringValue == "worker-1")
    }

    @Test func jobsListTableIsAlignedForPeople() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let table = try seed.brain.run(["jobs", "list", "--state", "failed"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("ID  TASK"))
        #expect(lines[1].hasPrefix("3   resume_parsing  failed  5/5"))
        let state = try #require(lines[0].range(of: "STATE"))
        let column = lines[0].distance(from: lines[0].startIndex, to: state.lowerBound)
        #expect(lines[1].dropFirst(column).hasPrefix("failed"))
        #expect(lines[1].hasSuffix("provider_error: HTTP 500 from groq, after 5 attempts"))
        let none = try seed.brain.run(["jobs", "list", "--task", "generic"])
        #expect(none.status == 0 && none.stdout.isEmpty && none.stderr.contains("no jobs"))
    }

    @Test func retryFailedRequeuesAndKeepsTheLastError() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let retried = try json(seed.brain.run(["retry", "--failed", "--json"]))
        #expect(retried["count"]?.intValue == 1)
        #expect(retried["requeued"]?[0]?["id"]?.intValue == 3)
        #expect(retried["requeued"]?[0]?["previous_state"]?.stringValue == "failed")

        let db = try Database(path: seed.brain.databasePath)
        let row = try #require(try db.queryOne("SELECT * FROM jobs WHERE id = 3"))
        #expect(row.string("state") == "queued")
        #expect(row.int("attempts") == 0)
        #expect(row.double("next_attempt_at") == 0)
        #expect(row.string("last_error") == CLIDataSeed.failure)
        #expect(row.string("finished_at") == nil)
        #expect(try db.scalar("SELECT count(*) FROM jobs WHERE state = 'done'")?.int == 3)

        let again = try seed.brain.run(["retry", "--failed"])
        #expect(again.status == 0)
        #expect(again.stderr.contains("no failed jobs"))
    }

    @Test func retryOneDoneJobDeletesItsResultInTheSameStep() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let retried = try seed.brain.run(["retry", "--id", "2"])
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(retried.stdout.isEmpty)
        #expect(retried.stderr.contains("re-queued job 2 (jd_parsing, was done); deleted its result 2"))
        let db = try Database(path: seed.brain.databasePath)
        #expect(try db.scalar("SELECT state FROM jobs WHERE id = 2")?.string == "queued")
        #expect(try db.scalar("SELECT count(*) FROM results WHERE job_id = 2")?.int == 0)
        #expect(try db.scalar("SELECT count(*) FROM results")?.int == 2)
        // Calls stay: they are the history of what was spent.
        #expect(try db.scalar("SELECT count(*) FROM calls WHERE job_id = 2")?.int == 2)
    }

    @Test func retryRefusesRunningAndUnknownJobsAndBadArguments() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let running = try seed.brain.run(["retry", "--id", "5"])
        #expect(running.status == 1)
        #expect(running.stderr.contains("job 5 is running"))
        let queued = try seed.brain.run(["retry", "--id", "4", "--json"])
        #expect(queued.status == 0)
        #expect(try JSONValue.parse(queued.stdout)["count"]?.intValue == 0)
        #expect(queued.stderr.contains("queued already"))
        let missing = try seed.brain.run(["retry", "--id", "999"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no job 999"))
        for arguments in [["retry"], ["retry", "--failed", "--id", "3"], ["retry", "--id", "x"], ["retry", "--id", "-3"]] {
            let bad = try seed.brain.run(arguments)
            #expect(bad.status == 2, "\(arguments)")
            #expect(bad.stdout.isEmpty)
        }
        let db = try Database(path: seed.brain.databasePath)
        #expect(try db.scalar("SELECT state FROM jobs WHERE id = 5")?.string == "running")
        #expect(try db.scalar("SELECT state FROM jobs WHERE id = 3")?.string == "failed")
    }

    @Test func readCommandsWithoutADatabaseSayHowToMakeOne() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        for arguments in [["jobs", "list"], ["results", "list"], ["results", "export"], ["logs"], ["retry", "--failed"]] {
            let result = try brain.run(arguments)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("brain init"), "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: brain.databasePath))
    }
}
