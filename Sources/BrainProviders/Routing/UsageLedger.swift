import BrainCore

/// A provider the router may try, with the settings routing needs.
public struct RoutableProvider: Sendable, Equatable {
    public var id: Int
    public var config: ProviderConfig
    /// False for local servers that take no key.
    public var keyRequired: Bool

    public init(id: Int, config: ProviderConfig, keyRequired: Bool = true) {
        self.id = id
        self.config = config
        self.keyRequired = keyRequired
    }

    public var name: String { config.name }
}

/// A key the ledger handed out for one call, already counted against every daily limit.
public struct KeyGrant: Sendable, Equatable {
    /// nil for keyless local servers.
    public var keyID: Int?
    public var secret: String

    public init(keyID: Int?, secret: String) {
        self.keyID = keyID
        self.secret = secret
    }
}

/// Why a provider was passed over without a call.
public enum SkipReason: Sendable, Equatable, CustomStringConvertible {
    case disabled
    case breakerOpen(until: Double)
    case halfOpenProbeInFlight
    case dailyLimitReached(resetsAt: Double)
    /// No key is enabled, active and under its limits; `nextAvailableAt` is when the first one frees up.
    case noUsableKey(nextAvailableAt: Double?)

    public var description: String {
        switch self {
        case .disabled: return "disabled"
        case .breakerOpen(let until): return "circuit breaker open until \(until.printableTime)"
        case .halfOpenProbeInFlight: return "circuit breaker half-open, probe in flight"
        case .dailyLimitReached(let at): return "daily limit reached (resets \(at.printableTime))"
        case .noUsableKey(let at): return "no usable key" + (at.map { " (next free at \($0.printableTime))" } ?? "")
        }
    }

    /// When trying again could succeed, if known.
    public var retryAt: Double? {
        switch self {
        case .disabled, .halfOpenProbeInFlight: return nil
        case .breakerOpen(let t), .dailyLimitReached(let t): return t
        case .noUsableKey(let t): return t
        }
    }
}

/// The answer to a reservation request.
public enum Reservation: Sendable, Equatable {
    case granted(KeyGrant)
    case skipped(SkipReason)
}

/// How one attempt ended.
public enum AttemptOutcome: Sendable, Equatable {
    case success
    /// Served from the response cache; nothing was sent.
    case cacheHit
    case failure(ProviderError)
    /// The provider answered, but the answer failed the task's checks (after the one repair).
    case invalidOutput(String)

    /// The value of `calls.outcome`.
    public var name: String {
        switch self {
        case .success: return "success"
        case .cacheHit: return "cache_hit"
        case .failure(let e): return e.kind == .cancelled ? "network_error" : e.kind.rawValue
        case .invalidOutput: return "invalid_output"
        }
    }
}

/// One provider attempt, as the call log and the state store need it.
public struct Attempt: Sendable, Equatable {
    public var provider: RoutableProvider
    public var model: String
    public var keyID: Int?
    public var jobID: Int?
    /// 1-based position within the logical request.
    public var number: Int
    /// Epoch seconds.
    public var startedAt: Double
    public var durationMs: Int
    public var httpStatus: Int?
    public var outcome: AttemptOutcome
    public var tokensIn: Int?
    public var tokensOut: Int?
    public var cost: Double?
    public var providerRequestID: String?

    public init(
        provider: RoutableProvider, model: String, keyID: Int?, jobID: Int?, number: Int, startedAt: Double,
        durationMs: Int, httpStatus: Int?, outcome: AttemptOutcome, tokensIn: Int? = nil, tokensOut: Int? = nil,
        cost: Double? = nil, providerRequestID: String? = nil
    ) {
        self.provider = provider
        self.model = model
        self.keyID = keyID
        self.jobID = jobID
        self.number = number
        self.startedAt = startedAt
        self.durationMs = durationMs
        self.httpStatus = httpStatus
        self.outcome = outcome
        self.tokensIn = tokensIn
        self.tokensOut = tokensOut
        self.cost = cost
        self.providerRequestID = providerRequestID
    }
}

/// A completion to keep in the response cache under its request hash.
public struct CacheEntry: Sendable, Equatable {
    public var hash: String
    public var completion: Completion
    public var provider: String
    /// The model asked for (the cache key's model), not the one the provider reports.
    public var model: String

    public init(hash: String, completion: Completion, provider: String, model: String) {
        self.hash = hash
        self.completion = completion
        self.provider = provider
        self.model = model
    }
}

/// The call that produced a request's accepted answer, left unwritten for the caller to write
/// in the same transaction as what it does with the answer (the batch worker's result).
///
/// Written together, a crash can never leave a call logged without its result or the reverse;
/// the cost is that a crash in the sub-millisecond between the answer's arrival and that
/// transaction loses the cache entry too, so a re-run pays for the call again.
public struct DeferredAttempt: Sendable, Equatable {
    public var attempt: Attempt
    public var cache: CacheEntry?

    public init(attempt: Attempt, cache: CacheEntry?) {
        self.attempt = attempt
        self.cache = cache
    }
}

/// What one look in the response cache found, and the call reserved when it found nothing.
public struct CacheLookup: Sendable {
    /// Fresh cached completions by request hash (a hash with none is absent).
    public var found: [String: Completion]
    /// The reservation asked for with the lookup; nil when something was found or none was asked.
    public var reservation: Reservation?

    public init(found: [String: Completion], reservation: Reservation?) {
        self.found = found
        self.reservation = reservation
    }
}

/// The router's view of persistent state: keys, limits, breakers, the call log and the cache.
///
/// The store-backed implementation (BrainEngine's `StoreLedger`) is what lets separate
/// processes and runs share limits and cooldowns.
public protocol UsageLedger: Sendable {
    /// Enabled providers in the order to try: `preferred` names first, in that order, then by priority.
    func routableProviders(preferred: [String]) async throws -> [RoutableProvider]
    /// Reserves one call on the provider's best usable key not in `excluding`, counted atomically
    /// against the key's, the account's and the provider's limits for the current UTC day, after
    /// checking the provider's breaker.
    func reserve(provider: RoutableProvider, excluding: Set<Int>) async throws -> Reservation
    /// Records an attempt: success and failure counters, key state, breaker, call log, and the
    /// answer's cache entry when given, all at once. Returns the attempt's error text as logged,
    /// scrubbed of every secret the ledger knows.
    @discardableResult
    func record(_ attempt: Attempt, caching entry: CacheEntry?) async throws -> String?
    /// Fresh cached completions for any of `hashes`, in one lookup; when none is found and
    /// `provider` is given, also reserves a call on it (as `reserve(provider:excluding: [])`)
    /// in the same step, saving a trip to the store on the common path of a miss.
    func cachedCompletions(for hashes: [String], orReserve provider: RoutableProvider?) async throws -> CacheLookup
    /// Counts a use of the cached completion `hash` (its `hits`).
    func countCacheHit(_ hash: String) async throws
}

extension UsageLedger {
    /// Records an attempt that leaves nothing to cache.
    @discardableResult
    public func record(_ attempt: Attempt) async throws -> String? { try await record(attempt, caching: nil) }

    /// Writes a deferred accepted attempt on its own (when the caller has no transaction to put it in).
    public func record(_ deferred: DeferredAttempt) async throws {
        try await record(deferred.attempt, caching: deferred.cache)
    }
}
