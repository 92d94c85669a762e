import BrainCore

/// The response-cache key: a hash of the normalised request (provider, model, messages, parameters).
///
/// The expensive part (messages, parameters and schema) is digested once per request with
/// `content(of:)`; each provider and model then costs one short hash.
public enum RequestHash {
    /// Requests of one template start with the same system prompt: its hash state is reused.
    static let contentHasher = SHA256PrefixCache()

    public static func of(provider: String, request: CompletionRequest) -> String {
        of(provider: provider, model: request.model, content: content(of: request))
    }

    public static func of(provider: String, model: String, content: String) -> String {
        SHA256.hex("\(provider)\n\(model)\n\(content)")
    }

    /// The digest of everything but the provider and model.
    public static func content(of request: CompletionRequest, schemaDigest: String? = nil) -> String {
        var object: JSONObject = [
            "messages": .array(request.messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] }),
        ]
        if let t = request.temperature { object["temperature"] = .number(t) }
        if let m = request.maxTokens { object["max_tokens"] = .int(m) }
        if !request.stop.isEmpty { object["stop"] = .array(request.stop.map { .string($0) }) }
        if let s = request.seed { object["seed"] = .int(s) }
        if let schemaDigest { object["schema_sha256"] = .string(schemaDigest) } else if let schema = request.outputSchema { object["schema"] = schema }
        if request.jsonMode { object["json"] = .bool(true) }
        // Key order is fixed by this function and by the schema's own document, so no sorting is needed.
        return contentHasher.hex(JSONValue.object(object).serialized())
    }
}
