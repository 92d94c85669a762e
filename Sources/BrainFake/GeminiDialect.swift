import BrainCore

/// Gemini native `generateContent` bodies, per providers.md §7 (pretty-printed, as Google sends them).
enum GeminiDialect {
    static func generateContent(_ ask: CompletionAsk, id: String, model: String) -> ScriptedResponse {
        let content = ask.replyText
        let promptTokens = max(1, ask.promptCharacters / 4)
        let candidateTokens = max(1, content.count / 4)
        let body: JSONValue = [
            "candidates": [
                [
                    "content": ["parts": [["text": .string(content)]], "role": "model"],
                    "finishReason": "STOP",
                    "index": 0,
                ]
            ],
            "usageMetadata": [
                "promptTokenCount": .int(promptTokens), "candidatesTokenCount": .int(candidateTokens),
                "totalTokenCount": .int(promptTokens + candidateTokens),
                "promptTokensDetails": [["modality": "TEXT", "tokenCount": .int(promptTokens)]],
            ],
            "modelVersion": .string(model),
            "responseId": .string(id),
        ]
        return json(body)
    }

    static func models(defaultModel: String) -> ScriptedResponse {
        let names = ["gemini-2.5-flash", "gemini-2.5-pro", defaultModel]
        var seen = Set<String>()
        let models: [JSONValue] = names.filter { seen.insert($0).inserted }.map { name in
            [
                "name": .string("models/\(name)"), "version": "001", "displayName": .string(name),
                "description": "A model served by the brain fake provider.", "inputTokenLimit": 1_048_576,
                "outputTokenLimit": 65_536,
                "supportedGenerationMethods": ["generateContent", "countTokens"],
                "temperature": 1, "topP": 0.95, "topK": 64, "maxTemperature": 2, "thinking": true,
            ]
        }
        return json(["models": .array(models)])
    }

    static func error(status: Int, message: String, canonical: String, details: [JSONValue] = [], headers: [HTTPField] = []) -> ScriptedResponse {
        var inner: JSONObject = ["code": .int(status), "message": .string(message), "status": .string(canonical)]
        if !details.isEmpty { inner["details"] = .array(details) }
        var response = json(["error": .object(inner)], status: status)
        response.headers += headers
        return response
    }

    static let invalidKey = error(
        status: 400, message: "API key not valid. Please pass a valid API key.", canonical: "INVALID_ARGUMENT",
        details: [
            [
                "@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                "domain": "googleapis.com", "metadata": ["service": "generativelanguage.googleapis.com"],
            ]
        ])

    static func rateLimited(model: String, retryAfter: Int) -> ScriptedResponse {
        error(
            status: 429,
            message: "You exceeded your current quota, please check your plan and billing details.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10, model: \(model)\nPlease retry in \(retryAfter)s.",
            canonical: "RESOURCE_EXHAUSTED",
            details: [
                [
                    "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                    "violations": [
                        [
                            "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                            "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                            "quotaDimensions": ["location": "global", "model": .string(model)], "quotaValue": "10",
                        ]
                    ],
                ],
                ["@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": .string("\(retryAfter)s")],
            ],
            headers: [HTTPField("Retry-After", String(retryAfter))])
    }

    static let serverError = error(
        status: 500, message: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
        canonical: "INTERNAL")

    private static func json(_ value: JSONValue, status: Int = 200) -> ScriptedResponse {
        ScriptedResponse(
            status: status, headers: [HTTPField("Content-Type", "application/json; charset=UTF-8")],
            body: Array(value.serialized(pretty: true).utf8))
    }
}
