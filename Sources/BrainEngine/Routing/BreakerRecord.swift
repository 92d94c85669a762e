import BrainProviders
import BrainStore

/// One provider's circuit breaker as stored in `breakers`, with its state machine.
///
/// closed → open after N consecutive failures; open → half-open once the recovery time has
/// passed, admitting one probe at a time; half-open → closed after M successes, or back to
/// open on any failure.
struct BreakerRecord: Equatable {
    var providerID: Int
    var state: String = "closed"
    var consecutiveFailures = 0
    var halfOpenSuccesses = 0
    var probeUntil: Double?
    var openedAt: Double?
    var lastError: String?
    /// Whether the row exists in `breakers`.
    var stored = false

    static func load(db: Database, providerID: Int) throws -> BreakerRecord {
        var record = BreakerRecord(providerID: providerID)
        if let row = try db.queryOne("SELECT * FROM breakers WHERE provider_id = ?", [providerID]) {
            record.stored = true
            record.state = row.string("state") ?? "closed"
            record.consecutiveFailures = row.int("consecutive_failures") ?? 0
            record.halfOpenSuccesses = row.int("half_open_successes") ?? 0
            record.probeUntil = row.double("probe_until")
            record.openedAt = row.double("opened_at")
            record.lastError = row.string("last_error")
        }
        return record
    }

    /// Saves the breaker unless nothing changed since `loaded` (a closed breaker that stays
    /// closed costs no write on every call).
    func save(db: Database, now: Double, unlessUnchangedFrom loaded: BreakerRecord) throws {
        if stored && self == loaded { return }
        try save(db: db, now: now)
    }

    func save(db: Database, now: Double) throws {
        try db.execute(
            """
            INSERT INTO breakers(provider_id, state, consecutive_failures, half_open_successes, probe_until, opened_at, last_error, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(provider_id) DO UPDATE SET state = excluded.state,
                consecutive_failures = excluded.consecutive_failures, half_open_successes = excluded.half_open_successes,
                probe_until = excluded.probe_until, opened_at = excluded.opened_at, last_error = excluded.last_error,
                updated_at = excluded.updated_at
            """,
            [providerID, state, consecutiveFailures, halfOpenSuccesses, probeUntil, openedAt, lastError, now])
    }

    /// Whether a call may go out now; moves open → half-open when the recovery time has passed
    /// and marks the probe in flight. Returns the reason to skip, or nil to proceed.
    mutating func admit(now: Double, recovery: Double, probeWindow: Double) -> SkipReason? {
        switch state {
        case "open":
            let until = (openedAt ?? now) + recovery
            if now < until { return .breakerOpen(until: until) }
            state = "half_open"
            halfOpenSuccesses = 0
            probeUntil = now + probeWindow
            return nil
        case "half_open":
            if let probeUntil, probeUntil > now { return .halfOpenProbeInFlight }
            probeUntil = now + probeWindow
            return nil
        default:
            return nil
        }
    }

    mutating func recordSuccess(closeAfter threshold: Int) {
        consecutiveFailures = 0
        probeUntil = nil
        guard state == "half_open" else { return }
        halfOpenSuccesses += 1
        if halfOpenSuccesses >= threshold {
            state = "closed"
            halfOpenSuccesses = 0
            openedAt = nil
        }
    }

    mutating func recordFailure(now: Double, openAfter threshold: Int, error: String?) {
        lastError = error.map { String($0.prefix(300)) }
        probeUntil = nil
        if state == "half_open" {
            state = "open"
            openedAt = now
            halfOpenSuccesses = 0
            return
        }
        consecutiveFailures += 1
        if state == "closed" && consecutiveFailures >= threshold {
            state = "open"
            openedAt = now
        }
    }

    mutating func releaseProbe() { probeUntil = nil }
}
