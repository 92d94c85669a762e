import BrainCore
import Foundation

/// Google Gemini's native `generateContent` API (providers.md §7).
public struct GeminiAdapter: ProviderAdapter {
    public let config: ProviderConfig
    let clock: any WallClock

    public init(config: ProviderConfig, clock: any WallClock = SystemClock()) {
        self.config = config
        self.clock = clock
    }

    /// `POST {base}/models/{model}:generateContent` with the key in `x-goog-api-key`.
    ///
    /// System and developer messages become `systemInstruction`; `assistant` becomes `model`;
    /// consecutive turns of one role are merged into one content with several parts.
    public func authorize(_ request: HTTPRequest, apiKey: String) -> HTTPRequest {
        var authorized = request
        authorized.headers.fields.removeAll { $0.name.lowercased() == "x-goog-api-key" }
        authorized.headers.add("x-goog-api-key", apiKey)
        return authorized
    }

    public func makeRequest(_ request: CompletionRequest, apiKey: String) throws(ProviderError) -> HTTPRequest {
        var systemParts: [JSONValue] = []
        var contents: [(role: String, parts: [JSONValue])] = []
        for message in request.messages {
            let part: JSONValue = ["text": .string(message.content)]
            switch message.role {
            case .system, .developer: systemParts.append(part)
            case .user, .assistant:
                let role = message.role == .user ? "user" : "model"
                if let last = contents.last, last.role == role {
                    contents[contents.count - 1].parts.append(part)
                } else {
                    contents.append((role, [part]))
                }
            }
        }
        guard !contents.isEmpty else { throw error(.badRequest, status: nil, "no user message to send", apiKey: apiKey) }
        var body = JSONObject()
        if !systemParts.isEmpty { body["systemInstruction"] = ["parts": .array(systemParts)] }
        body["contents"] = .array(contents.map { ["role": .string($0.role), "parts": .array($0.parts)] })
        var generation = JSONObject()
        if let temperature = request.temperature {
            guard temperature.isFinite else { throw error(.badRequest, status: nil, "temperature is not a number", apiKey: apiKey) }
            generation["temperature"] = .number(temperature)
        }
        if let maxTokens = request.maxTokens { generation["maxOutputTokens"] = .int(maxTokens) }
        if !request.stop.isEmpty { generation["stopSequences"] = .array(request.stop.prefix(5).map(JSONValue.string)) }
        if let seed = request.seed { generation["seed"] = .int(seed) }
        if request.expectsJSON { generation["responseMimeType"] = "application/json" }
        let bytes: [UInt8]
        if let schema = request.outputSchema {
            // The converted schema is the bulk of the body and the same for a whole batch: it is
            // converted and serialised once, then spliced in at its members' places.
            let responseSchema: [UInt8]
            do {
                responseSchema = try GeminiAdapter.responseSchema(schema)
            } catch {
                throw self.error(.badRequest, status: nil, error.description, apiKey: apiKey)
            }
            generation["responseSchema"] = .null
            body["generationConfig"] = .null
            let generationBytes = RequestBodyBytes.serialize(generation, splicing: responseSchema, at: "responseSchema")
            bytes = RequestBodyBytes.serialize(body, splicing: generationBytes, at: "generationConfig")
        } else {
            if !generation.isEmpty { body["generationConfig"] = .object(generation) }
            bytes = JSONValue.object(body).serializedBytes()
        }
        let headers: HTTPHeaders = ["Content-Type": "application/json", "x-goog-api-key": apiKey]
        let path = "/models/" + GeminiAdapter.modelPath(request.model) + ":generateContent"
        return httpRequest(method: "POST", url: url(path), headers: headers, body: bytes)
    }

    /// The Gemini form of `schema` as bytes, converted and serialised once per schema.
    static func responseSchema(_ schema: JSONValue) throws(SchemaConversionError) -> [UInt8] {
        try SchemaFragmentCache.shared.fragment(for: schema, .geminiResponseSchema) { () throws(SchemaConversionError) in
            try GeminiSchemaConverter.convert(schema).serializedBytes()
        }
    }

    /// The bare model id (`models/` prefix removed), percent-encoded for a path segment.
    static func modelPath(_ model: String) -> String {
        let bare = model.hasPrefix("models/") ? String(model.dropFirst("models/".count)) : model
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return bare.addingPercentEncoding(withAllowedCharacters: allowed) ?? "invalid-model"
    }

    /// `GET {base}/models`: a bad key answers 400 or 403 without spending tokens (§7.7).
    public func makeHealthProbe(apiKey: String) -> HTTPRequest {
        httpRequest(method: "GET", url: url("/models?pageSize=1000"), headers: ["x-goog-api-key": apiKey], body: nil)
    }
}
