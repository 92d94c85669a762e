import BrainCore

/// OpenAI-compatible bodies (OpenAI, OpenRouter, Groq, xAI, local servers), per providers.md §2-§4.
enum OpenAIDialect {
    static func chatCompletion(_ ask: CompletionAsk, id: String, created: Int, model: String, path: String) -> ScriptedResponse {
        let content = ask.replyText
        let promptTokens = max(1, ask.promptCharacters / 4)
        let completionTokens = max(1, content.count / 4)
        var usage: JSONObject = [
            "prompt_tokens": .int(promptTokens), "completion_tokens": .int(completionTokens),
            "total_tokens": .int(promptTokens + completionTokens),
            "prompt_tokens_details": ["cached_tokens": 0], "completion_tokens_details": ["reasoning_tokens": 0],
        ]
        let openRouter = path.hasPrefix("/api/v1/")
        if openRouter {
            usage["cost"] = .number(Double(promptTokens + 4 * completionTokens) * 1.5e-7)
            usage["is_byok"] = false
        }
        var body: JSONObject = [
            "id": .string(openRouter ? "gen-\(created)-\(id)" : "chatcmpl-\(id)"),
            "object": "chat.completion",
            "created": .int(created),
            "model": .string(model),
            "choices": [
                [
                    "index": 0,
                    "message": ["role": "assistant", "content": .string(content), "refusal": nil],
                    "logprobs": nil,
                    "finish_reason": "stop",
                ]
            ],
            "usage": .object(usage),
            "system_fingerprint": "fp_brainfake",
        ]
        if openRouter { body["provider"] = "BrainFake" }
        return .json(JSONValue.object(body).serialized(), headers: [HTTPField("x-request-id", "req_\(id)")])
    }

    static func models(defaultModel: String) -> ScriptedResponse {
        let ids = [defaultModel, "fake-model-large", "fake-model-mini"]
        var seen = Set<String>()
        let data: [JSONValue] = ids.filter { seen.insert($0).inserted }.map {
            ["id": .string($0), "object": "model", "created": 1_760_000_000, "owned_by": "brain-fake"]
        }
        return .json(JSONValue.object(["object": "list", "data": .array(data)]).serialized())
    }

    /// OpenRouter's `GET /key`.
    static func keyInfo(key: String?) -> ScriptedResponse {
        let label = key.map(masked) ?? "none"
        let data: JSONValue = [
            "label": .string(label), "limit": 10.0, "limit_remaining": 7.25, "limit_reset": "monthly",
            "include_byok_in_limit": false, "usage": 2.75, "usage_daily": 0.5, "usage_weekly": 1.2,
            "usage_monthly": 2.75, "is_free_tier": false, "is_management_key": false, "expires_at": nil,
        ]
        return .json(JSONValue.object(["data": data]).serialized())
    }

    static func error(status: Int, message: String, type: String, code: String?, headers: [HTTPField] = []) -> ScriptedResponse {
        let body: JSONValue = [
            "error": ["message": .string(message), "type": .string(type), "param": nil, "code": code.map(JSONValue.string) ?? nil]
        ]
        return .json(body.serialized(), status: status, headers: headers)
    }

    static func invalidKey(_ key: String?) -> ScriptedResponse {
        error(
            status: 401,
            message: "Incorrect API key provided: \(key.map(masked) ?? "none"). You can find your API key at https://platform.openai.com/account/api-keys.",
            type: "invalid_request_error", code: "invalid_api_key")
    }

    static func rateLimited(model: String, retryAfter: Int) -> ScriptedResponse {
        error(
            status: 429,
            message: "Rate limit reached for \(model) on requests per min (RPM): Limit 60, Used 60, Requested 1. Please try again in \(retryAfter)s.",
            type: "requests", code: "rate_limit_exceeded",
            headers: [
                HTTPField("Retry-After", String(retryAfter)), HTTPField("x-ratelimit-limit-requests", "60"),
                HTTPField("x-ratelimit-remaining-requests", "0"), HTTPField("x-ratelimit-reset-requests", "\(retryAfter)s"),
            ])
    }

    static let serverError = error(
        status: 500, message: "The server had an error while processing your request. Sorry about that!",
        type: "server_error", code: nil)

    /// The key as real providers echo it: first and last four characters only.
    static func masked(_ key: String) -> String {
        guard key.count >= 12 else { return "****" }
        return "\(key.prefix(4))****\(key.suffix(4))"
    }
}
