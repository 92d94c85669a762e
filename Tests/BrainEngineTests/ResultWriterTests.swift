import BrainCore
@testable import BrainProviders
import BrainStore
import Foundation
import Testing

@testable import BrainEngine

/// A result is stored only by the worker that still holds the job's lease, together with `done`.
@Suite struct ResultWriterTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-result-\(UUID().uuidString)")

    func claimedJob() throws -> (Database, Int) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = try Database(path: folder.appendingPathComponent("brain.db").path)
        let id = try JobQueue.enqueue(
            db: db, task: .chat, documentID: nil, inputText: "hello", templateName: "chat", templateVersion: "v1",
            options: JobOptions(), key: "k", force: false, now: 100
        ).id
        _ = try JobQueue.claim(db: db, owner: "holder", limit: 1, now: 100, lease: 60)
        return (db, id)
    }

    func row(_ jobID: Int) -> ResultWriter.Row {
        let completion = Completion(
            text: "hi", finishReason: .stop, model: "m", usage: TokenUsage(promptTokens: 1, completionTokens: 1, totalTokens: 2))
        let route = RouteResult(
            completion: completion, provider: "p", model: "m", fromCache: false, repaired: false, attempts: [], fallbackChain: [])
        let outcome = JobOutcome(
            route: route, verdict: "text", parsed: nil, validationErrors: [], warnings: ["w"], responseTimeMs: 3)
        return ResultWriter.Row(jobID: jobID, task: .chat, outcome: outcome, outputFile: nil, now: 150)
    }

    @Test func theLeaseHolderStoresTheResultAndTheJobIsDone() throws {
        let (db, id) = try claimedJob()

        let stored = try ResultWriter.complete(db: db, row(id), leaseOwner: "holder")

        #expect(stored != nil)
        #expect(try db.scalar("SELECT count(*) FROM results WHERE job_id = ?", [id])?.int == 1)
        let job = try #require(try db.queryOne("SELECT state, lease_owner, warnings FROM jobs WHERE id = ?", [id]))
        #expect(job.string("state") == "done")
        #expect(job.string("lease_owner") == nil)
        #expect(job.string("warnings") == "[\"w\"]")
    }

    @Test func anotherWorkerWritesNothing() throws {
        let (db, id) = try claimedJob()

        #expect(try ResultWriter.complete(db: db, row(id), leaseOwner: "someone-else") == nil)

        #expect(try db.scalar("SELECT count(*) FROM results")?.int == 0)
        #expect(try db.scalar("SELECT state FROM jobs WHERE id = ?", [id])?.string == "running")
        #expect(try db.scalar("SELECT lease_owner FROM jobs WHERE id = ?", [id])?.string == "holder")
    }

    @Test func aSecondCompletionOfADoneJobWritesNothing() throws {
        let (db, id) = try claimedJob()
        _ = try ResultWriter.complete(db: db, row(id), leaseOwner: "holder")

        #expect(try ResultWriter.complete(db: db, row(id), leaseOwner: "holder") == nil)
        #expect(try db.scalar("SELECT count(*) FROM results")?.int == 1)
    }
}
