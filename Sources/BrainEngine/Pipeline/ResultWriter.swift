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
        try db.transaction {
            if let leaseOwner {
                let owner = try db.scalar("SELECT lease_owner FROM jobs WHERE id = ? AND state = 'running'", [jobID])?.string
                guard owner == leaseOwner else { return nil }
            }
            let route = outcome.route
            let completion = route.completion
            let metadata: JSONValue = [
                "from_cache": .bool(route.fromCache), "finish_reason": .string(completion.finishReason.description),
                "provider_request_id": completion.requestId.map { .string($0) } ?? .null,
                "total_tokens": .int(completion.usage.totalTokens),
            ]
            try db.execute(
                """
                INSERT INTO results(job_id, task, provider, model, response, parsed, verdict, validation_errors, warnings,
                    tokens_in, tokens_out, cost, response_time_ms, fallback_chain, total_attempts, output_file, metadata, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [jobID, task.rawValue, route.provider, route.model, completion.text, outcome.parsed?.serialized(),
                 outcome.verdict, JSONValue.array(outcome.validationErrors.map { .string($0) }).serialized(),
                 JSONValue.array(outcome.warnings.map { .string($0) }).serialized(),
                 completion.usage.promptTokens, completion.usage.completionTokens, completion.cost, outcome.responseTimeMs,
                 JSONValue.array(route.fallbackChain.map(\.json)).serialized(), route.attempts.count, outputFile,
                 metadata.serialized(), now.iso8601])
            let resultID = db.lastInsertRowID
            try db.execute(
                """
                UPDATE jobs SET state = 'done', lease_owner = NULL, lease_expires_at = NULL, finished_at = ?, updated_at = ?,
                    last_error = NULL, last_error_class = NULL, warnings = ? WHERE id = ?
                """,
                [now.iso8601, now.iso8601, JSONValue.array(outcome.warnings.map { .string($0) }).serialized(), jobID])
            return resultID
        }
    }
}
