import BrainCore
import BrainStore

/// An API key as stored in `api_keys`. `reference` is `env:NAME` or the secret itself; it is
/// never printed (listings use `fingerprint`).
public struct KeyRecord: Sendable, Equatable {
    public var id: Int
    public var provider: String
    public var providerID: Int
    public var account: String?
    public var label: String
    public var reference: String
    public var fingerprint: String
    public var priority: Int
    public var enabled: Bool
    public var dailyLimit: Int?
    public var maxConsecutiveFailures: Int
    /// active, cooling, exhausted or deactivated.
    public var state: String
    /// Epoch seconds when a cooling or exhausted key becomes usable again.
    public var stateUntil: Double?
    public var stateReason: String?
    public var consecutiveFailures: Int

    init(row: Row) {
        id = row.int("id") ?? 0
        provider = row.string("provider") ?? ""
        providerID = row.int("provider_id") ?? 0
        account = row.string("account")
        label = row.string("label") ?? ""
        reference = row.string("secret") ?? ""
        fingerprint = row.string("fingerprint") ?? ""
        priority = row.int("priority") ?? 100
        enabled = row.bool("enabled") ?? false
        dailyLimit = row.int("daily_limit")
        maxConsecutiveFailures = row.int("max_consecutive_failures") ?? 3
        state = row.string("state") ?? "active"
        stateUntil = row.double("state_until")
        stateReason = row.string("state_reason")
        consecutiveFailures = row.int("consecutive_failures") ?? 0
    }

    /// The environment variable this key reads, when it is an `env:` reference.
    public var environmentVariable: String? {
        reference.hasPrefix("env:") ? String(reference.dropFirst(4)) : nil
    }

    /// The secret to send, read from the environment for `env:` references (nil when unset).
    public func secret(in environment: [String: String]) -> String? {
        if let name = environmentVariable {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        return reference
    }

    /// What listings show: the fingerprint, and for env references the variable name too.
    public func displayFingerprint(in environment: [String: String]) -> String {
        if let name = environmentVariable {
            if let value = environment[name], !value.isEmpty {
                return "env:\(name) (\(SecretScrubber.fingerprint(value)))"
            }
            return "env:\(name) (unset)"
        }
        return fingerprint
    }

    /// The state a person should see at `now`: a cooling or exhausted key whose time has passed is active.
    public func effectiveState(at now: Double) -> String {
        if !enabled { return "disabled" }
        if state == "cooling" || state == "exhausted", let until = stateUntil, until <= now { return "active" }
        return state
    }
}
