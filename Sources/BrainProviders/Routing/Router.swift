import BrainCore
import Foundation

/// Sends one logical request to the first provider and key that can answer it.
///
/// Providers in the request's preferred order, else by priority; each skipped when the ledger
/// says so (disabled, breaker open, daily limit spent, no usable key). Within a provider: the
/// next key after a rate limit, exhausted quota or auth failure; the next model after
/// model-not-found; the next provider after 5xx, timeouts, network errors, bad requests and
/// answers that fail the task's check even after one repair (the repair may reuse the key).
/// Each provider-key pair is tried at most once per model (a keyless server once), each
/// provider at most once, and the total number of calls is capped, so a fallback never
/// restarts a retry cycle. Before anything is sent, the response cache is searched for every
/// provider and model in order. Every attempt is reported to the ledger.
public struct Router: Sendable {
    let client: HTTPClient
    let ledger: any UsageLedger
    let clock: any WallClock

    public init(client: HTTPClient, ledger: any UsageLedger, clock: any WallClock = SystemClock()) {
        self.client = client
        self.ledger = ledger
        self.clock = clock
    }

    /// The first accepted answer for `request`; throws `RouteError` when none came, with every
    /// attempt and skip in it, and `CancellationError` when the calling task is cancelled.
    public func route(_ request: RouteRequest) async throws -> RouteResult {
        var state = RouteState()
        var providers = try await ledger.routableProviders(preferred: request.preferredProviders)
        if !request.onlyProviders.isEmpty {
            providers = providers.filter { request.onlyProviders.contains($0.name) }
        }
        var seen: Set<Int> = []
        providers = providers.filter { seen.insert($0.id).inserted }
        if request.useCache, let hit = try await cachedAnswer(providers, request, &state) { return hit }
        for provider in providers {
            if state.callsSent >= request.maxAttempts { break }
            if let result = try await tryProvider(provider, request, &state) { return result }
        }
        throw RouteError(kind: state.verdict(), attempts: state.history)
    }

    /// The models to ask a provider for, in order.
    private func models(of provider: RoutableProvider, _ request: RouteRequest) -> [String] {
        request.model.map { [$0] } ?? (provider.config.models.isEmpty ? ["default"] : provider.config.models)
    }

    /// The first cached answer the check accepts, looked up for every provider and model in
    /// routing order before anything is sent, so a provider that failed before is not paid again
    /// for an answer another one already gave. On a miss the same trip to the store reserves
    /// the first provider's call (kept in `state.preReserved`).
    private func cachedAnswer(_ providers: [RoutableProvider], _ request: RouteRequest, _ state: inout RouteState) async throws -> RouteResult? {
        var candidates: [(provider: RoutableProvider, model: String, hash: String)] = []
        for provider in providers {
            let messages = request.messages(provider.config)
            for model in models(of: provider, request) {
                candidates.append((provider, model, RequestHash.of(provider: provider.name, model: model, content: state.contentDigest(messages, request))))
            }
        }
        guard let first = candidates.first else { return nil }
        // Reserved only when the first request can be expressed at all (else tryProvider logs why).
        let firstRequest = request.completionRequest(messages: request.messages(first.provider.config), model: first.model)
        let prepared = try? ProviderAdapters.make(for: first.provider.config, clock: clock).makeRequest(firstRequest, apiKey: "")
        let lookup = try await ledger.cachedCompletions(for: candidates.map(\.hash), orReserve: prepared == nil ? nil : first.provider)
        if let reservation = lookup.reservation, let prepared {
            state.preReserved = PreReservedCall(providerID: first.provider.id, reservation: reservation, prepared: prepared)
        }
        let found = lookup.found
        for (provider, model, hash) in candidates {
            guard let cached = found[hash] else { continue }
            guard (request.check?(cached, false) ?? .accept) == .accept else { continue }
            try await ledger.countCacheHit(hash)
            try await report(provider, model, nil, request, &state, .cacheHit, started: clock.now(), ms: 0, completion: cached)
            return state.result(cached, provider: provider.name, model: model, fromCache: true, repaired: false)
        }
        return nil
    }

    /// Tries every usable key (and model) of one provider; nil means move on to the next provider.
    private func tryProvider(_ provider: RoutableProvider, _ request: RouteRequest, _ state: inout RouteState) async throws -> RouteResult? {
        let models = models(of: provider, request)
        let messages = request.messages(provider.config)
        let adapter = ProviderAdapters.make(for: provider.config, clock: clock)
        var triedKeys: Set<Int> = []
        var modelIndex = 0
        while modelIndex < models.count && state.callsSent < request.maxAttempts {
            let model = models[modelIndex]
            let completionRequest = request.completionRequest(messages: messages, model: model)
            let hash = RequestHash.of(provider: provider.name, model: model, content: state.contentDigest(messages, request))
            // A request this dialect cannot express is refused before a call is reserved.
            let prepared: HTTPRequest
            let reservation: Reservation
            if let pre = state.preReserved, pre.providerID == provider.id, modelIndex == 0, triedKeys.isEmpty {
                state.preReserved = nil
                prepared = pre.prepared
                reservation = pre.reservation
            } else {
                do {
                    prepared = try adapter.makeRequest(completionRequest, apiKey: "")
                } catch {
                    try await report(provider, model, nil, request, &state, .failure(error), started: clock.now(), ms: 0)
                    return nil
                }
                reservation = try await ledger.reserve(provider: provider, excluding: triedKeys)
            }
            let grant: KeyGrant
            switch reservation {
            case .skipped(let reason):
                state.skip(provider.name, reason)
                return nil
            case .granted(let g):
                grant = g
            }
            if let id = grant.keyID { triedKeys.insert(id) }
            let outcome = try await send(adapter, completionRequest, grant, provider, request, &state, hash: hash, prepared: prepared)
            switch outcome {
            case .answered(let completion, let sent):
                switch request.check?(completion, false) ?? .accept {
                case .accept:
                    try await reportAnswer(provider, model, request, &state, completion, sent, invalid: nil, accepted: true)
                    return state.result(completion, provider: provider.name, model: model, fromCache: false, repaired: false)
                case .reject(let errors):
                    try await reportAnswer(provider, model, request, &state, completion, sent, invalid: errors)
                    return nil
                case .repair(let repairMessages, let errors):
                    // The first answer is recorded as a success of the call; the repair's verdict decides.
                    try await reportAnswer(provider, model, request, &state, completion, sent, invalid: nil)
                    guard state.callsSent < request.maxAttempts else {
                        state.noteInvalid(provider.name, model, errors)
                        return nil
                    }
                    if let repaired = try await repair(adapter, provider, request, repairMessages, model, &state, errors) {
                        return state.result(repaired, provider: provider.name, model: model, fromCache: false, repaired: true)
                    }
                    return nil
                }
            case .failed(let error):
                if error.modelNotFound {
                    modelIndex += 1
                    triedKeys.removeAll()
                    continue
                }
                switch error.kind {
                case .rateLimit, .quotaExhausted, .auth:
                    // The next key of this provider; a keyless server has no other key to offer.
                    if grant.keyID == nil { return nil }
                    continue
                default:
                    return nil
                }
            }
        }
        return nil
    }

    private enum SendOutcome {
        case answered(Completion, Sent)
        case failed(ProviderError)
    }

    /// Timing of a call whose answer is reported once the task's check has judged it, and the
    /// cache key it is stored under then (nil: not cached).
    private struct Sent {
        var keyID: Int?
        var started: Double
        var ms: Int
        var status: Int?
        var cacheHash: String?
    }

    private func send(
        _ adapter: any ProviderAdapter, _ completionRequest: CompletionRequest, _ grant: KeyGrant,
        _ provider: RoutableProvider, _ request: RouteRequest, _ state: inout RouteState, hash: String?,
        prepared: HTTPRequest? = nil
    ) async throws -> SendOutcome {
        let started = clock.now()
        let timer = ContinuousClock.now
        state.callsSent += 1
        let outcome: SendOutcome
        var status: Int?
        do {
            let httpRequest = try prepared.map { adapter.authorize($0, apiKey: grant.secret) }
                ?? adapter.makeRequest(completionRequest, apiKey: grant.secret)
            do {
                let exchangeStarted = ContinuousClock.now
                defer { state.exchangeTime += ContinuousClock.now - exchangeStarted }
                let response = try await client.send(httpRequest)
                status = response.status
                switch adapter.parse(response, for: completionRequest, apiKey: grant.secret) {
                case .success(let c): outcome = .answered(c, Sent(keyID: nil, started: 0, ms: 0, status: nil, cacheHash: nil))
                case .failure(let e): outcome = .failed(e)
                }
            } catch {
                let failure = adapter.classify(transport: error, apiKey: grant.secret)
                if error == .cancelled {
                    // Logged so the call has its row and a half-open probe is released.
                    let ms = Int((ContinuousClock.now - timer) / .milliseconds(1))
                    try await report(provider, completionRequest.model, grant.keyID, request, &state, .failure(failure), started: started, ms: ms)
                    throw CancellationError()
                }
                outcome = .failed(failure)
            }
        } catch let error as ProviderError {
            outcome = .failed(error)
        }
        let ms = Int((ContinuousClock.now - timer) / .milliseconds(1))
        switch outcome {
        case .answered(let completion, _):
            // Cached with the call's record, as soon as the check has judged the answer.
            let cacheHash = request.useCache ? hash : nil
            return .answered(completion, Sent(keyID: grant.keyID, started: started, ms: ms, status: status, cacheHash: cacheHash))
        case .failed(let error):
            try await report(provider, completionRequest.model, grant.keyID, request, &state, .failure(error), started: started, ms: ms, status: status ?? error.status)
            return outcome
        }
    }

    /// Reports a judged answer: success, or invalid output (the provider's failure), with its
    /// cache entry. The accepted answer's call is left to the caller when the request defers it.
    private func reportAnswer(
        _ provider: RoutableProvider, _ model: String, _ request: RouteRequest, _ state: inout RouteState,
        _ completion: Completion, _ sent: Sent, invalid errors: [String]?, accepted: Bool = false
    ) async throws {
        let outcome: AttemptOutcome = errors.map { .invalidOutput($0.prefix(5).joined(separator: "; ")) } ?? .success
        let cache = sent.cacheHash.map { CacheEntry(hash: $0, completion: completion, provider: provider.name, model: model) }
        let attempt = makeAttempt(provider, model, sent.keyID, request, state, outcome, started: sent.started, ms: sent.ms, status: sent.status, completion: completion)
        if accepted && request.defersAcceptedAttempt {
            state.deferred = DeferredAttempt(attempt: attempt, cache: cache)
            state.note(attempt, detail: nil)
            return
        }
        let storedError = try await ledger.record(attempt, caching: cache)
        state.note(attempt, detail: storedError)
    }

    private func repair(
        _ adapter: any ProviderAdapter, _ provider: RoutableProvider, _ request: RouteRequest,
        _ messages: [ChatMessage], _ model: String, _ state: inout RouteState, _ errors: [String]
    ) async throws -> Completion? {
        let grant: KeyGrant
        switch try await ledger.reserve(provider: provider, excluding: []) {
        case .granted(let g): grant = g
        case .skipped(let reason):
            state.noteInvalid(provider.name, model, errors + ["repair not sent: \(reason)"])
            return nil
        }
        let repairRequest = request.completionRequest(messages: messages, model: model)
        switch try await send(adapter, repairRequest, grant, provider, request, &state, hash: nil) {
        case .answered(let completion, let sent):
            switch request.check?(completion, true) ?? .accept {
            case .accept:
                try await reportAnswer(provider, model, request, &state, completion, sent, invalid: nil, accepted: true)
                return completion
            case .reject(let e), .repair(_, let e):
                try await reportAnswer(provider, model, request, &state, completion, sent, invalid: e)
                return nil
            }
        case .failed:
            return nil
        }
    }

    private func report(
        _ provider: RoutableProvider, _ model: String, _ keyID: Int?, _ request: RouteRequest, _ state: inout RouteState,
        _ outcome: AttemptOutcome, started: Double, ms: Int, status: Int? = nil, completion: Completion? = nil
    ) async throws {
        let attempt = makeAttempt(provider, model, keyID, request, state, outcome, started: started, ms: ms, status: status, completion: completion)
        let storedError = try await ledger.record(attempt)
        state.note(attempt, detail: storedError)
    }

    private func makeAttempt(
        _ provider: RoutableProvider, _ model: String, _ keyID: Int?, _ request: RouteRequest, _ state: RouteState,
        _ outcome: AttemptOutcome, started: Double, ms: Int, status: Int?, completion: Completion?
    ) -> Attempt {
        Attempt(
            provider: provider, model: completion?.model ?? model, keyID: keyID, jobID: request.jobID,
            number: state.nextAttemptNumber, startedAt: started, durationMs: ms, httpStatus: status, outcome: outcome,
            tokensIn: completion?.usage.promptTokens, tokensOut: completion?.usage.completionTokens,
            cost: completion?.cost, providerRequestID: completion?.requestId)
    }
}
