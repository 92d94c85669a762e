import BrainCore

/// The OpenAI Chat Completions dialect (OpenAI, OpenRouter, Groq, xAI, Gemini compat, Ollama,
/// llama.cpp, vLLM); per-server differences come from `config.flavor` (providers.md §2–§11).
public struct OpenAICompatibleAdapter: ProviderAdapter {
    public let config: ProviderConfig
    let clock: any WallClock

    public init(config: ProviderConfig, clock: any WallClock = SystemClock()) {
        self.config = config
        self.clock = clock
    }

    /// `POST {base}/chat/completions`, keys in a fixed order: model, messages, temperature,
    /// the output-length field, stop, seed, response_format, provider (OpenRouter).
    public func authorize(_ request: HTTPRequest, apiKey: String) -> HTTPRequest {
        guard !apiKey.isEmpty else { return request }
        var authorized = request
        authorized.headers.fields.removeAll { $0.name.lowercased() == "authorization" }
        authorized.headers.add("Authorization", "Bearer " + apiKey)
        return authorized
    }

    public func makeRequest(_ request: CompletionRequest, apiKey: String) throws(ProviderError) -> HTTPRequest {
        guard !request.messages.isEmpty else { throw error(.badRequest, status: nil, "no messages to send", apiKey: apiKey) }
        var body = JSONObject()
        body["model"] = .string(request.model)
        body["messages"] = .array(request.messages.map(message))
        if let temperature = request.temperature {
            guard temperature.isFinite else { throw error(.badRequest, status: nil, "temperature is not a number", apiKey: apiKey) }
            body["temperature"] = .number(temperature)
        }
        if let maxTokens = request.maxTokens { body[config.maxTokensField.rawValue] = .int(maxTokens) }
        if !request.stop.isEmpty { body["stop"] = .array(request.stop.prefix(4).map(JSONValue.string)) }
        if let seed = request.seed { body["seed"] = .int(seed) }
        var responseFormat: [UInt8]?
        if let schema = request.outputSchema, config.supportsJSONSchema {
            // The schema is the bulk of the body and the same for a whole batch: its serialised
            // `response_format` comes from the cache and is spliced in at this member's place.
            body["response_format"] = .null
            responseFormat = OpenAICompatibleAdapter.responseFormat(schema: schema, name: request.schemaName)
            // Without this OpenRouter may route to an upstream that ignores the schema (§4.2).
            if config.flavor == .openRouter { body["provider"] = ["require_parameters": true] }
        } else if request.expectsJSON, config.supportsJSONObject {
            body["response_format"] = ["type": "json_object"]
        }
        var headers: HTTPHeaders = ["Content-Type": "application/json"]
        if !apiKey.isEmpty { headers.add("Authorization", "Bearer " + apiKey) }
        let bytes = responseFormat.map { RequestBodyBytes.serialize(body, splicing: $0, at: "response_format") }
            ?? JSONValue.object(body).serializedBytes()
        return httpRequest(method: "POST", url: url("/chat/completions"), headers: headers, body: bytes)
    }

    /// `{"type":"json_schema","json_schema":{"name":…,"schema":…}}` as bytes, built once per schema and name.
    static func responseFormat(schema: JSONValue, name: String) -> [UInt8] {
        SchemaFragmentCache.shared.fragment(for: schema, .openAIResponseFormat(schemaName: name)) {
            let format: JSONObject = ["name": .string(OpenAICompatibleAdapter.schemaName(name)), "schema": schema]
            let value: JSONValue = ["type": "json_schema", "json_schema": .object(format)]
            return value.serializedBytes()
        }
    }

    private func message(_ message: ChatMessage) -> JSONValue {
        let role = message.role == .developer && !config.acceptsDeveloperRole ? ChatMessage.Role.system : message.role
        return ["role": .string(role.rawValue), "content": .string(message.content)]
    }

    /// `name` reduced to OpenAI's `[A-Za-z0-9_-]{1,64}`.
    static func schemaName(_ name: String) -> String {
        let kept = name.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
        let text = String(String.UnicodeScalarView(kept.prefix(64)))
        return text.isEmpty ? "output" : text
    }

    /// OpenRouter `GET /key`, xAI `GET /api-key`, everyone else `GET /models` (providers.md §1).
    public func makeHealthProbe(apiKey: String) -> HTTPRequest {
        let path: String
        switch config.flavor {
        case .openRouter: path = "/key"
        case .xai: path = "/api-key"
        default: path = "/models"
        }
        var headers = HTTPHeaders()
        if !apiKey.isEmpty { headers.add("Authorization", "Bearer " + apiKey) }
        return httpRequest(method: "GET", url: url(path), headers: headers, body: nil)
    }
}
