import BrainProviders

/// How an attempt's outcome changes its key: cooldowns, exhaustion, deactivation.
enum KeyStatePolicy {
    /// Cooldowns for 429s that name no wait, escalating with each strike until a success resets them.
    static let escalatingCooldowns: [Double] = [30, 120, 600, 3600]

    /// Failures that say nothing about the key and never count towards deactivating it.
    static func countsAgainstKey(_ kind: ProviderError.Kind) -> Bool {
        switch kind {
        case .providerError, .timeout, .malformedResponse: return true
        case .network, .cancelled, .badRequest, .rateLimit, .quotaExhausted, .auth: return false
        }
    }

    /// Failures that count towards opening the provider's circuit breaker.
    static func countsAgainstBreaker(_ kind: ProviderError.Kind) -> Bool {
        switch kind {
        case .providerError, .timeout, .network, .malformedResponse: return true
        default: return false
        }
    }

    /// The longest wait a provider can impose on a key; longer (hostile or garbled) hints are cut
    /// to this, so stored times stay printable.
    static let longestWait: Double = 7 * 86_400

    /// Seconds a rate-limited key cools: the provider's Retry-After, else the escalation step.
    static func cooldown(retryAfter: Double?, strikes: Int) -> Double {
        if let retryAfter, retryAfter > 0, retryAfter.isFinite { return min(retryAfter, longestWait) }
        return escalatingCooldowns[min(max(strikes, 1), escalatingCooldowns.count) - 1]
    }

    /// When an exhausted key is usable again: after the provider's wait, else at the next UTC midnight.
    static func exhaustedUntil(retryAfter: Double?, now: Double) -> Double {
        guard let retryAfter, retryAfter.isFinite, retryAfter >= 0 else { return now.nextUTCMidnight }
        return now + min(retryAfter, longestWait)
    }
}
