import BrainStore

/// Reads `results` for `brain results list|show|export`.
public struct ResultQueries {
    public let db: Database

    public init(db: Database) { self.db = db }

    /// Every column but the raw response, which only `show` needs.
    static let summaryColumns = """
        r.id, r.job_id, r.task, d.path AS document_path, r.provider, r.model, r.parsed, r.verdict,
        r.validation_errors, r.warnings, r.tokens_in, r.tokens_out, r.cost, r.response_time_ms, r.fallback_chain,
        r.total_attempts, r.output_file, r.metadata, r.created_at
        """
    static let from = """
        FROM results r
        JOIN jobs j ON j.id = r.job_id
        LEFT JOIN documents d ON d.id = j.document_id
        """

    /// Results newest first, optionally of one task; a nil `limit` means all. The raw response is left out.
    public func list(task: String? = nil, limit: Int? = nil) throws -> [ResultRecord] {
        try db.query(
            "SELECT \(Self.summaryColumns)\n\(Self.from)\nWHERE (?1 IS NULL OR r.task = ?1) ORDER BY r.id DESC LIMIT ?2",
            [task, limit ?? -1]
        ).map(ResultRecord.init(row:))
    }

    /// Result `id` with every field, the raw response included.
    public func result(id: Int) throws -> ResultRecord {
        guard let row = try db.queryOne("SELECT \(Self.summaryColumns), r.response\n\(Self.from)\nWHERE r.id = ?", [id]) else {
            throw ReportError.noSuchResult(id)
        }
        return ResultRecord(row: row)
    }

    /// The result of job `jobID` with every field.
    public func result(jobID: Int) throws -> ResultRecord {
        guard let row = try db.queryOne("SELECT \(Self.summaryColumns), r.response\n\(Self.from)\nWHERE r.job_id = ?", [jobID]) else {
            if try db.scalar("SELECT 1 FROM jobs WHERE id = ?", [jobID]) == nil { throw ReportError.noSuchJob(jobID) }
            throw ReportError.noResultForJob(jobID)
        }
        return ResultRecord(row: row)
    }

    /// Up to `limit` results with an id above `afterID`, oldest first: one page of an export, so a large
    /// export never holds every result in memory.
    public func page(task: String?, afterID: Int, limit: Int) throws -> [ResultRecord] {
        try db.query(
            "SELECT \(Self.summaryColumns)\n\(Self.from)\nWHERE r.id > ?1 AND (?2 IS NULL OR r.task = ?2) ORDER BY r.id LIMIT ?3",
            [afterID, task, limit]
        ).map(ResultRecord.init(row:))
    }
}
