import BrainCore
import BrainStore

/// Everything `brain status` shows: the queue, provider health, keys that need attention, cache use.
public struct StatusReport: Sendable {
    /// One provider's line (from the provider_health view).
    public struct ProviderLine: Sendable {
        public var name: String
        public var health: String
        public var enabled: Bool
        public var priority: Int
        public var breaker: String
        public var callsToday: Int
        public var dailyLimit: Int?
        public var keysActive: Int
        public var keysTotal: Int
        public var successRate: Double?
        public var averageLatencyMs: Double?
        public var p50LatencyMs: Int?
        public var p95LatencyMs: Int?
        public var lastError: String?
        public var lastSuccess: String?
    }

    /// A key that is cooling, exhausted, deactivated or disabled.
    public struct KeyLine: Sendable {
        public var id: Int
        public var provider: String
        public var label: String
        public var fingerprint: String
        public var state: String
        public var reason: String?
        public var until: Double?
    }

    public var databasePath: String
    public var queue: [(state: String, count: Int)]
    public var providers: [ProviderLine]
    public var keysNeedingAttention: [KeyLine]
    public var keysTotal: Int
    public var keysUsable: Int
    public var cacheEntries: Int
    public var cacheHitsToday: Int
    public var documents: Int
    public var results: Int

    /// Reads the report from `db`; `environment` resolves `env:` key fingerprints.
    public static func gather(db: Database, environment: [String: String], clock: any WallClock = SystemClock()) throws -> StatusReport {
        let now = clock.now()
        let counts = Dictionary(
            uniqueKeysWithValues: try db.query("SELECT state, count(*) AS n FROM jobs GROUP BY state").map {
                ($0.string("state") ?? "", $0.int("n") ?? 0)
            })
        let queue = ["queued", "running", "done", "failed"].map { (state: $0, count: counts[$0] ?? 0) }
        let providers = try db.query("SELECT * FROM provider_health ORDER BY priority, provider").map { row in
            ProviderLine(
                name: row.string("provider") ?? "", health: row.string("health") ?? "",
                enabled: row.bool("enabled") ?? false, priority: row.int("priority") ?? 0,
                breaker: row.string("breaker") ?? "closed", callsToday: row.int("calls_today") ?? 0,
                dailyLimit: row.int("daily_limit"), keysActive: row.int("keys_active") ?? 0,
                keysTotal: row.int("keys_total") ?? 0, successRate: row.double("success_rate"),
                averageLatencyMs: row.double("avg_latency_ms"), p50LatencyMs: row.int("p50_latency_ms"),
                p95LatencyMs: row.int("p95_latency_ms"), lastError: row.string("last_error"),
                lastSuccess: row.string("last_success"))
        }
        let keys = try KeyRepository(db: db, clock: clock).all()
        let attention = keys.filter { $0.effectiveState(at: now) != "active" }.map { key in
            KeyLine(
                id: key.id, provider: key.provider, label: key.label,
                fingerprint: key.displayFingerprint(in: environment), state: key.effectiveState(at: now),
                reason: key.stateReason, until: key.effectiveState(at: now) == "deactivated" ? nil : key.stateUntil)
        }
        let usable = keys.filter { $0.effectiveState(at: now) == "active" && $0.secret(in: environment) != nil }.count
        return StatusReport(
            databasePath: db.path, queue: queue, providers: providers, keysNeedingAttention: attention,
            keysTotal: keys.count, keysUsable: usable,
            cacheEntries: try db.scalar("SELECT count(*) FROM response_cache WHERE expires_at > ?", [now])?.int ?? 0,
            cacheHitsToday: try db.scalar(
                "SELECT count(*) FROM calls WHERE outcome = 'cache_hit' AND started_at >= ?", [now.utcDay])?.int ?? 0,
            documents: try db.scalar("SELECT count(*) FROM documents")?.int ?? 0,
            results: try db.scalar("SELECT count(*) FROM results")?.int ?? 0)
    }

    /// The report as one JSON document (secrets never included: keys appear by fingerprint).
    public var json: JSONValue {
        func opt<T>(_ v: T?, _ f: (T) -> JSONValue) -> JSONValue { v.map(f) ?? .null }
        let providerValues: [JSONValue] = providers.map { p in
            [
                "name": .string(p.name), "health": .string(p.health), "enabled": .bool(p.enabled),
                "priority": .int(p.priority), "breaker": .string(p.breaker),
                "calls_today": .int(p.callsToday), "daily_limit": opt(p.dailyLimit) { .int($0) },
                "keys_active": .int(p.keysActive), "keys_total": .int(p.keysTotal),
                "success_rate": opt(p.successRate) { .number($0) },
                "avg_latency_ms": opt(p.averageLatencyMs) { .number($0) },
                "p50_latency_ms": opt(p.p50LatencyMs) { .int($0) },
                "p95_latency_ms": opt(p.p95LatencyMs) { .int($0) },
                "last_error": opt(p.lastError) { .string($0) },
                "last_success": opt(p.lastSuccess) { .string($0) },
            ]
        }
        let keyValues: [JSONValue] = keysNeedingAttention.map { k in
            [
                "id": .int(k.id), "provider": .string(k.provider), "label": .string(k.label),
                "fingerprint": .string(k.fingerprint), "state": .string(k.state),
                "reason": opt(k.reason) { .string($0) }, "until": opt(k.until) { .string($0.iso8601) },
            ]
        }
        return [
            "database": .string(databasePath),
            "queue": .object(JSONObject(queue.map { ($0.state, JSONValue.int($0.count)) })),
            "providers": .array(providerValues),
            "keys": ["total": .int(keysTotal), "usable": .int(keysUsable), "attention": .array(keyValues)],
            "cache": ["entries": .int(cacheEntries), "hits_today": .int(cacheHitsToday)],
            "documents": .int(documents),
            "results": .int(results),
        ]
    }
}
