import BrainCore
import BrainProviders
import BrainStore

/// Writes a job's result and its `done` state in one transaction.
public enum ResultWriter {
    /// Stores `outcome` for `jobID` when `leaseOwner` still holds the job (nil: no lease check).
    /// Returns the result id, or nil when another worker owns the job now (nothing is written).
    @discardableResult
    public static func complete(
        db: Database, jobID: Int, leaseOwner: String?, task: TaskType, outcome: JobOutcome, outputFile: String?,
        now: Double
    ) throws -> Int? {
        try complete(db: db, Row(jobID: jobID, task: task, outcome: outcome, outputFile: outputFile, now: now), leaseOwner: leaseOwner)
    }

    /// A result's column values, serialised before the transaction so the database queue does
    /// no JSON work while it holds the write lock.
    public struct Row: Sendable {
        let jobID: Int
        let values: [any SQLValueConvertible]
        let warnings: String
        let now: String

        public init(jobID: Int, task: TaskType, outcome: JobOutcome, outputFile: String?, now: Double) {
            let route = outcome.route
            let completion = route.completion
            let metadata: JSONValue = [
                "from_cache": .bool(route.fromCache), "finish_reason": .string(completion.finishReason.description),
                "provider_request_id": completion.requestId.map { .string($0) } ?? .null,
                "total_tokens": .int(completion.usage.totalTokens),
            ]
            self.jobID = jobID
            self.now = now.iso8601
            warnings = JSONValue.array(outcome.warnings.map { .string($0) }).serialized()
            values = [
                jobID, task.rawValue, route.provider, route.model, completion.text, outcome.parsed?.serialized(),
                outcome.verdict, JSONValue.array(outcome.validationErrors.map { .string($0) }).serialized(), warnings,
                completion.usage.promptTokens, completion.usage.completionTokens, completion.cost, outcome.responseTimeMs,
                JSONValue.array(route.fallbackChain.map(\.json)).serialized(), route.attempts.count, outputFile,
                metadata.serialized(), self.now,
            ]
        }
    }

    /// Writes a prepared result and the job's `done` state in one transaction.
    @discardableResult
    public static func complete(db: Database, _ row: Row, leaseOwner: String?) throws -> Int? {
        try db.transaction {
            // The job turns done only while `leaseOwner` still holds it; else nothing is written.
            try db.execute(
                """
                UPDATE jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, finished_at = ?1, updated_at = ?2,
                    last_error = NULL, last_error_class = NULL, warnings = ?3
                WHERE id = ?4 AND (?5 IS NULL OR (state = 'running' AND lease_owner = ?5))
                """,
                [row.now, row.now, row.warnings, row.jobID, leaseOwner])
            guard db.changes == 1 else { return nil }
            try db.execute(
                """
                INSERT INTO results(job_id, task, provider, model, response, parsed, verdict, validation_errors, warnings,
                    tokens_in, tokens_out, cost, response_time_ms, fallback_chain, total_attempts, output_file, metadata, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, row.values)
            return db.lastInsertRowID
        }
    }
}
