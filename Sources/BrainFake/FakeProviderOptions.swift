/// How the fake provider behaves when no scripted response is queued; maps to `brain fake-provider` flags.
public struct FakeProviderOptions: Sendable, Equatable {
    /// Which dialect answers ambiguous paths (`GET /models`) and shapes error bodies there.
    public enum Dialect: String, Sendable, Equatable, CaseIterable {
        case openai
        case gemini
    }

    public var dialect: Dialect
    /// Delay before every default answer (`--latency-ms`).
    public var latencyMs: Int
    /// Share of completion requests answered 500 (`--fail-rate`, 0...1).
    public var failRate: Double
    /// Share of completion requests answered 429 with Retry-After (`--rate-limit-rate`, 0...1).
    public var rateLimitRate: Double
    /// The Retry-After value on those 429s (`--retry-after`).
    public var retryAfterSeconds: Int
    /// Keys that are refused (`--auth-fail-keys`): 401 in the OpenAI dialect, 400 API_KEY_INVALID in Gemini's.
    public var authFailKeys: Set<String>
    /// Seed of the generator that draws failures, so a run can be repeated.
    public var seed: UInt64
    /// Model named in answers when the request names none.
    public var defaultModel: String

    public init(
        dialect: Dialect = .openai, latencyMs: Int = 0, failRate: Double = 0, rateLimitRate: Double = 0,
        retryAfterSeconds: Int = 1, authFailKeys: Set<String> = [], seed: UInt64 = 42, defaultModel: String = "fake-model"
    ) {
        self.dialect = dialect
        self.latencyMs = latencyMs
        self.failRate = failRate
        self.rateLimitRate = rateLimitRate
        self.retryAfterSeconds = retryAfterSeconds
        self.authFailKeys = authFailKeys
        self.seed = seed
        self.defaultModel = defaultModel
    }
}
