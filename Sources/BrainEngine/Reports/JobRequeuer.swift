import BrainCore
import BrainStore

/// `brain retry`: puts failed (or, one at a time, done) jobs back in the queue.
///
/// A re-queued job starts over: state `queued`, attempts 0, due now, no lease. Its last error is
/// kept until the next attempt replaces it. Re-queueing a done job deletes its result in the same
/// transaction, so results stay one per job.
public struct JobRequeuer {
    /// One job put back in the queue.
    public struct Requeued: Sendable, Equatable {
        public var id: Int
        public var task: String
        /// `failed` or `done`.
        public var previousState: String
        public var lastError: String?
        /// The id of the result deleted with it (done jobs only).
        public var deletedResultID: Int?

        public var json: JSONValue {
            [
                "id": .int(id), "task": .string(task), "previous_state": .string(previousState),
                "last_error": lastError.map { .string($0) } ?? .null,
                "deleted_result_id": deletedResultID.map { .int($0) } ?? .null,
            ]
        }
    }

    public let db: Database
    public let clock: any WallClock

    public init(db: Database, clock: any WallClock = SystemClock()) {
        self.db = db
        self.clock = clock
    }

    static let reset = """
        UPDATE jobs SET state = 'queued', attempts = 0, next_attempt_at = 0, lease_owner = NULL,
            lease_expires_at = NULL, finished_at = NULL, updated_at = ?
        """

    /// Re-queues every failed job; returns them, oldest first (empty when none failed).
    public func requeueFailed() throws -> [Requeued] {
        let now = clock.now().iso8601
        return try db.transaction {
            let jobs = try db.query(
                """
                SELECT j.id, j.task, j.last_error, r.id AS result_id
                FROM jobs j LEFT JOIN results r ON r.job_id = j.id
                WHERE j.state = 'failed' ORDER BY j.id
                """
            ).map { row in
                Requeued(
                    id: row.int("id") ?? 0, task: row.string("task") ?? "", previousState: "failed",
                    lastError: row.string("last_error"), deletedResultID: row.int("result_id"))
            }
            // A failed job should have no result; should one exist, the next attempt could not store its own.
            try db.execute("DELETE FROM results WHERE job_id IN (SELECT id FROM jobs WHERE state = 'failed')")
            try db.execute(Self.reset + " WHERE state = 'failed'", [now])
            return jobs
        }
    }

    /// Re-queues job `id` when it failed or is done; nil when it is queued already (nothing to do).
    public func requeue(id: Int) throws -> Requeued? {
        let now = clock.now().iso8601
        return try db.transaction {
            guard let row = try db.queryOne("SELECT task, state, last_error FROM jobs WHERE id = ?", [id]) else {
                throw ReportError.noSuchJob(id)
            }
            let state = row.string("state") ?? ""
            switch state {
            case "queued": return nil
            case "running": throw ReportError.jobRunning(id)
            default: break
            }
            let resultID = try db.scalar("SELECT id FROM results WHERE job_id = ?", [id])?.int
            if resultID != nil { try db.execute("DELETE FROM results WHERE job_id = ?", [id]) }
            try db.execute(Self.reset + " WHERE id = ?", [now, id])
            return Requeued(
                id: id, task: row.string("task") ?? "", previousState: state, lastError: row.string("last_error"),
                deletedResultID: resultID)
        }
    }
}
