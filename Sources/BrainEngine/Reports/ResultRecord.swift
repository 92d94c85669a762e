import BrainCore
import BrainStore

/// One row of `results` with its job's document path, JSON columns parsed.
public struct ResultRecord: Sendable, Equatable {
    public var id: Int
    public var jobID: Int
    public var task: String
    /// The document's first-seen path; nil for inline text.
    public var documentPath: String?
    public var provider: String?
    public var model: String?
    /// The raw model answer; nil when the query left it out (lists and exports).
    public var response: String?
    public var parsed: JSONValue?
    /// `valid`, `repaired`, `invalid` or `text`.
    public var verdict: String
    public var validationErrors: JSONValue
    public var warnings: JSONValue
    public var tokensIn: Int?
    public var tokensOut: Int?
    public var cost: Double?
    public var responseTimeMs: Int?
    public var fallbackChain: JSONValue
    public var totalAttempts: Int
    public var outputFile: String?
    public var metadata: JSONValue
    public var createdAt: String

    public init(
        id: Int, jobID: Int, task: String, documentPath: String? = nil, provider: String? = nil,
        model: String? = nil, response: String? = nil, parsed: JSONValue? = nil, verdict: String,
        validationErrors: JSONValue = [], warnings: JSONValue = [], tokensIn: Int? = nil, tokensOut: Int? = nil,
        cost: Double? = nil, responseTimeMs: Int? = nil, fallbackChain: JSONValue = [], totalAttempts: Int = 1,
        outputFile: String? = nil, metadata: JSONValue = [:], createdAt: String
    ) {
        self.id = id
        self.jobID = jobID
        self.task = task
        self.documentPath = documentPath
        self.provider = provider
        self.model = model
        self.response = response
        self.parsed = parsed
        self.verdict = verdict
        self.validationErrors = validationErrors
        self.warnings = warnings
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.cost = cost
        self.responseTimeMs = responseTimeMs
        self.fallbackChain = fallbackChain
        self.totalAttempts = totalAttempts
        self.outputFile = outputFile
        self.metadata = metadata
        self.createdAt = createdAt
    }

    init(row: Row) {
        self.init(
            id: row.int("id") ?? 0, jobID: row.int("job_id") ?? 0, task: row.string("task") ?? "",
            documentPath: row.string("document_path"), provider: row.string("provider"), model: row.string("model"),
            response: row.string("response"), parsed: StoredJSON.parse(row.string("parsed")),
            verdict: row.string("verdict") ?? "", validationErrors: StoredJSON.parse(row.string("validation_errors")) ?? [],
            warnings: StoredJSON.parse(row.string("warnings")) ?? [], tokensIn: row.int("tokens_in"),
            tokensOut: row.int("tokens_out"), cost: row.double("cost"), responseTimeMs: row.int("response_time_ms"),
            fallbackChain: StoredJSON.parse(row.string("fallback_chain")) ?? [],
            totalAttempts: row.int("total_attempts") ?? 1, outputFile: row.string("output_file"),
            metadata: StoredJSON.parse(row.string("metadata")) ?? [:], createdAt: row.string("created_at") ?? "")
    }

    /// Every field as one JSON object (`response` only when it was read).
    public var json: JSONValue {
        var o: JSONObject = [
            "id": .int(id), "job_id": .int(jobID), "task": .string(task),
            "document_path": documentPath.map { .string($0) } ?? .null,
            "provider": provider.map { .string($0) } ?? .null, "model": model.map { .string($0) } ?? .null,
            "verdict": .string(verdict), "parsed": parsed ?? .null, "validation_errors": validationErrors,
            "warnings": warnings, "tokens_in": tokensIn.map { .int($0) } ?? .null,
            "tokens_out": tokensOut.map { .int($0) } ?? .null, "cost": cost.map { .number($0) } ?? .null,
            "response_time_ms": responseTimeMs.map { .int($0) } ?? .null, "fallback_chain": fallbackChain,
            "total_attempts": .int(totalAttempts), "output_file": outputFile.map { .string($0) } ?? .null,
            "metadata": metadata, "created_at": .string(createdAt),
        ]
        if let response { o["response"] = .string(response) }
        return .object(o)
    }
}
