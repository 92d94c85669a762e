import BrainFake
import Foundation
import Testing

/// End to end: ingest a folder, run the outbox against the fake provider, check every job settles once.
@Suite struct PipelineTests {
    /// Writes `count` distinct resumes (plus one duplicate, one PNG and one broken PDF) into a folder.
    static func makeInbox(in folder: URL, count: Int) throws -> URL {
        let inbox = folder.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox.appendingPathComponent("nested"), withIntermediateDirectories: true)
        for i in 0..<count {
            let text = "Candidate \(i)\nSoftware Engineer at Company \(i) from 2019 to 2023.\nSkills: Swift, SQL, item \(i)\n"
            try Data(text.utf8).write(to: inbox.appendingPathComponent(i % 2 == 0 ? "resume-\(i).txt" : "nested/resume-\(i).txt"))
        }
        try Data("Candidate 0\nSoftware Engineer at Company 0 from 2019 to 2023.\nSkills: Swift, SQL, item 0\n".utf8)
            .write(to: inbox.appendingPathComponent("copy-of-0.txt"))
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 64)).write(to: inbox.appendingPathComponent("photo.png"))
        try Data("%PDF-1.4\n1 0 obj garbage\n%%EOF".utf8).write(to: inbox.appendingPathComponent("broken.pdf"))
        try Data("hidden".utf8).write(to: inbox.appendingPathComponent(".hidden.txt"))
        return inbox
    }

    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    static func count(_ brain: BrainProcess, _ sql: String) throws -> Int {
        let out = try brain.run(["sql", sql, "--json"])
        let rows = (try? JSONSerialization.jsonObject(with: Data(out.stdout.utf8))) as? [[String: Any]]
        return rows?.first?.values.first as? Int ?? -1
    }

    @Test func ingestIsIdempotentAndRunDrainsTheQueue() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        let inbox = try Self.makeInbox(in: fixture.brain.folder, count: 6)
        let first = try fixture.brain.run(["ingest", inbox.path, "--task", "resume_parsing", "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        let summary = Self.json(first.stdout)
        #expect(summary["files"] as? Int == 9)
        #expect(summary["new"] as? Int == 6)
        #expect(summary["known"] as? Int == 1)
        #expect(summary["jobs_queued"] as? Int == 6)
        #expect((summary["unsupported"] as? Int ?? 0) + (summary["failed"] as? Int ?? 0) == 2)
        let again = Self.json(try fixture.brain.run(["ingest", inbox.path, "--task", "resume_parsing", "--json"]).stdout)
        #expect(again["jobs_queued"] as? Int == 0)
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM documents WHERE error IS NOT NULL") == 2)

        let run = try fixture.brain.run(["run", "--concurrency", "4", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(Self.json(run.stdout)["done"] as? Int == 6)
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM jobs WHERE state = 'done'") == 6)
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM results WHERE verdict IN ('valid', 'repaired')") == 6)

        let forced = Self.json(try fixture.brain.run(["ingest", inbox.path, "--task", "resume_parsing", "--force", "--json"]).stdout)
        #expect(forced["jobs_queued"] as? Int == 6)
    }

    @Test func offlineExits75WithoutSpendingAttemptsThenRecovers() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        let inbox = try Self.makeInbox(in: fixture.brain.folder, count: 3)
        _ = try fixture.brain.run(["ingest", inbox.path, "--task", "resume_parsing"])
        fixture.server.stop()
        let offline = try fixture.brain.run(["run", "--json"])
        #expect(offline.status == 75, "\(offline.stderr)")
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM jobs WHERE state = 'queued'") == 3)
        #expect(try Self.count(fixture.brain, "SELECT coalesce(sum(attempts), 0) FROM jobs") == 0)
        let second = try FakeProviderServer.start()
        defer { second.stop() }
        #expect(try fixture.brain.run(["providers", "set", "fake", "--base-url", second.baseURL]).status == 0)
        #expect(try fixture.brain.run(["keys", "enable", "1"]).status == 0)
        try resetBreaker(fixture.brain)
        let online = try fixture.brain.run(["run", "--json"])
        #expect(online.status == 0, "\(online.stderr)")
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM jobs WHERE state = 'done'") == 3)
    }

    @Test func limitStopsAfterThatManyJobsAndLeavesNoneRunning() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        let inbox = try Self.makeInbox(in: fixture.brain.folder, count: 6)
        #expect(try fixture.brain.run(["ingest", inbox.path, "--task", "resume_parsing"]).status == 0)
        for concurrency in ["1", "3"] {
            let run = try fixture.brain.run(["run", "--limit", "2", "--concurrency", concurrency, "--json"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.json(run.stdout)["done"] as? Int == 2)
            #expect(try Self.count(fixture.brain, "SELECT count(*) FROM jobs WHERE state = 'running'") == 0)
        }
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM jobs WHERE state = 'done'") == 4)
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM jobs WHERE state = 'queued'") == 2)
    }

    /// A network outage may have opened the breaker; tests bring the provider back at once.
    func resetBreaker(_ brain: BrainProcess) throws {
        let db = try SQLiteHandle(path: brain.databasePath)
        try db.exec("UPDATE breakers SET state = 'closed', consecutive_failures = 0, opened_at = NULL")
    }

    @Test func twoRunsShareTheWorkAndEachJobIsDoneOnce() throws {
        var options = FakeProviderOptions()
        options.latencyMs = 2
        let fixture = try FakeProviderFixture(options: options)
        defer { fixture.stop() }
        let inbox = fixture.brain.folder.appendingPathComponent("many")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for i in 0..<500 {
            try Data("Person \(i)\nEngineer at Firm \(i)\n".utf8).write(to: inbox.appendingPathComponent("r\(i).txt"))
        }
        #expect(try fixture.brain.run(["ingest", inbox.path, "--task", "resume_parsing"]).status == 0)
        let group = DispatchGroup()
        let outputs = OutputBox()
        for _ in 0..<2 {
            DispatchQueue.global().async(group: group) {
                let out = try? fixture.brain.run(["run", "--concurrency", "8", "--json"])
                outputs.append(out)
            }
        }
        group.wait()
        for out in outputs.all { #expect(out?.status == 0, "\(out?.stderr ?? "")") }
        let done = outputs.all.compactMap { $0.map { Self.json($0.stdout)["done"] as? Int ?? 0 } }.reduce(0, +)
        #expect(done == 500)
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM results") == 500)
        #expect(try Self.count(fixture.brain, "SELECT count(DISTINCT job_id) FROM results") == 500)
        #expect(try Self.count(fixture.brain, "SELECT count(*) FROM jobs WHERE state <> 'done'") == 0)
        let sent = fixture.server.provider.requests.filter { $0.path.hasSuffix("/chat/completions") }.count
        #expect(sent == 500)
    }
}

/// Collects outputs from several threads.
final class OutputBox: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [BrainProcess.Output?] = []
    func append(_ o: BrainProcess.Output?) { lock.withLock { items.append(o) } }
    var all: [BrainProcess.Output?] { lock.withLock { items } }
}
