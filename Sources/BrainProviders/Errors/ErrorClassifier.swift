import BrainCore

/// Turns a failed HTTP exchange (status, headers, body) into a `ProviderError` per providers.md §12 and §16.
///
/// The status decides first; the body refines it where providers reuse one status for several
/// meanings (xAI and Gemini send bad keys as 400, 429 is both rate limit and quota).
public struct ErrorClassifier: Sendable {
    public var provider: String
    public var flavor: ProviderFlavor
    /// Secrets to scrub from every message (the API key in use).
    public var secrets: [String]

    public init(provider: String, flavor: ProviderFlavor, secrets: [String]) {
        self.provider = provider
        self.flavor = flavor
        self.secrets = secrets
    }

    /// Classifies an error response; `now` (epoch seconds) anchors HTTP-dates and reset times.
    public func classify(status: Int, headers: HTTPHeaders, body: String, now: Double) -> ProviderError {
        classify(status: status, headers: headers, errorBody: ErrorBody.parse(body), rawBody: body, now: now)
    }

    func classify(status: Int, headers: HTTPHeaders, errorBody: ErrorBody?, rawBody: String, now: Double)
        -> ProviderError
    {
        let context = ErrorContext(status: status, headers: headers, body: errorBody, rawBody: rawBody, now: now)
        func make(_ kind: ProviderError.Kind, retryAfter: Double? = nil, modelNotFound: Bool = false) -> ProviderError {
            ProviderError(
                kind: kind, provider: provider, status: status, retryAfter: retryAfter, message: context.displayMessage,
                modelNotFound: modelNotFound, secrets: secrets)
        }
        let body = errorBody
        if status >= 500, body?.statedStatus == 429 || body?.googleStatus == "RESOURCE_EXHAUSTED" {
            return RateLimitRules(context: context).classify(make)
        }
        switch status {
        case 400:
            if context.saysBadKey { return make(.auth) }
            return make(.badRequest, modelNotFound: context.saysModelNotFound)
        case 401: return make(.auth)
        case 402:
            if let wait = context.headerRetryAfter { return make(.rateLimit, retryAfter: wait) }
            if body?.limitSource == "openrouter_in_flight_budget" {
                return make(.rateLimit, retryAfter: context.bodyHint)
            }
            return make(.quotaExhausted)
        case 403:
            return context.isOpenRouterRefusal(flavor: flavor) ? make(.badRequest) : make(.auth)
        case 404: return make(.badRequest, modelNotFound: true)
        case 408: return make(.timeout)
        case 409: return make(.providerError)
        case 429: return RateLimitRules(context: context).classify(make)
        case 498, 499: return make(.providerError, retryAfter: context.headerRetryAfter)
        case 501: return make(.badRequest)
        case 504, 524: return make(.timeout)
        case 500...599: return make(.providerError, retryAfter: context.headerRetryAfter)
        case 400...499: return make(.badRequest, modelNotFound: context.saysModelNotFound)
        default: return make(.providerError)
        }
    }
}

/// What the rules read from one error response.
struct ErrorContext {
    let status: Int
    let headers: HTTPHeaders
    let body: ErrorBody?
    let rawBody: String
    let now: Double

    /// The provider's message, with the upstream's when OpenRouter relays one.
    var displayMessage: String {
        guard let body else {
            let text = rawBody.trimmingSpaces
            return text.isEmpty ? "empty body" : "non-JSON body: " + text.snippet(300)
        }
        var text = body.message ?? body.code ?? body.googleStatus ?? "no message"
        if let upstream = body.upstreamProvider ?? (body.upstreamRaw != nil ? "upstream" : nil) {
            text += " [\(upstream)]"
        }
        if let raw = body.upstreamRaw { text += ": " + raw.snippet(300) }
        return text
    }

    /// The top-level message in lower case (an upstream's relayed text is not ours to judge the key by).
    var lowerMessage: String { (body?.message ?? "").lowercased() }

    /// xAI's 400 "Incorrect API key provided", Gemini's 400 `API_KEY_INVALID` / `FAILED_PRECONDITION`.
    var saysBadKey: Bool {
        guard let body else { return false }
        let phrases = ["incorrect api key", "invalid api key", "api key not valid", "api key expired"]
        if phrases.contains(where: { lowerMessage.contains($0) }) { return true }
        if body.code == "invalid_api_key" { return true }
        if body.reasons.contains(where: { $0 == "API_KEY_INVALID" || $0 == "API_KEY_EXPIRED" }) { return true }
        return ["FAILED_PRECONDITION", "UNAUTHENTICATED", "PERMISSION_DENIED"].contains(body.googleStatus ?? "")
    }

    /// OpenRouter `model_not_found`, "not a valid model", Ollama's `model "x" not found`.
    var saysModelNotFound: Bool {
        guard let body else { return false }
        if body.availabilityCode == "model_not_found" || body.code == "model_not_found" { return true }
        let text = lowerMessage
        if text.contains("not a valid model") || text.contains("model_not_found") { return true }
        return text.contains("model") && text.contains("not found")
    }

    /// OpenRouter 403s that refuse the input rather than the key: moderation, guardrails, region.
    func isOpenRouterRefusal(flavor: ProviderFlavor) -> Bool {
        guard let body else { return false }
        if body.flagged { return true }
        guard flavor == .openRouter else { return false }
        let signals = [lowerMessage, body.errorType ?? "", body.availabilityCode ?? "", body.code ?? ""].joined(separator: " ")
            .lowercased()
        let words = ["region", "guardrail", "moderation", "flagged", "content_policy", "refusal"]
        return words.contains(where: { signals.contains($0) })
    }

    /// `retry-after-ms`, else `Retry-After` (seconds or HTTP-date).
    var headerRetryAfter: Double? {
        if let ms = headers["retry-after-ms"].flatMap(RetryAfter.milliseconds) { return ms }
        return headers["retry-after"].flatMap { RetryAfter.header($0, now: now) }
    }

    /// A wait stated in the body: OpenRouter metadata, Gemini `RetryInfo`, or "try again in …" text.
    var bodyHint: Double? {
        body?.bodyRetryAfter ?? body?.retryDelay ?? body?.message.flatMap(RetryAfter.inMessage)
    }

    /// Groq / OpenAI `x-ratelimit-reset-*`: the requests bucket when the message names requests.
    var resetHeaderHint: Double? {
        let requests = headers["x-ratelimit-reset-requests"].flatMap(RetryAfter.duration)
        let tokens = headers["x-ratelimit-reset-tokens"].flatMap(RetryAfter.duration)
        let namesRequests = lowerMessage.contains("request") && !lowerMessage.contains("token")
        return namesRequests ? (requests ?? tokens) : (tokens ?? requests)
    }

    /// OpenRouter's `X-RateLimit-Reset` from the header or its copy in the body.
    var rateLimitResetHint: Double? {
        let value = headers["x-ratelimit-reset"] ?? body?.bodyRateLimitReset
        return value.flatMap { RetryAfter.resetTime($0, now: now) }
    }
}
