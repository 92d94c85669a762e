import BrainCore

/// Per-job choices, stored as JSON in `jobs.options` and part of the idempotency key.
public struct JobOptions: Sendable, Equatable {
    /// Use only this provider.
    public var provider: String?
    public var model: String?
    public var maxTokens: Int?
    public var temperature: Double?
    /// Bypass the response cache.
    public var noCache: Bool = false

    public init(provider: String? = nil, model: String? = nil, maxTokens: Int? = nil, temperature: Double? = nil, noCache: Bool = false) {
        self.provider = provider
        self.model = model
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.noCache = noCache
    }

    public var json: JSONValue {
        var o = JSONObject()
        if let provider { o["provider"] = .string(provider) }
        if let model { o["model"] = .string(model) }
        if let maxTokens { o["max_tokens"] = .int(maxTokens) }
        if let temperature { o["temperature"] = .number(temperature) }
        if noCache { o["no_cache"] = .bool(true) }
        return .object(o)
    }

    public init(json: JSONValue) {
        provider = json["provider"]?.stringValue
        model = json["model"]?.stringValue
        maxTokens = json["max_tokens"]?.intValue
        temperature = json["temperature"]?.doubleValue
        noCache = json["no_cache"]?.boolValue ?? false
    }
}
