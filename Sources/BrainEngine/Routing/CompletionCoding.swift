import BrainCore
import BrainProviders

/// Completion values as JSON, for the response cache.
enum CompletionCoding {
    static func encode(_ c: Completion) -> String {
        var o: JSONObject = [
            "text": .string(c.text), "finish_reason": .string(c.finishReason.description), "model": .string(c.model),
            "prompt_tokens": .int(c.usage.promptTokens), "completion_tokens": .int(c.usage.completionTokens),
            "total_tokens": .int(c.usage.totalTokens),
        ]
        if let id = c.requestId { o["request_id"] = .string(id) }
        if let cost = c.cost { o["cost"] = .number(cost) }
        return JSONValue.object(o).serialized()
    }

    static func decode(_ text: String) -> Completion? {
        guard let v = try? JSONValue.parse(text), let t = v["text"]?.stringValue else { return nil }
        return Completion(
            text: t, finishReason: FinishReason(openAI: v["finish_reason"]?.stringValue ?? "stop"),
            model: v["model"]?.stringValue ?? "",
            usage: TokenUsage(
                promptTokens: v["prompt_tokens"]?.intValue ?? 0, completionTokens: v["completion_tokens"]?.intValue ?? 0,
                totalTokens: v["total_tokens"]?.intValue ?? 0),
            requestId: v["request_id"]?.stringValue, cost: v["cost"]?.doubleValue)
    }
}
