import BrainCore
import BrainProviders

/// The original system's BrainResult: what `brain process --json` prints and `--out` writes.
public struct BrainResult: Sendable {
    public var success: Bool
    /// `file` or `text`.
    public var inputType: String
    /// The file path, or the text itself.
    public var inputData: String
    public var provider: String?
    public var model: String?
    /// The answer: parsed JSON for structured tasks, else the text.
    public var response: JSONValue?
    public var usage: TokenUsage?
    /// Seconds from the first call to the accepted answer.
    public var responseTime: Double?
    public var outputFile: String?
    public var errorMessage: String?
    public var metadata: JSONObject
    public var fallbackChain: [AttemptSummary]
    public var totalAttempts: Int

    public var json: JSONValue {
        [
            "success": .bool(success), "input_type": .string(inputType), "input_data": .string(inputData),
            "provider": provider.map { .string($0) } ?? .null, "model": model.map { .string($0) } ?? .null,
            "response": response ?? .null,
            "usage": usage.map {
                ["prompt_tokens": .int($0.promptTokens), "completion_tokens": .int($0.completionTokens), "total_tokens": .int($0.totalTokens)]
            } ?? .null,
            "response_time": responseTime.map { .number($0) } ?? .null,
            "output_file": outputFile.map { .string($0) } ?? .null,
            "error_message": errorMessage.map { .string($0) } ?? .null,
            "metadata": .object(metadata),
            "fallback_chain": .array(fallbackChain.map(\.json)),
            "total_attempts": .int(totalAttempts),
        ]
    }
}
