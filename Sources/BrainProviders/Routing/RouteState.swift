import BrainCore

/// The bookkeeping of one `Router.route` call: history, counters and the final verdict.
struct RouteState {
    var callsSent = 0
    /// Time spent in HTTP exchanges with providers, summed over the calls sent.
    var exchangeTime: Duration = .zero
    /// A call reserved together with the cache lookup, for the first provider's first model.
    var preReserved: PreReservedCall?
    /// The accepted answer's call when the request defers it.
    var deferred: DeferredAttempt?
    /// Content digests by conversation, so each distinct message list is hashed once.
    private var digests: [[ChatMessage]: String] = [:]

    mutating func contentDigest(_ messages: [ChatMessage], _ request: RouteRequest) -> String {
        if let known = digests[messages] { return known }
        let digest = RequestHash.content(of: request.completionRequest(messages: messages, model: ""), schemaDigest: request.outputSchemaDigest)
        digests[messages] = digest
        return digest
    }
    var history: [AttemptSummary] = []
    private var failureClasses: [String] = []
    /// When each skipped provider, or each key that was told to wait, can take a call again.
    private var skipTimes: [Double?] = []
    private var attemptsLogged = 0
    /// A provider's wait hint beyond a week is garbage; cut so times stay printable.
    static let longestWait: Double = 7 * 86_400

    /// The `calls.attempt` number of the next attempt (skips are not attempts).
    var nextAttemptNumber: Int { attemptsLogged + 1 }

    /// Notes an attempt the ledger logged; `detail` is its error text as stored (secrets scrubbed).
    mutating func note(_ attempt: Attempt, detail stored: String?) {
        attemptsLogged += 1
        var detail: String?
        switch attempt.outcome {
        case .failure(let e):
            detail = stored ?? e.description
            failureClasses.append(attempt.outcome.name)
            if e.kind == .rateLimit || e.kind == .quotaExhausted, let wait = e.retryAfter, wait.isFinite, wait >= 0 {
                skipTimes.append(attempt.startedAt + min(wait, Self.longestWait))
            }
        case .invalidOutput(let why):
            detail = stored ?? why
            failureClasses.append("invalid_output")
        default: break
        }
        history.append(AttemptSummary(
            provider: attempt.provider.name, model: attempt.model, outcome: attempt.outcome.name, detail: detail,
            durationMs: attempt.durationMs))
    }

    mutating func skip(_ provider: String, _ reason: SkipReason) {
        history.append(AttemptSummary(provider: provider, model: nil, outcome: "skipped", detail: reason.description, durationMs: nil))
        skipTimes.append(reason.retryAt)
    }

    mutating func noteInvalid(_ provider: String, _ model: String, _ errors: [String]) {
        failureClasses.append("invalid_output")
        history.append(AttemptSummary(
            provider: provider, model: model, outcome: "invalid_output",
            detail: errors.prefix(5).joined(separator: "; "), durationMs: nil))
    }

    func result(_ completion: Completion, provider: String, model: String, fromCache: Bool, repaired: Bool) -> RouteResult {
        RouteResult(
            completion: completion, provider: provider, model: completion.model.isEmpty ? model : completion.model,
            fromCache: fromCache, repaired: repaired, attempts: history,
            fallbackChain: history.filter { $0.provider != provider }, deferredAttempt: deferred,
            exchangeTime: exchangeTime)
    }

    /// How the whole request failed.
    func verdict() -> RouteError.Kind {
        if failureClasses.isEmpty {
            let times = skipTimes.compactMap { $0 }
            return .unavailable(retryAt: times.min())
        }
        let retryable: Set<String> = ["network_error", "timeout", "provider_error", "rate_limit_error", "quota_exhausted", "malformed_response"]
        if failureClasses.allSatisfy({ $0 == "network_error" }) { return .offline }
        if failureClasses.allSatisfy({ $0 == "rate_limit_error" || $0 == "quota_exhausted" }) {
            return .unavailable(retryAt: skipTimes.compactMap { $0 }.min())
        }
        let last = failureClasses.last ?? "provider_error"
        if failureClasses.contains(where: { retryable.contains($0) || $0 == "invalid_output" }) { return .failed(lastClass: last) }
        return .permanent(lastClass: last)
    }
}

/// A reservation made with the cache lookup, and the request prepared for it, waiting to be sent.
struct PreReservedCall {
    var providerID: Int
    var reservation: Reservation
    var prepared: HTTPRequest
}
