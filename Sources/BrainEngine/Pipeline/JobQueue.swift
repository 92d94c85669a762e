import BrainCore
import BrainStore
import Foundation

/// A job as claimed by a worker.
public struct ClaimedJob: Sendable, Equatable {
    public var id: Int
    public var task: TaskType
    public var documentID: Int?
    /// The text to process: the job's inline text, else its document's, read with the claim
    /// (nil when the document has none, e.g. its extraction failed).
    public var text: String?
    public var templateName: String
    public var templateVersion: String
    public var options: JobOptions
    public var attempts: Int
    public var maxAttempts: Int
}

/// The outbox: enqueue idempotently, claim with leases, and settle each job exactly once.
public enum JobQueue {
    /// The idempotency key of a job: the same document, task, template version and options
    /// always give the same key, so ingesting again enqueues nothing.
    public static func idempotencyKey(documentHash: String, task: TaskType, templateVersion: String, options: JobOptions) -> String {
        SHA256.hex("\(documentHash)\n\(task.rawValue)\n\(templateVersion)\n\(options.json.serialized(sortedKeys: true))")
    }

    /// Enqueues a job; returns its id, and whether it is new. With `force`, an existing job with
    /// the same key goes back to the queue (its result removed) instead.
    public static func enqueue(
        db: Database, task: TaskType, documentID: Int?, inputText: String?, templateName: String, templateVersion: String,
        options: JobOptions, key: String, force: Bool, maxAttempts: Int = 5, now: Double
    ) throws -> (id: Int, isNew: Bool) {
        if let existing = try db.queryOne("SELECT id, state FROM jobs WHERE idempotency_key = ?", [key]) {
            let id = existing.int("id") ?? 0
            if force, existing.string("state") != "running" {
                try db.execute("DELETE FROM results WHERE job_id = ?", [id])
                try db.execute(
                    """
                    UPDATE jobs SET state = 'queued', attempts = 0, next_attempt_at = 0, lease_owner = NULL,
                        lease_expires_at = NULL, finished_at = NULL, updated_at = ? WHERE id = ?
                    """, [now.iso8601, id])
                return (id, true)
            }
            return (id, false)
        }
        try db.execute(
            """
            INSERT INTO jobs(task, document_id, input_text, template_name, template_version, options, max_attempts,
                idempotency_key, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [task.rawValue, documentID, inputText, templateName, templateVersion, options.json.serialized(), maxAttempts,
             key, now.iso8601, now.iso8601])
        return (db.lastInsertRowID, true)
    }

    /// Claims up to `limit` jobs that are due, leasing them to `owner` until `now + lease`:
    /// first jobs whose lease expired (their worker died), oldest expiry first, then queued jobs
    /// past their next attempt time, earliest due first (new jobs, due from 0, in id order).
    /// Each comes with its text (`ClaimedJob.text`), read in the same transaction.
    ///
    /// Each lookup walks its partial index in due order and stops at `limit`, so a claim costs
    /// the same with ten jobs waiting or a hundred thousand (the planner, without statistics,
    /// would otherwise pick `jobs_state` and sort every due job); the rows are then updated by
    /// id (SQLite runs `UPDATE … WHERE id IN (subquery)` far slower).
    public static func claim(db: Database, owner: String, limit: Int, now: Double, lease: Double) throws -> [ClaimedJob] {
        try db.transaction {
            var ids = try db.query(
                """
                SELECT id FROM jobs INDEXED BY jobs_claim_expired
                WHERE state = 'running' AND lease_expires_at < ? ORDER BY lease_expires_at, id LIMIT ?
                """, [now, limit]
            ).compactMap { $0.int("id") }
            if ids.count < limit {
                ids += try db.query(
                    """
                    SELECT id FROM jobs INDEXED BY jobs_claim_queued
                    WHERE state = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?
                    """, [now, limit - ids.count]
                ).compactMap { $0.int("id") }
            }
            var claimed: [ClaimedJob] = []
            for id in ids {
                let row = try db.queryOne(
                    """
                    UPDATE jobs SET state = 'running', lease_owner = ?, lease_expires_at = ?, updated_at = ? WHERE id = ?
                    RETURNING \(claimedColumns)
                    """, [owner, now + lease, now.iso8601, id])
                guard let row, let task = TaskType(rawValue: row.string("task") ?? "") else { continue }
                let documentID = row.int("document_id")
                claimed.append(ClaimedJob(
                    id: id, task: task, documentID: documentID,
                    text: try row.string("input_text") ?? documentText(db: db, documentID: documentID),
                    templateName: row.string("template_name") ?? "", templateVersion: row.string("template_version") ?? "",
                    options: JobOptions(json: (try? JSONValue.parse(row.string("options") ?? "{}")) ?? [:]),
                    attempts: row.int("attempts") ?? 0, maxAttempts: row.int("max_attempts") ?? 5))
            }
            return claimed
        }
    }

    private static let claimedColumns = "id, task, document_id, input_text, template_name, template_version, options, attempts, max_attempts"

    /// Extends the lease of jobs `owner` still holds.
    public static func renew(db: Database, owner: String, ids: [Int], until: Double) throws {
        for id in ids {
            try db.execute("UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? AND state = 'running'", [until, id, owner])
        }
    }

    /// Puts a job back in the queue. `spendAttempt` false for offline or no-capacity returns.
    /// When attempts run out the job fails permanently with `errorClass` and `message`.
    /// Returns the job's new state.
    @discardableResult
    public static func release(
        db: Database, jobID: Int, owner: String, error message: String, errorClass: String, spendAttempt: Bool,
        permanent: Bool, retryAt: Double, now: Double
    ) throws -> String? {
        try db.transaction {
            guard let row = try db.queryOne("SELECT attempts, max_attempts, lease_owner FROM jobs WHERE id = ? AND state = 'running'", [jobID]),
                row.string("lease_owner") == owner
            else { return nil }
            let attempts = (row.int("attempts") ?? 0) + (spendAttempt ? 1 : 0)
            let failed = permanent || attempts >= (row.int("max_attempts") ?? 5)
            try db.execute(
                """
                UPDATE jobs SET state = ?, attempts = ?, next_attempt_at = ?, lease_owner = NULL, lease_expires_at = NULL,
                    last_error = ?, last_error_class = ?, updated_at = ?, finished_at = ? WHERE id = ?
                """,
                [failed ? "failed" : "queued", attempts, retryAt, String(message.prefix(2000)), errorClass, now.iso8601,
                 failed ? now.iso8601 : nil, jobID])
            return failed ? "failed" : "queued"
        }
    }

    /// Releases every job a dead process on this machine still holds, so a restart after
    /// `kill -9` need not wait for the leases to expire. Owners look like `host:pid:token`.
    public static func reclaimFromDeadOwners(db: Database, host: String, now: Double) throws -> Int {
        var released = 0
        for row in try db.query("SELECT DISTINCT lease_owner FROM jobs WHERE state = 'running'") {
            guard let owner = row.string("lease_owner") else { continue }
            let parts = owner.split(separator: ":")
            guard parts.count >= 3, String(parts[0]) == host, let pid = Int32(parts[1]) else { continue }
            if kill(pid, 0) == 0 || errno == EPERM { continue }
            try db.execute(
                """
                UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL, updated_at = ?
                WHERE state = 'running' AND lease_owner = ?
                """, [now.iso8601, owner])
            released += db.changes
        }
        return released
    }

    /// A document's extracted text (nil for none, or no text).
    static func documentText(db: Database, documentID: Int?) throws -> String? {
        guard let documentID else { return nil }
        return try db.scalar("SELECT text FROM documents WHERE id = ?", [documentID])?.string
    }
}
