import BrainCore
import BrainExtract
import BrainStore
import Foundation
import Testing

@testable import BrainEngine

/// Claims: which jobs come first, leases, and the text that comes with each job.
@Suite struct JobQueueClaimTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-claim-\(UUID().uuidString)")

    func database() throws -> Database {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try Database(path: folder.appendingPathComponent("brain.db").path)
    }

    @discardableResult
    func enqueue(_ db: Database, _ name: String, text: String? = nil, document: Int? = nil) throws -> Int {
        try JobQueue.enqueue(
            db: db, task: .resumeParsing, documentID: document, inputText: document == nil ? (text ?? name) : nil,
            templateName: "resume_parsing", templateVersion: "v1", options: JobOptions(), key: name, force: false, now: 100
        ).id
    }

    @Test func newJobsComeInIdOrderAndEachOnce() throws {
        let db = try database()
        let ids = try (0..<5).map { try enqueue(db, "job-\($0)") }

        var claimed: [Int] = []
        while let job = try JobQueue.claim(db: db, owner: "w", limit: 1, now: 200, lease: 60).first { claimed.append(job.id) }

        #expect(claimed == ids)
        #expect(try db.scalar("SELECT count(*) FROM jobs WHERE state = 'running' AND lease_owner = 'w' AND lease_expires_at = 260")?.int == 5)
    }

    @Test func aJobWaitingForItsRetryIsNotClaimedBeforeItIsDue() throws {
        let db = try database()
        let retried = try enqueue(db, "retried")
        let fresh = try enqueue(db, "fresh")
        try db.execute("UPDATE jobs SET next_attempt_at = 500 WHERE id = ?", [retried])

        #expect(try JobQueue.claim(db: db, owner: "w", limit: 5, now: 200, lease: 60).map(\.id) == [fresh])
        #expect(try JobQueue.claim(db: db, owner: "w", limit: 5, now: 200, lease: 60).isEmpty)
        // By then the first claim's lease (to 260) has expired too: taken back first.
        #expect(try JobQueue.claim(db: db, owner: "w", limit: 5, now: 500, lease: 60).map(\.id) == [fresh, retried])
    }

    @Test func expiredLeasesAreTakenBackFirstThenQueuedJobsUpToTheLimit() throws {
        let db = try database()
        let first = try enqueue(db, "a")
        let second = try enqueue(db, "b")
        let third = try enqueue(db, "c")
        _ = try JobQueue.claim(db: db, owner: "dead", limit: 1, now: 200, lease: 60)  // holds `first` until 260

        #expect(try JobQueue.claim(db: db, owner: "w", limit: 1, now: 250, lease: 60).map(\.id) == [second])
        let later = try JobQueue.claim(db: db, owner: "w", limit: 2, now: 300, lease: 60)
        #expect(later.map(\.id) == [first, third])
        #expect(try db.scalar("SELECT lease_owner FROM jobs WHERE id = ?", [first])?.string == "w")
    }

    @Test func aClaimedJobCarriesItsDocumentsTextOrItsOwn() throws {
        let db = try database()
        let saved = try DocumentStore.save(
            db: db, path: "cv.txt", sha256: "abc", size: 12,
            extraction: .success(ExtractedText(text: "document text", format: .txt, extractor: "test")), now: 100)
        guard case .new(let document) = saved else {
            Issue.record("document not stored")
            return
        }
        let failed = try DocumentStore.save(
            db: db, path: "bad.pdf", sha256: "def", size: 3, extraction: .failure(.corrupt(format: .pdf, detail: "broken")), now: 100)
        guard case .new(let broken) = failed else {
            Issue.record("document not stored")
            return
        }
        try enqueue(db, "from-document", document: document)
        try enqueue(db, "inline", text: "inline text")
        try enqueue(db, "no-text", document: broken)

        let jobs = try JobQueue.claim(db: db, owner: "w", limit: 3, now: 200, lease: 60)

        #expect(jobs.map(\.text) == ["document text", "inline text", nil])
        #expect(jobs.map(\.documentID) == [document, nil, broken])
    }
}
