import BrainCore

extension GeminiAdapter {
    /// Reads a `GenerateContentResponse` (§7.3): thought parts are skipped, missing counts are 0,
    /// a blocked prompt, a safety stop or an empty `MAX_TOKENS` answer is a validation error.
    public func parse(_ response: HTTPResponse, for request: CompletionRequest, apiKey: String)
        -> Result<Completion, ProviderError>
    {
        let now = clock.now()
        let status = response.status
        guard (200..<300).contains(status) else {
            return .failure(classifier(apiKey: apiKey).classify(
                status: status, headers: response.headers, body: response.bodyText, now: now))
        }
        let document: JSONValue
        switch parseJSON(response, apiKey: apiKey) {
        case .success(let value): document = value
        case .failure(let failure): return .failure(failure)
        }
        if document["error"]?.isNull == false {
            return .failure(inBodyError(ErrorBody.from(document), response: response, apiKey: apiKey, now: now))
        }
        guard let candidate = document["candidates"]?[0] else {
            if let reason = document["promptFeedback"]?["blockReason"]?.stringValue {
                return .failure(error(.badRequest, status: status, "prompt blocked by the provider (\(reason))", apiKey: apiKey))
            }
            return .failure(error(.malformedResponse, status: status, "response has no candidates", apiKey: apiKey))
        }
        let parts = candidate["content"]?["parts"]?.arrayValue ?? []
        let text = parts.filter { $0["thought"]?.boolValue != true }.compactMap { $0["text"]?.stringValue }.joined()
        let raw = candidate["finishReason"]?.stringValue
        let finish = GeminiAdapter.finishReason(raw)
        switch finish {
        case .stop, .toolCalls: break
        case .length where !text.isEmpty && !request.expectsJSON: break
        case .length:
            return .failure(error(.badRequest, status: status, "answer cut at the output-token limit (MAX_TOKENS; thinking counts too)", apiKey: apiKey))
        case .contentFilter:
            return .failure(error(.badRequest, status: status, "answer withheld by the provider (\(raw ?? "SAFETY"))", apiKey: apiKey))
        case .error, .other:
            return .failure(error(.badRequest, status: status, "unusable answer (finishReason \(raw ?? "missing"))", apiKey: apiKey))
        }
        let metadata = document["usageMetadata"]
        let prompt = max(0, metadata?["promptTokenCount"]?.intValue ?? 0)
        let completion = max(0, metadata?["candidatesTokenCount"]?.intValue ?? 0) + max(0, metadata?["thoughtsTokenCount"]?.intValue ?? 0)
        let total = max(0, metadata?["totalTokenCount"]?.intValue ?? (prompt + completion))
        return .success(Completion(
            text: text, finishReason: finish, model: document["modelVersion"]?.stringValue ?? request.model,
            usage: TokenUsage(promptTokens: prompt, completionTokens: completion, totalTokens: total),
            requestId: document["responseId"]?.stringValue ?? response.headers["x-request-id"]))
    }

    /// `STOP` → stop, `MAX_TOKENS` → length, the safety family → contentFilter; a missing value
    /// on a complete (non-streaming) answer is read as stop.
    static func finishReason(_ raw: String?) -> FinishReason {
        switch raw {
        case nil, "STOP"?: return .stop
        case "MAX_TOKENS"?: return .length
        case "SAFETY"?, "RECITATION"?, "BLOCKLIST"?, "PROHIBITED_CONTENT"?, "SPII"?, "IMAGE_SAFETY"?,
            "IMAGE_PROHIBITED_CONTENT"?, "IMAGE_RECITATION"?:
            return .contentFilter
        case let other?: return .other(other)
        }
    }

    /// Model ids from `GET /models` (`models/` prefix removed).
    public func parseHealthProbe(_ response: HTTPResponse, apiKey: String) -> Result<ProviderHealth, ProviderError> {
        guard (200..<300).contains(response.status) else {
            return .failure(classifier(apiKey: apiKey).classify(
                status: response.status, headers: response.headers, body: response.bodyText, now: clock.now()))
        }
        let document: JSONValue
        switch parseJSON(response, apiKey: apiKey) {
        case .success(let value): document = value
        case .failure(let failure): return .failure(failure)
        }
        guard let list = document["models"]?.arrayValue else {
            return .failure(error(.malformedResponse, status: response.status, "model list has no models array", apiKey: apiKey))
        }
        let names = list.prefix(10_000).compactMap { $0["name"]?.stringValue }
        return .success(ProviderHealth(models: names.map { $0.hasPrefix("models/") ? String($0.dropFirst(7)) : $0 }))
    }
}
