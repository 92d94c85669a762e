import BrainCore
import BrainProviders
import BrainStore
import Foundation

/// The usage ledger on the SQLite store: limits, cooldowns and breakers shared by every process.
///
/// Every read-then-write runs in one IMMEDIATE transaction, so two workers (in one process or
/// several) can never both take the last call of a daily limit.
public final class StoreLedger: UsageLedger, @unchecked Sendable {
    let queue: DatabaseQueue
    let clock: any WallClock
    let environment: [String: String]
    /// Seconds a cached response stays fresh.
    let cacheTTL: Double
    /// Provider settings and the secret scrubber change rarely; they are re-read at most once
    /// per `settingsLifetime` seconds (monotonic time) instead of on every call.
    let settingsLifetime: Double = 1
    private let lock = NSLock()
    /// The providers as read, and the enabled ones made routable (their flavor detected) once.
    private var providersCache: (providers: [ProviderRecord], enabled: [RoutableProvider], at: ContinuousClock.Instant)?
    private var scrubberCache: (scrubber: SecretScrubber, at: ContinuousClock.Instant)?

    public init(queue: DatabaseQueue, environment: [String: String], clock: any WallClock = SystemClock(), cacheTTL: Double = 86_400) {
        self.queue = queue
        self.clock = clock
        self.environment = environment
        self.cacheTTL = cacheTTL
    }

    public func routableProviders(preferred: [String]) async throws -> [RoutableProvider] {
        let enabled: [RoutableProvider]
        if let cached = lock.withLock({ providersCache }), isFresh(cached.at) {
            enabled = cached.enabled
        } else {
            let providers = try await queue.read { db in try ProviderRepository(db: db).all() }
            enabled = providers.filter(\.enabled).map(Self.routable)
            lock.withLock { providersCache = (providers, enabled, ContinuousClock.now) }
        }
        var named: Set<String> = []
        let first = preferred.filter { named.insert($0).inserted }.compactMap { name in enabled.first { $0.name == name } }
        return first + enabled.filter { p in !named.contains(p.name) }
    }

    static func routable(_ p: ProviderRecord) -> RoutableProvider {
        var headers = HTTPHeaders()
        for (k, v) in p.extraHeaders.sorted(by: { $0.key < $1.key }) { headers.add(k, v) }
        let config = ProviderConfig(
            name: p.name, kind: p.kind == "gemini" ? .gemini : .openai, baseURL: p.baseURL, models: p.models,
            timeout: Double(p.timeoutMilliseconds) / 1000, extraHeaders: headers)
        return RoutableProvider(id: p.id, config: config, keyRequired: p.keyRequired)
    }

    public func reserve(provider: RoutableProvider, excluding: Set<Int>) async throws -> Reservation {
        let now = clock.now()
        let environment = self.environment
        return try await queue.write { db in
            try Self.reserve(db: db, provider: provider, excluding: excluding, now: now, environment: environment)
        }
    }

    static func reserve(db: Database, provider: RoutableProvider, excluding: Set<Int>, now: Double, environment: [String: String]) throws -> Reservation {
        guard let p = try db.queryOne("SELECT * FROM providers WHERE id = ?", [provider.id]).map(ProviderRecord.init(row:)), p.enabled else {
            return .skipped(.disabled)
        }
        var breaker = try BreakerRecord.load(db: db, providerID: p.id)
        let loaded = breaker
        if let skip = breaker.admit(now: now, recovery: p.breakerRecoverySeconds, probeWindow: Double(p.timeoutMilliseconds) / 1000 + 5) {
            return .skipped(skip)
        }
        let day = now.utcDay
        let providerUsed = try db.scalar(
            "SELECT coalesce(sum(u.calls), 0) FROM usage_daily u JOIN api_keys k ON k.id = u.key_id WHERE k.provider_id = ? AND u.day = ?",
            [p.id, day])?.int ?? 0
        if let limit = p.dailyLimit, providerUsed >= limit { return .skipped(.dailyLimitReached(resetsAt: now.nextUTCMidnight)) }
        let rows = try db.query(
            """
            SELECT k.*, p.name AS provider, a.name AS account, a.daily_limit AS account_limit,
                   coalesce((SELECT calls FROM usage_daily WHERE key_id = k.id AND day = ?), 0) AS used,
                   (SELECT coalesce(sum(u.calls), 0) FROM usage_daily u JOIN api_keys k2 ON k2.id = u.key_id
                     WHERE k2.account_id = k.account_id AND u.day = ?) AS account_used
            FROM api_keys k JOIN providers p ON p.id = k.provider_id LEFT JOIN accounts a ON a.id = k.account_id
            WHERE k.provider_id = ?
            """, [day, day, p.id])
        if rows.isEmpty && !p.keyRequired {
            try breaker.save(db: db, now: now, unlessUnchangedFrom: loaded)
            return .granted(KeyGrant(keyID: nil, secret: ""))
        }
        let providerLeft = p.dailyLimit.map { $0 - providerUsed } ?? Int.max
        var candidates: [(key: KeyRecord, left: Int)] = []
        var nextFree: Double?
        for row in rows {
            let key = KeyRecord(row: row)
            guard key.enabled, key.state != "deactivated" else { continue }
            // Before the exclusion: a key this request just saw rate limited still tells when it frees up.
            if key.state == "cooling" || key.state == "exhausted", let stored = key.stateUntil, stored > now {
                let until = min(stored, now + KeyStatePolicy.longestWait)
                nextFree = min(nextFree ?? until, until)
                continue
            }
            if excluding.contains(key.id) { continue }
            guard key.secret(in: environment) != nil else { continue }
            let used = row.int("used") ?? 0
            var left = providerLeft
            if let limit = key.dailyLimit { left = min(left, limit - used) }
            if let limit = row.int("account_limit") { left = min(left, limit - (row.int("account_used") ?? 0)) }
            if left <= 0 {
                nextFree = min(nextFree ?? now.nextUTCMidnight, now.nextUTCMidnight)
                continue
            }
            candidates.append((key, left))
        }
        candidates.sort { a, b in a.key.priority != b.key.priority ? a.key.priority < b.key.priority : (a.left != b.left ? a.left > b.left : a.key.id < b.key.id) }
        guard let chosen = candidates.first?.key, let secret = chosen.secret(in: environment) else {
            return .skipped(.noUsableKey(nextAvailableAt: nextFree))
        }
        try db.execute(
            """
            INSERT INTO usage_daily(key_id, day, calls) VALUES (?, ?, 1)
            ON CONFLICT(key_id, day) DO UPDATE SET calls = calls + 1
            """, [chosen.id, day])
        if chosen.state != "active" {
            try db.execute("UPDATE api_keys SET state = 'active', state_until = NULL, state_reason = NULL WHERE id = ?", [chosen.id])
        }
        try breaker.save(db: db, now: now, unlessUnchangedFrom: loaded)
        return .granted(KeyGrant(keyID: chosen.id, secret: secret))
    }

    @discardableResult
    public func record(_ attempt: Attempt, caching entry: CacheEntry?) async throws -> String? {
        try await queue.write { db in try self.write(attempt, caching: entry, db: db) }
    }

    /// Writes a deferred accepted attempt inside the caller's transaction on this ledger's database.
    public func write(_ deferred: DeferredAttempt, db: Database) throws {
        try write(deferred.attempt, caching: deferred.cache, db: db)
    }

    /// Stores `entry` and records `attempt` on `db` (the caller holds the transaction).
    @discardableResult
    func write(_ attempt: Attempt, caching entry: CacheEntry?, db: Database) throws -> String? {
        let now = clock.now()
        if let entry { try Self.storeCompletion(db: db, entry, now: now, ttl: cacheTTL) }
        return try Self.record(db: db, attempt: attempt, now: now, scrubber: try scrubber(db: db), provider: freshProvider(id: attempt.provider.id))
    }

    /// Whether something read at `time` is still within `settingsLifetime`.
    private func isFresh(_ time: ContinuousClock.Instant) -> Bool { ContinuousClock.now - time < .seconds(settingsLifetime) }

    /// The provider's settings as read within `settingsLifetime`, if they were.
    private func freshProvider(id: Int) -> ProviderRecord? {
        guard let cached = lock.withLock({ providersCache }), isFresh(cached.at) else { return nil }
        return cached.providers.first { $0.id == id }
    }

    /// The scrubber for error texts, rebuilt at most once per `settingsLifetime`.
    private func scrubber(db: Database) throws -> SecretScrubber {
        if let cached = lock.withLock({ scrubberCache }), isFresh(cached.at) {
            return cached.scrubber
        }
        let scrubber = try Self.scrubber(db: db, environment: environment)
        lock.withLock { scrubberCache = (scrubber, ContinuousClock.now) }
        return scrubber
    }

    /// A scrubber that knows every key value this process could send: each stored key (an
    /// `env:` reference read from the environment) and the well-known key variables.
    static func scrubber(db: Database, environment: [String: String]) throws -> SecretScrubber {
        var secrets = DefaultProviders.environmentKeys.compactMap { environment[$0.variable] }
        for row in try db.query("SELECT secret FROM api_keys") {
            guard let reference = row.string("secret") else { continue }
            if reference.hasPrefix("env:") {
                if let value = environment[String(reference.dropFirst(4))] { secrets.append(value) }
            } else {
                secrets.append(reference)
            }
        }
        return SecretScrubber(secrets: secrets.filter { !$0.isEmpty })
    }

    /// Logs the attempt and applies it to counters, key and breaker; returns the logged error text.
    /// `known` spares reading the provider's breaker thresholds when the caller has them fresh.
    static func record(db: Database, attempt: Attempt, now: Double, scrubber: SecretScrubber, provider known: ProviderRecord? = nil) throws -> String? {
        // Counts a provider reports are hostile numbers: bounded so daily sums cannot overflow.
        func tokens(_ count: Int?) -> Int? { count.map { min(max($0, 0), 1 << 40) } }
        let tokensIn = tokens(attempt.tokensIn), tokensOut = tokens(attempt.tokensOut)
        let cost = attempt.cost.flatMap { $0.isFinite ? min(max($0, 0), 1e9) : nil }
        var errorText: String?
        var retryAfter: Double?
        switch attempt.outcome {
        case .failure(let e):
            errorText = String(scrubber.scrub(e.description).prefix(1000))
            retryAfter = e.retryAfter.map { min($0, KeyStatePolicy.longestWait) }
        case .invalidOutput(let why):
            errorText = String(scrubber.scrub(why).prefix(1000))
        default: break
        }
        try db.execute(
            """
            INSERT INTO calls(job_id, attempt, provider, model, key_id, started_at, duration_ms, http_status, outcome,
                retry_after, error, tokens_in, tokens_out, cost, provider_request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [attempt.jobID, attempt.number, attempt.provider.name, attempt.model, attempt.keyID, attempt.startedAt.iso8601,
             attempt.durationMs, attempt.httpStatus, attempt.outcome.name, retryAfter, errorText,
             tokensIn, tokensOut, cost, attempt.providerRequestID])
        if case .cacheHit = attempt.outcome { return nil }
        if let keyID = attempt.keyID {
            let success = attempt.outcome == .success
            try db.execute(
                """
                UPDATE usage_daily SET successes = successes + ?, failures = failures + ?, tokens_in = tokens_in + ?,
                    tokens_out = tokens_out + ?, cost = cost + ? WHERE key_id = ? AND day = ?
                """,
                [success ? 1 : 0, success ? 0 : 1, tokensIn ?? 0, tokensOut ?? 0, cost ?? 0,
                 keyID, attempt.startedAt.utcDay])
            try updateKey(db: db, keyID: keyID, outcome: attempt.outcome, now: now, errorText: errorText)
        }
        var breaker = try BreakerRecord.load(db: db, providerID: attempt.provider.id)
        let loaded = breaker
        guard let p = try known ?? db.queryOne("SELECT * FROM providers WHERE id = ?", [attempt.provider.id]).map(ProviderRecord.init(row:)) else {
            return errorText
        }
        switch attempt.outcome {
        case .success:
            breaker.recordSuccess(closeAfter: p.breakerSuccessThreshold)
        case .failure(let e) where KeyStatePolicy.countsAgainstBreaker(e.kind):
            breaker.recordFailure(now: now, openAfter: p.breakerFailureThreshold, error: errorText)
        default:
            breaker.releaseProbe()
        }
        try breaker.save(db: db, now: now, unlessUnchangedFrom: loaded)
        return errorText
    }

    static func updateKey(db: Database, keyID: Int, outcome: AttemptOutcome, now: Double, errorText: String?) throws {
        if outcome == .success {
            // Only a key with something to reset is written: the common success dirties no page.
            try db.execute(
                """
                UPDATE api_keys SET consecutive_failures = 0, rate_limit_strikes = 0,
                    state = CASE WHEN state = 'deactivated' THEN state ELSE 'active' END,
                    state_until = CASE WHEN state = 'deactivated' THEN state_until ELSE NULL END,
                    state_reason = CASE WHEN state = 'deactivated' THEN state_reason ELSE NULL END
                WHERE id = ? AND (consecutive_failures <> 0 OR rate_limit_strikes <> 0
                    OR (state <> 'deactivated' AND (state <> 'active' OR state_until IS NOT NULL OR state_reason IS NOT NULL)))
                """, [keyID])
            return
        }
        guard let row = try db.queryOne("SELECT * FROM api_keys WHERE id = ?", [keyID]) else { return }
        let reason = errorText.map { String($0.prefix(300)) }
        switch outcome {
        case .success:
            return
        case .failure(let e):
            switch e.kind {
            case .rateLimit:
                let strikes = (row.int("rate_limit_strikes") ?? 0) + 1
                let until = now + KeyStatePolicy.cooldown(retryAfter: e.retryAfter, strikes: strikes)
                try db.execute(
                    "UPDATE api_keys SET state = 'cooling', state_until = ?, state_reason = ?, rate_limit_strikes = ? WHERE id = ?",
                    [until, reason, strikes, keyID])
            case .quotaExhausted:
                let until = KeyStatePolicy.exhaustedUntil(retryAfter: e.retryAfter, now: now)
                try db.execute(
                    "UPDATE api_keys SET state = 'exhausted', state_until = ?, state_reason = ? WHERE id = ?", [until, reason, keyID])
            case .auth:
                try db.execute(
                    "UPDATE api_keys SET state = 'deactivated', state_until = NULL, state_reason = ? WHERE id = ?", [reason, keyID])
            default:
                guard KeyStatePolicy.countsAgainstKey(e.kind) else { return }
                let failures = (row.int("consecutive_failures") ?? 0) + 1
                let limit = row.int("max_consecutive_failures") ?? 3
                if failures >= limit {
                    try db.execute(
                        "UPDATE api_keys SET consecutive_failures = ?, state = 'deactivated', state_until = NULL, state_reason = ? WHERE id = ?",
                        [failures, "\(failures) consecutive failures; last: \(reason ?? e.kind.rawValue)", keyID])
                } else {
                    try db.execute("UPDATE api_keys SET consecutive_failures = ? WHERE id = ?", [failures, keyID])
                }
            }
        case .invalidOutput, .cacheHit:
            return
        }
    }

    public func cachedCompletions(for hashes: [String], orReserve provider: RoutableProvider?) async throws -> CacheLookup {
        guard !hashes.isEmpty || provider != nil else { return CacheLookup(found: [:], reservation: nil) }
        let now = clock.now()
        let environment = self.environment
        let body: @Sendable (Database) throws -> CacheLookup = { db in
            var found: [String: Completion] = [:]
            if !hashes.isEmpty {
                let marks = Array(repeating: "?", count: hashes.count).joined(separator: ", ")
                let rows = try db.query(
                    "SELECT request_hash, completion FROM response_cache WHERE request_hash IN (\(marks)) AND expires_at > ?",
                    hashes + [now] as [any SQLValueConvertible])
                for row in rows {
                    if let hash = row.string("request_hash"), let text = row.string("completion"), let c = CompletionCoding.decode(text) {
                        found[hash] = c
                    }
                }
            }
            guard found.isEmpty, let provider else { return CacheLookup(found: found, reservation: nil) }
            return CacheLookup(found: found, reservation: try Self.reserve(db: db, provider: provider, excluding: [], now: now, environment: environment))
        }
        // A lookup that may reserve takes the write lock from the start; a bare lookup only reads.
        return provider == nil ? try await queue.read(body) : try await queue.write(body)
    }

    public func countCacheHit(_ hash: String) async throws {
        try await queue.write { db in
            try db.execute("UPDATE response_cache SET hits = hits + 1 WHERE request_hash = ?", [hash])
        }
    }

    static func storeCompletion(db: Database, _ entry: CacheEntry, now: Double, ttl: Double) throws {
        try db.execute(
            """
            INSERT INTO response_cache(request_hash, provider, model, completion, created_at, expires_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(request_hash) DO UPDATE SET completion = excluded.completion,
                created_at = excluded.created_at, expires_at = excluded.expires_at
            """, [entry.hash, entry.provider, entry.model, CompletionCoding.encode(entry.completion), now, now + ttl])
    }
}
