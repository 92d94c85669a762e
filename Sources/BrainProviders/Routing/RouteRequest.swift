import BrainCore

/// One logical request for the router: what to ask, and how to judge the answer.
public struct RouteRequest: Sendable {
    /// The conversation for a provider (developer text folded into system where not accepted).
    public var messages: @Sendable (ProviderConfig) -> [ChatMessage]
    /// Provider names to try first, in order; the rest follow by priority.
    public var preferredProviders: [String] = []
    /// Only these providers (e.g. `--provider`), when non-empty.
    public var onlyProviders: [String] = []
    /// A model to use instead of each provider's list (with `onlyProviders`).
    public var model: String?
    public var temperature: Double?
    public var maxTokens: Int?
    public var outputSchema: JSONValue?
    /// A digest of `outputSchema` computed once by the caller, so cache keys need not serialise
    /// the schema for every request.
    public var outputSchemaDigest: String?
    public var schemaName: String = "output"
    public var jsonMode: Bool = false
    public var useCache: Bool = true
    public var jobID: Int?
    /// Most calls sent for this request, repairs included.
    public var maxAttempts: Int = 8
    /// Leave the accepted answer's call unwritten, in `RouteResult.deferredAttempt`, for the
    /// caller to write with its own result (see `DeferredAttempt`).
    public var defersAcceptedAttempt: Bool = false
    /// Judges an answer; `isRepair` is true for the answer to a repair request.
    public var check: (@Sendable (Completion, _ isRepair: Bool) -> ResponseCheck)?

    public init(messages: @escaping @Sendable (ProviderConfig) -> [ChatMessage]) {
        self.messages = messages
    }

    func completionRequest(messages: [ChatMessage], model: String) -> CompletionRequest {
        CompletionRequest(
            messages: messages, model: model, temperature: temperature, maxTokens: maxTokens,
            outputSchema: outputSchema, schemaName: schemaName, jsonMode: jsonMode)
    }
}

/// What the router returns for a request that got an accepted answer.
public struct RouteResult: Sendable {
    public var completion: Completion
    public var provider: String
    public var model: String
    public var fromCache: Bool
    /// The answer came from the repair request.
    public var repaired: Bool
    /// Every attempt made, in order (cache hits included).
    public var attempts: [AttemptSummary]
    /// Providers tried before the one that answered, with why each failed or was skipped.
    public var fallbackChain: [AttemptSummary]
    /// The accepted answer's call, not yet written, when the request deferred it; the caller
    /// must write it (`UsageLedger.record(_:)` or in its own transaction).
    public var deferredAttempt: DeferredAttempt?
    /// Time spent in HTTP exchanges with providers (request sent to response read), summed
    /// over every call made for the request: the providers' share of its latency.
    public var exchangeTime: Duration = .zero
}

/// One line of a request's history: a call made or a provider skipped.
public struct AttemptSummary: Sendable, Equatable {
    public var provider: String
    public var model: String?
    /// `success`, `cache_hit`, a failure class, `invalid_output`, or `skipped`.
    public var outcome: String
    public var detail: String?
    public var durationMs: Int?

    public init(provider: String, model: String?, outcome: String, detail: String?, durationMs: Int?) {
        self.provider = provider
        self.model = model
        self.outcome = outcome
        self.detail = detail
        self.durationMs = durationMs
    }

    public var json: JSONValue {
        var o: JSONObject = ["provider": .string(provider), "outcome": .string(outcome)]
        if let model { o["model"] = .string(model) }
        if let detail { o["detail"] = .string(detail) }
        if let durationMs { o["duration_ms"] = .int(durationMs) }
        return .object(o)
    }
}
