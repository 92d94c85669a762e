import BrainCore
import BrainStore

/// Reads and writes the `api_keys` and `accounts` tables.
public struct KeyRepository {
    let db: Database
    let clock: any WallClock

    public init(db: Database, clock: any WallClock = SystemClock()) {
        self.db = db
        self.clock = clock
    }

    static let selectSQL = """
        SELECT k.*, p.name AS provider, a.name AS account
        FROM api_keys k JOIN providers p ON p.id = k.provider_id
        LEFT JOIN accounts a ON a.id = k.account_id
        """

    public func all(provider: String? = nil) throws -> [KeyRecord] {
        if let provider {
            return try db.query(Self.selectSQL + " WHERE p.name = ? ORDER BY k.priority, k.id", [provider])
                .map(KeyRecord.init(row:))
        }
        return try db.query(Self.selectSQL + " ORDER BY p.priority, p.name, k.priority, k.id").map(KeyRecord.init(row:))
    }

    /// A key by id, or by `provider/label`.
    public func find(_ identifier: String) throws -> KeyRecord {
        let row: Row?
        if let id = Int(identifier) {
            row = try db.queryOne(Self.selectSQL + " WHERE k.id = ?", [id])
        } else if let slash = identifier.firstIndex(of: "/") {
            row = try db.queryOne(
                Self.selectSQL + " WHERE p.name = ? AND k.label = ?",
                [String(identifier[..<slash]), String(identifier[identifier.index(after: slash)...])])
        } else {
            row = nil
        }
        guard let row else { throw ConfigError.unknownKey(identifier) }
        return KeyRecord(row: row)
    }

    /// What `add` needs besides the provider.
    public struct NewKey: Sendable {
        public var reference: String
        public var label: String?
        public var priority: Int = 100
        public var dailyLimit: Int?
        public var account: String?
        public var maxConsecutiveFailures: Int = 3

        public init(reference: String, label: String? = nil, priority: Int = 100, dailyLimit: Int? = nil, account: String? = nil) {
            self.reference = reference
            self.label = label
            self.priority = priority
            self.dailyLimit = dailyLimit
            self.account = account
        }
    }

    /// Adds a key to `provider`. An inline secret is stored as given and shown only by fingerprint.
    @discardableResult
    public func add(provider: String, _ key: NewKey) throws -> KeyRecord {
        let p = try ProviderRepository(db: db, clock: clock).named(provider)
        let reference = key.reference.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reference.isEmpty else { throw ConfigError.invalid("the key is empty") }
        if reference.hasPrefix("env:") {
            let name = reference.dropFirst(4)
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
                throw ConfigError.invalid("--env takes a variable name such as GROQ_API_KEY")
            }
        }
        let fingerprint = reference.hasPrefix("env:") ? reference : SecretScrubber.fingerprint(reference)
        let label = key.label ?? (reference.hasPrefix("env:") ? String(reference.dropFirst(4)) : "key-\(fingerprint.suffix(4))")
        return try db.transaction {
            var accountID: Int?
            if let account = key.account {
                try db.execute(
                    "INSERT INTO accounts(provider_id, name) VALUES (?, ?) ON CONFLICT(provider_id, name) DO NOTHING",
                    [p.id, account])
                accountID = try db.scalar(
                    "SELECT id FROM accounts WHERE provider_id = ? AND name = ?", [p.id, account])?.int
            }
            do {
                try db.execute(
                    """
                    INSERT INTO api_keys(provider_id, account_id, label, secret, fingerprint, priority, daily_limit,
                        max_consecutive_failures, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [p.id, accountID, label, reference, fingerprint, key.priority, key.dailyLimit,
                     key.maxConsecutiveFailures, clock.now().iso8601])
            } catch let error as StoreError where error.isUniqueViolation {
                throw ConfigError.keyExists(provider: provider, label: label)
            }
            return try find(String(db.lastInsertRowID))
        }
    }

    public func remove(_ identifier: String) throws {
        let key = try find(identifier)
        try db.execute("DELETE FROM api_keys WHERE id = ?", [key.id])
    }

    /// Enables a key and clears any cooldown, exhaustion or deactivation.
    public func enable(_ identifier: String) throws {
        let key = try find(identifier)
        try db.execute(
            """
            UPDATE api_keys SET enabled = 1, state = 'active', state_until = NULL, state_reason = NULL,
                consecutive_failures = 0, rate_limit_strikes = 0 WHERE id = ?
            """, [key.id])
    }

    public func disable(_ identifier: String) throws {
        let key = try find(identifier)
        try db.execute("UPDATE api_keys SET enabled = 0 WHERE id = ?", [key.id])
    }

    /// Sets limits on a provider's account (created when missing).
    public func setAccountLimit(provider: String, account: String, dailyLimit: Int?) throws {
        let p = try ProviderRepository(db: db, clock: clock).named(provider)
        try db.execute(
            """
            INSERT INTO accounts(provider_id, name, daily_limit) VALUES (?, ?, ?)
            ON CONFLICT(provider_id, name) DO UPDATE SET daily_limit = excluded.daily_limit
            """, [p.id, account, dailyLimit])
    }
}

import Foundation
