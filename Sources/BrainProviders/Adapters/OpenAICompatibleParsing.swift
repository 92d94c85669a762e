import BrainCore

extension OpenAICompatibleAdapter {
    /// Reads a chat completion; a 2xx is not trusted blindly (providers.md §13): OpenRouter's
    /// leading whitespace is skipped, in-body errors, refusals and cut answers become errors.
    public func parse(_ response: HTTPResponse, for request: CompletionRequest, apiKey: String)
        -> Result<Completion, ProviderError>
    {
        let now = clock.now()
        guard (200..<300).contains(response.status) else {
            return .failure(classifier(apiKey: apiKey).classify(
                status: response.status, headers: response.headers, body: response.bodyText, now: now))
        }
        let document: JSONValue
        switch parseJSON(response, apiKey: apiKey) {
        case .success(let value): document = value
        case .failure(let failure): return .failure(failure)
        }
        if document["error"]?.isNull == false {
            return .failure(inBodyError(ErrorBody.from(document), response: response, apiKey: apiKey, now: now))
        }
        guard let choice = document["choices"]?[0] else {
            return .failure(error(.malformedResponse, status: response.status, "response has no choices", apiKey: apiKey))
        }
        if let choiceError = choice["error"], choiceError.objectValue != nil {
            let body = ErrorBody.from(["error": choiceError])
            return .failure(inBodyError(body, response: response, apiKey: apiKey, now: now))
        }
        let text = OpenAICompatibleAdapter.content(choice["message"]?["content"])
        let finish = choice["finish_reason"]?.stringValue.map(FinishReason.init(openAI:)) ?? .stop
        let status = response.status
        switch finish {
        case .error:
            return .failure(error(.providerError, status: status, "the upstream failed while answering (finish_reason error)", apiKey: apiKey))
        case .contentFilter:
            return .failure(error(.badRequest, status: status, "answer withheld by the provider's content filter", apiKey: apiKey))
        case .length where text.isEmpty || request.expectsJSON:
            return .failure(error(.badRequest, status: status, "answer cut at the output-token limit (finish_reason length)", apiKey: apiKey))
        default: break
        }
        if text.isEmpty, let refusal = choice["message"]?["refusal"]?.stringValue, !refusal.isEmpty {
            return .failure(error(.badRequest, status: status, "the model refused: " + refusal, apiKey: apiKey))
        }
        return .success(Completion(
            text: text, finishReason: finish, model: document["model"]?.stringValue ?? request.model,
            usage: OpenAICompatibleAdapter.usage(document["usage"]),
            requestId: document["x_groq"]?["id"]?.stringValue ?? document["id"]?.stringValue
                ?? response.headers["x-request-id"] ?? response.headers["x-generation-id"],
            cost: OpenAICompatibleAdapter.cost(document["usage"])))
    }

    /// `content` as a string, or the text parts of a content array joined.
    static func content(_ value: JSONValue?) -> String {
        if let text = value?.stringValue { return text }
        return (value?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined()
    }

    static func usage(_ value: JSONValue?) -> TokenUsage {
        let prompt = max(0, value?["prompt_tokens"]?.intValue ?? 0)
        let completion = max(0, value?["completion_tokens"]?.intValue ?? 0)
        let total = value?["total_tokens"]?.intValue ?? (prompt + completion)
        return TokenUsage(promptTokens: prompt, completionTokens: completion, totalTokens: max(0, total))
    }

    /// OpenRouter `usage.cost` (USD), else xAI `usage.cost_in_usd_ticks` (10^10 ticks per USD).
    static func cost(_ value: JSONValue?) -> Double? {
        if let cost = value?["cost"]?.doubleValue, cost.isFinite { return cost }
        if let ticks = value?["cost_in_usd_ticks"]?.doubleValue, ticks.isFinite { return ticks / 10_000_000_000 }
        return nil
    }

    /// Models for `/models`; for OpenRouter `/key` the remaining credit, for xAI `/api-key` the block flags.
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
        switch config.flavor {
        case .openRouter where document["data"]?.objectValue != nil:
            let data = document["data"] ?? .null
            guard let remaining = data["limit_remaining"]?.doubleValue else { return .success(ProviderHealth(note: "key has no credit limit")) }
            if remaining <= 0 {
                return .failure(error(.quotaExhausted, status: response.status, "the key's credit limit is spent", apiKey: apiKey))
            }
            return .success(ProviderHealth(note: "key limit remaining \(remaining)"))
        case .xai where document["api_key_id"] != nil || document["team_blocked"] != nil:
            let flags = [("team_blocked", "team is blocked"), ("api_key_blocked", "key is blocked"), ("api_key_disabled", "key is disabled")]
            if let (_, reason) = flags.first(where: { document[$0.0]?.boolValue == true }) {
                return .failure(error(.auth, status: response.status, reason, apiKey: apiKey))
            }
            return .success(ProviderHealth(note: "key active"))
        default:
            guard let list = document["data"]?.arrayValue else {
                return .failure(error(.malformedResponse, status: response.status, "model list has no data array", apiKey: apiKey))
            }
            return .success(ProviderHealth(models: list.prefix(10_000).compactMap { $0["id"]?.stringValue }))
        }
    }
}
