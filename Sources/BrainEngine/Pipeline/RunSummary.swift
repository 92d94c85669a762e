import BrainCore

/// Figures of a `brain run`, updated as jobs finish.
public struct RunSummary: Sendable {
    public var done = 0
    public var failed = 0
    /// Jobs put back in the queue for a later attempt.
    public var retried = 0
    /// Jobs left queued at the end (waiting for a provider, a backoff, or another run).
    public var waiting = 0
    public var inFlight = 0
    /// Results by provider.
    public var providers: [String: Int] = [:]
    /// Set when the run stopped claiming because nothing could be sent.
    public var stopReason: StopReason?
    /// Earliest time a quota or cooldown frees up, when known.
    public var retryAt: Double?
    public var elapsedSeconds: Double = 0

    /// Why a run stopped early.
    public enum StopReason: String, Sendable {
        case offline
        case unavailable
        case interrupted
    }

    public init() {}

    public var json: JSONValue {
        [
            "done": .int(done), "failed": .int(failed), "retried": .int(retried), "waiting": .int(waiting),
            "providers": .object(JSONObject(providers.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.int($0.value)) })),
            "stopped": stopReason.map { .string($0.rawValue) } ?? .null,
            "retry_at": retryAt.map { .string($0.iso8601) } ?? .null,
            "elapsed_seconds": .number((elapsedSeconds * 1000).rounded() / 1000),
        ]
    }
}
