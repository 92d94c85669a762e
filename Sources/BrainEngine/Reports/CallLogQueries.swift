import BrainCore
import BrainStore

/// One provider attempt from `calls`, with its key's label (never the key).
public struct CallLogEntry: Sendable, Equatable {
    public var id: Int
    public var jobID: Int?
    public var attempt: Int
    public var provider: String
    public var model: String?
    public var keyID: Int?
    public var keyLabel: String?
    public var startedAt: String
    public var durationMs: Int?
    public var httpStatus: Int?
    public var outcome: String
    public var retryAfter: Double?
    public var error: String?
    public var tokensIn: Int?
    public var tokensOut: Int?
    public var cost: Double?
    public var providerRequestID: String?

    init(row: Row) {
        id = row.int("id") ?? 0
        jobID = row.int("job_id")
        attempt = row.int("attempt") ?? 1
        provider = row.string("provider") ?? ""
        model = row.string("model")
        keyID = row.int("key_id")
        keyLabel = row.string("key_label")
        startedAt = row.string("started_at") ?? ""
        durationMs = row.int("duration_ms")
        httpStatus = row.int("http_status")
        outcome = row.string("outcome") ?? ""
        retryAfter = row.double("retry_after")
        error = row.string("error")
        tokensIn = row.int("tokens_in")
        tokensOut = row.int("tokens_out")
        cost = row.double("cost")
        providerRequestID = row.string("provider_request_id")
    }

    public var json: JSONValue {
        func opt(_ v: Int?) -> JSONValue { v.map { .int($0) } ?? .null }
        func opt(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }
        func opt(_ v: Double?) -> JSONValue { v.map { .number($0) } ?? .null }
        return [
            "id": .int(id), "job_id": opt(jobID), "attempt": .int(attempt), "provider": .string(provider),
            "model": opt(model), "key_id": opt(keyID), "key_label": opt(keyLabel), "started_at": .string(startedAt),
            "duration_ms": opt(durationMs), "http_status": opt(httpStatus), "outcome": .string(outcome),
            "retry_after": opt(retryAfter), "error": opt(error), "tokens_in": opt(tokensIn),
            "tokens_out": opt(tokensOut), "cost": opt(cost), "provider_request_id": opt(providerRequestID),
        ]
    }
}

/// Reads the call log for `brain logs`.
public struct CallLogQueries {
    /// The outcomes the calls table allows.
    public static let outcomes = [
        "success", "cache_hit", "network_error", "timeout", "auth_error", "rate_limit_error", "quota_exhausted",
        "provider_error", "validation_error", "malformed_response", "invalid_output",
    ]

    public let db: Database

    public init(db: Database) { self.db = db }

    /// Calls newest first (by start time, then id), filtered by job, provider and outcome; nil `limit` means all.
    public func recent(limit: Int? = nil, jobID: Int? = nil, provider: String? = nil, outcome: String? = nil) throws -> [CallLogEntry] {
        try db.query(
            """
            SELECT c.id, c.job_id, c.attempt, c.provider, c.model, c.key_id, k.label AS key_label, c.started_at,
                   c.duration_ms, c.http_status, c.outcome, c.retry_after, c.error, c.tokens_in, c.tokens_out, c.cost,
                   c.provider_request_id
            FROM calls c
            LEFT JOIN api_keys k ON k.id = c.key_id
            WHERE (?1 IS NULL OR c.job_id = ?1) AND (?2 IS NULL OR c.provider = ?2) AND (?3 IS NULL OR c.outcome = ?3)
            ORDER BY c.started_at DESC, c.id DESC
            LIMIT ?4
            """,
            [jobID, provider, outcome, limit ?? -1]
        ).map(CallLogEntry.init(row:))
    }
}
