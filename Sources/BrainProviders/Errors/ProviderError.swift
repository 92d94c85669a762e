import BrainCore

/// A failed provider call, classified per providers.md §16 so the router knows what to do next.
///
/// `message` is the provider's own text, scrubbed of the API key before it is stored here,
/// so neither it nor `description` can leak the secret.
public struct ProviderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure (providers.md §16); the raw value is what the `calls` table records.
    public enum Kind: String, Sendable, Equatable, Hashable, CaseIterable {
        /// DNS, connect, TLS, reset, partial body: no usable answer arrived.
        case network = "network_error"
        /// The client timer fired, or the provider said it timed out (408, 504, 524).
        case timeout
        /// The key is bad, blocked, expired or lacks access.
        case auth = "auth_error"
        /// Retry later; the same key works again soon.
        case rateLimit = "rate_limit_error"
        /// This key or account is done for the period (credits, daily cap, spend limit).
        case quotaExhausted = "quota_exhausted"
        /// The provider failed (5xx, overloaded, an in-body upstream failure).
        case providerError = "provider_error"
        /// The request or the answer is unusable as is (bad field, context too long, refusal, cut output).
        case badRequest = "validation_error"
        /// A success status with a body that is not the dialect's response shape.
        case malformedResponse = "malformed_response"
        /// The call was cancelled by its caller; not the provider's fault.
        case cancelled

        var summary: String {
            switch self {
            case .network: return "network error"
            case .timeout: return "timed out"
            case .auth: return "authentication failed"
            case .rateLimit: return "rate limited"
            case .quotaExhausted: return "quota exhausted"
            case .providerError: return "provider error"
            case .badRequest: return "request or answer rejected"
            case .malformedResponse: return "malformed response"
            case .cancelled: return "cancelled"
            }
        }
    }

    public var kind: Kind
    /// The configured provider name.
    public var provider: String
    /// The HTTP status, or the status carried inside a 200 body's error; nil for transport failures.
    public var status: Int?
    /// Seconds to wait before using this key (rate limits) or until the quota resets, when known.
    public var retryAfter: Double?
    /// The provider's message (or a short snippet of a non-JSON body), secrets removed.
    public var message: String
    /// The model is unknown or unavailable here: the router may try the next model.
    public var modelNotFound: Bool

    /// Builds an error whose `message` is scrubbed of `secrets` and shortened to 500 characters.
    public init(
        kind: Kind, provider: String, status: Int? = nil, retryAfter: Double? = nil, message: String,
        modelNotFound: Bool = false, secrets: [String] = []
    ) {
        self.kind = kind
        self.provider = SecretScrubber(secrets: secrets).scrub(provider)
        self.status = status
        self.retryAfter = retryAfter
        self.message = ProviderError.shorten(SecretScrubber(secrets: secrets).scrub(message), to: 500)
        self.modelNotFound = modelNotFound
    }

    public var description: String {
        var text = "\(provider): \(kind.summary)"
        if let status { text += " (HTTP \(status))" }
        if let retryAfter { text += ", retry after \(ProviderError.formatSeconds(retryAfter))" }
        if modelNotFound { text += ", model not found" }
        if !message.isEmpty { text += ": " + message }
        return text
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        let collapsed = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return collapsed.snippet(limit)
    }

    static func formatSeconds(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "an unknown time" }
        let rounded = (seconds * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e12 { return "\(Int64(rounded))s" }
        return "\(rounded)s"
    }
}
