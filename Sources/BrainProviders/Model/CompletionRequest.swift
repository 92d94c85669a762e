import BrainCore

/// One chat completion to ask of a provider, independent of its dialect.
public struct CompletionRequest: Sendable, Equatable {
    public var messages: [ChatMessage]
    public var model: String
    public var temperature: Double?
    public var maxTokens: Int?
    /// At most 4 are sent (the limit of OpenAI, OpenRouter and Groq).
    public var stop: [String]
    public var seed: Int?
    /// JSON Schema the answer must follow; sent as `json_schema` (or Gemini `responseSchema`) where supported.
    public var outputSchema: JSONValue?
    /// Name of the schema for `json_schema.name` (sanitised to `[A-Za-z0-9_-]`, at most 64 characters).
    public var schemaName: String
    /// Ask for JSON output without a schema (`json_object`, Gemini `application/json`).
    public var jsonMode: Bool

    public init(
        messages: [ChatMessage], model: String, temperature: Double? = nil, maxTokens: Int? = nil,
        stop: [String] = [], seed: Int? = nil, outputSchema: JSONValue? = nil, schemaName: String = "output",
        jsonMode: Bool = false
    ) {
        self.messages = messages
        self.model = model
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.stop = stop
        self.seed = seed
        self.outputSchema = outputSchema
        self.schemaName = schemaName
        self.jsonMode = jsonMode
    }

    /// Whether the answer must be JSON (a schema or JSON mode): a cut answer is then unusable.
    public var expectsJSON: Bool { outputSchema != nil || jsonMode }
}
