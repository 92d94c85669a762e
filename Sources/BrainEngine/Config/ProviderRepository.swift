import BrainCore
import BrainStore

/// Why a provider or key change was refused.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownProvider(String)
    case providerExists(String)
    case unknownKey(String)
    case keyExists(provider: String, label: String)
    case invalid(String)

    public var description: String {
        switch self {
        case .unknownProvider(let name): return "no provider named '\(name)' (see: brain providers list)"
        case .providerExists(let name): return "a provider named '\(name)' exists already (use: brain providers set)"
        case .unknownKey(let id): return "no key '\(id)' (see: brain keys list)"
        case .keyExists(let provider, let label): return "provider '\(provider)' has a key labelled '\(label)' already"
        case .invalid(let why): return why
        }
    }
}

/// Reads and writes the `providers` table.
public struct ProviderRepository {
    let db: Database
    let clock: any WallClock

    public init(db: Database, clock: any WallClock = SystemClock()) {
        self.db = db
        self.clock = clock
    }

    public func all() throws -> [ProviderRecord] {
        try db.query("SELECT * FROM providers ORDER BY priority, name").map(ProviderRecord.init(row:))
    }

    public func named(_ name: String) throws -> ProviderRecord {
        guard let row = try db.queryOne("SELECT * FROM providers WHERE name = ?", [name]) else {
            throw ConfigError.unknownProvider(name)
        }
        return ProviderRecord(row: row)
    }

    /// Adds `provider`; refuses a duplicate name.
    @discardableResult
    public func add(_ provider: ProviderRecord) throws -> ProviderRecord {
        try validate(provider)
        do {
            try db.execute(
                """
                INSERT INTO providers(name, kind, base_url, priority, enabled, models, daily_limit, timeout_ms,
                    breaker_failure_threshold, breaker_recovery_seconds, breaker_success_threshold,
                    extra_headers, key_required, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    provider.name, provider.kind, provider.baseURL, provider.priority, provider.enabled,
                    provider.modelsJSON, provider.dailyLimit, provider.timeoutMilliseconds,
                    provider.breakerFailureThreshold, provider.breakerRecoverySeconds,
                    provider.breakerSuccessThreshold, provider.headersJSON, provider.keyRequired,
                    clock.now().iso8601,
                ])
        } catch where error.isUniqueViolation {
            throw ConfigError.providerExists(provider.name)
        }
        return try named(provider.name)
    }

    /// Writes every field of `provider` (matched by name).
    public func update(_ provider: ProviderRecord) throws {
        try validate(provider)
        try db.execute(
            """
            UPDATE providers SET kind = ?, base_url = ?, priority = ?, enabled = ?, models = ?, daily_limit = ?,
                timeout_ms = ?, breaker_failure_threshold = ?, breaker_recovery_seconds = ?,
                breaker_success_threshold = ?, extra_headers = ?, key_required = ?
            WHERE name = ?
            """,
            [
                provider.kind, provider.baseURL, provider.priority, provider.enabled, provider.modelsJSON,
                provider.dailyLimit, provider.timeoutMilliseconds, provider.breakerFailureThreshold,
                provider.breakerRecoverySeconds, provider.breakerSuccessThreshold, provider.headersJSON,
                provider.keyRequired, provider.name,
            ])
        if db.changes == 0 { throw ConfigError.unknownProvider(provider.name) }
    }

    public func setEnabled(_ name: String, _ enabled: Bool) throws {
        try db.execute("UPDATE providers SET enabled = ? WHERE name = ?", [enabled, name])
        if db.changes == 0 { throw ConfigError.unknownProvider(name) }
    }

    /// Removes the provider with its keys, accounts, counters and breaker; the call log keeps its name.
    public func remove(_ name: String) throws {
        try db.execute("DELETE FROM providers WHERE name = ?", [name])
        if db.changes == 0 { throw ConfigError.unknownProvider(name) }
    }

    private func validate(_ p: ProviderRecord) throws {
        guard !p.name.isEmpty, p.name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw ConfigError.invalid("provider names use letters, digits, '-', '_' and '.'")
        }
        guard p.kind == "openai" || p.kind == "gemini" else {
            throw ConfigError.invalid("--kind must be openai or gemini, not '\(p.kind)'")
        }
        guard p.baseURL.hasPrefix("http://") || p.baseURL.hasPrefix("https://") else {
            throw ConfigError.invalid("--base-url must start with http:// or https://")
        }
        if let limit = p.dailyLimit, limit < 0 { throw ConfigError.invalid("--daily-limit cannot be negative") }
        guard p.timeoutMilliseconds > 0 else { throw ConfigError.invalid("--timeout-ms must be positive") }
    }
}
