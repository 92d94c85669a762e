import BrainCore

/// Tells a transient rate limit from an exhausted quota on a 429 (providers.md §12, §7.5).
struct RateLimitRules {
    let context: ErrorContext

    /// A wait longer than this means the key is done for a long while: quota, not rate limit
    /// (Gemini's rule 2 in §7.5, and §12's "more than a few minutes" for OpenAI).
    static let longWait: Double = 300

    func classify(_ make: (ProviderError.Kind, Double?, Bool) -> ProviderError) -> ProviderError {
        let body = context.body
        let message = context.lowerMessage
        let hint = context.headerRetryAfter ?? context.bodyHint ?? context.resetHeaderHint ?? context.rateLimitResetHint

        // OpenAI: a single request larger than the per-minute budget.
        if message.contains("request too large") { return make(.badRequest, nil, false) }
        // OpenAI billing codes.
        let billing = ["insufficient_quota", "credit_balance_exhausted", "spend_limit_exceeded", "usage_limit_exceeded"]
        if [body?.type ?? "", body?.code ?? ""].contains(where: { code in billing.contains(where: { code.hasSuffix($0) }) }) {
            return make(.quotaExhausted, nil, false)
        }
        // OpenRouter's own free-tier daily cap, until X-RateLimit-Reset (else the next UTC day).
        if message.contains("free-models-per-day") || body?.limitSource == "openrouter_free_tier_daily" {
            let reset = context.rateLimitResetHint ?? (context.now.nextUTCMidnight - context.now)
            return make(.quotaExhausted, reset, false)
        }
        // OpenRouter relaying an upstream's 429: this model is busy, the key is fine.
        if body?.upstreamProvider != nil || body?.upstreamRaw != nil || body?.availabilityCode == "capacity_exhausted" {
            return make(.rateLimit, hint, false)
        }
        // xAI: "used all available credits or reached its monthly spending limit".
        let spent = ["spending limit", "available credits", "more credits", "out of credits"]
        if spent.contains(where: { message.contains($0) }) { return make(.quotaExhausted, nil, false) }
        // Groq / OpenAI per-day buckets (RPD, TPD).
        if message.contains("per day") || message.contains("(rpd)") || message.contains("(tpd)") {
            let wait = body?.message.flatMap(RetryAfter.inMessage) ?? context.resetHeaderHint ?? context.headerRetryAfter
            return make(.quotaExhausted, wait, false)
        }
        // Gemini (§7.5): daily quota ids, no free quota at all, then RetryInfo, then per-minute ids.
        let quotaIds = body?.quotaIds ?? []
        if quotaIds.contains(where: { $0.contains("PerDay") || $0.contains("Daily") }) {
            return make(.quotaExhausted, nil, false)
        }
        if message.contains("limit: 0") { return make(.quotaExhausted, nil, false) }
        if let wait = hint { return make(wait > RateLimitRules.longWait ? .quotaExhausted : .rateLimit, wait, false) }
        if quotaIds.contains(where: { $0.contains("PerMinute") }) { return make(.rateLimit, 60, false) }
        return make(.rateLimit, nil, false)
    }
}
