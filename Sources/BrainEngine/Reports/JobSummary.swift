import BrainCore
import BrainStore

/// One job of the outbox as `brain jobs list` shows it (the input text itself is left out).
public struct JobSummary: Sendable, Equatable {
    public var id: Int
    public var task: String
    public var state: String
    public var attempts: Int
    public var maxAttempts: Int
    public var documentID: Int?
    /// The document's first-seen path; nil for inline text.
    public var documentPath: String?
    public var inputCharacters: Int?
    public var templateName: String
    public var templateVersion: String
    /// Epoch seconds of the next attempt (meaningful while queued).
    public var nextAttemptAt: Double
    public var leaseOwner: String?
    public var leaseExpiresAt: Double?
    public var lastError: String?
    public var lastErrorClass: String?
    public var warnings: JSONValue
    public var createdAt: String
    public var updatedAt: String
    public var finishedAt: String?
    public var resultID: Int?

    init(row: Row) {
        id = row.int("id") ?? 0
        task = row.string("task") ?? ""
        state = row.string("state") ?? ""
        attempts = row.int("attempts") ?? 0
        maxAttempts = row.int("max_attempts") ?? 0
        documentID = row.int("document_id")
        documentPath = row.string("document_path")
        inputCharacters = row.int("input_characters")
        templateName = row.string("template_name") ?? ""
        templateVersion = row.string("template_version") ?? ""
        nextAttemptAt = row.double("next_attempt_at") ?? 0
        leaseOwner = row.string("lease_owner")
        leaseExpiresAt = row.double("lease_expires_at")
        lastError = row.string("last_error")
        lastErrorClass = row.string("last_error_class")
        warnings = StoredJSON.parse(row.string("warnings")) ?? .array([])
        createdAt = row.string("created_at") ?? ""
        updatedAt = row.string("updated_at") ?? ""
        finishedAt = row.string("finished_at")
        resultID = row.int("result_id")
    }

    /// The job as one JSON object (times that schedule work as ISO-8601 text).
    public var json: JSONValue {
        [
            "id": .int(id), "task": .string(task), "state": .string(state), "attempts": .int(attempts),
            "max_attempts": .int(maxAttempts), "document_id": documentID.map { .int($0) } ?? .null,
            "document_path": documentPath.map { .string($0) } ?? .null,
            "input_characters": inputCharacters.map { .int($0) } ?? .null,
            "template_name": .string(templateName), "template_version": .string(templateVersion),
            "next_attempt_at": state == "queued" && nextAttemptAt > 0 ? .string(nextAttemptAt.iso8601) : .null,
            "lease_owner": leaseOwner.map { .string($0) } ?? .null,
            "lease_expires_at": leaseExpiresAt.map { .string($0.iso8601) } ?? .null,
            "last_error": lastError.map { .string($0) } ?? .null,
            "last_error_class": lastErrorClass.map { .string($0) } ?? .null,
            "warnings": warnings, "result_id": resultID.map { .int($0) } ?? .null,
            "created_at": .string(createdAt), "updated_at": .string(updatedAt),
            "finished_at": finishedAt.map { .string($0) } ?? .null,
        ]
    }
}
