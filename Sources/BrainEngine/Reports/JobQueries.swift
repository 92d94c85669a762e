import BrainStore

/// Reads the outbox for `brain jobs list`.
public struct JobQueries {
    public let db: Database

    public init(db: Database) { self.db = db }

    static let select = """
        SELECT j.id, j.task, j.state, j.attempts, j.max_attempts, j.document_id, d.path AS document_path,
               length(j.input_text) AS input_characters, j.template_name, j.template_version, j.next_attempt_at,
               j.lease_owner, j.lease_expires_at, j.last_error, j.last_error_class, j.warnings, j.created_at,
               j.updated_at, j.finished_at, r.id AS result_id
        FROM jobs j
        LEFT JOIN documents d ON d.id = j.document_id
        LEFT JOIN results r ON r.job_id = j.id
        """

    /// Jobs newest first, optionally only one state and one task; a nil `limit` means all.
    public func list(state: String? = nil, task: String? = nil, limit: Int? = nil) throws -> [JobSummary] {
        try db.query(
            Self.select + """

                WHERE (?1 IS NULL OR j.state = ?1) AND (?2 IS NULL OR j.task = ?2)
                ORDER BY j.id DESC LIMIT ?3
                """,
            [state, task, limit ?? -1]
        ).map(JobSummary.init(row:))
    }

    /// One job, or nil.
    public func job(id: Int) throws -> JobSummary? {
        try db.queryOne(Self.select + "\nWHERE j.id = ?", [id]).map(JobSummary.init(row:))
    }
}
