/// One configured provider as adapters need it: where it is and how to talk to it.
public struct ProviderConfig: Sendable, Equatable {
    /// The configured name (`openrouter`, `groq`, `local`, …); used in error texts.
    public var name: String
    public var kind: ProviderKind
    /// Base URL up to the version path, e.g. `https://openrouter.ai/api/v1`.
    public var baseURL: String
    /// Models in order of preference.
    public var models: [String]
    /// Seconds allowed for one whole call.
    public var timeout: Double
    /// Headers sent on every request, e.g. OpenRouter's `HTTP-Referer` and `X-OpenRouter-Title`.
    public var extraHeaders: HTTPHeaders
    /// The server behind the dialect; detected from the kind, base URL and name unless given.
    public var flavor: ProviderFlavor

    public init(
        name: String, kind: ProviderKind, baseURL: String, models: [String] = [], timeout: Double = 120,
        extraHeaders: HTTPHeaders = HTTPHeaders(), flavor: ProviderFlavor? = nil
    ) {
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.models = models
        self.timeout = timeout
        self.extraHeaders = extraHeaders
        self.flavor = flavor ?? ProviderFlavor.detect(kind: kind, baseURL: baseURL, name: name)
    }

    /// Whether `developer` messages may be sent as such (otherwise they are sent as `system`).
    public var acceptsDeveloperRole: Bool { flavor.acceptsDeveloperRole }
    /// The OpenAI-compatible output-length field this provider reads.
    public var maxTokensField: MaxTokensField { flavor.maxTokensField }
    /// Whether `response_format` `json_schema` is honoured.
    public var supportsJSONSchema: Bool { flavor.structuredOutput == .jsonSchema }
    /// Whether `response_format` `json_object` is honoured.
    public var supportsJSONObject: Bool { flavor.structuredOutput != .none }

    /// OpenRouter's optional app-attribution headers (providers.md §4.1).
    public static func openRouterAttribution(referer: String, title: String) -> HTTPHeaders {
        ["HTTP-Referer": referer, "X-OpenRouter-Title": title]
    }
}
