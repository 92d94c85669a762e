/// A provider's successful answer, in one shape for every dialect.
public struct Completion: Sendable, Equatable {
    /// The answer text (Gemini thought parts excluded).
    public var text: String
    public var finishReason: FinishReason
    /// The model that actually answered (after OpenRouter fallbacks, or Gemini's `modelVersion`).
    public var model: String
    public var usage: TokenUsage
    /// The provider's id for this call (Groq `x_groq.id`, OpenRouter `gen-…`, Gemini `responseId`).
    public var requestId: String?
    /// Cost in USD when the provider reports it (OpenRouter `usage.cost`, xAI `cost_in_usd_ticks`).
    public var cost: Double?

    public init(
        text: String, finishReason: FinishReason, model: String, usage: TokenUsage, requestId: String? = nil,
        cost: Double? = nil
    ) {
        self.text = text
        self.finishReason = finishReason
        self.model = model
        self.usage = usage
        self.requestId = requestId
        self.cost = cost
    }
}

/// Token counts of one call, in OpenAI's terms (Gemini thought tokens count as completion tokens).
public struct TokenUsage: Sendable, Equatable, Hashable {
    public var promptTokens: Int
    public var completionTokens: Int
    public var totalTokens: Int

    public init(promptTokens: Int, completionTokens: Int, totalTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.totalTokens = totalTokens
    }
}

/// Why generation stopped, normalised across dialects.
public enum FinishReason: Sendable, Equatable, Hashable, CustomStringConvertible {
    case stop
    /// Cut by the output-token limit or the context size.
    case length
    case contentFilter
    case toolCalls
    case error
    /// A value this engine has no name for, as the provider sent it.
    case other(String)

    /// The OpenAI-dialect value mapped to a case.
    public init(openAI value: String) {
        switch value {
        case "stop": self = .stop
        case "length": self = .length
        case "content_filter": self = .contentFilter
        case "tool_calls", "function_call": self = .toolCalls
        case "error": self = .error
        default: self = .other(value)
        }
    }

    public var description: String {
        switch self {
        case .stop: return "stop"
        case .length: return "length"
        case .contentFilter: return "content_filter"
        case .toolCalls: return "tool_calls"
        case .error: return "error"
        case .other(let value): return value
        }
    }
}
