import BrainCore
import BrainStore

/// A provider as stored in the `providers` table.
public struct ProviderRecord: Sendable, Equatable {
    public var id: Int
    public var name: String
    /// `openai` (any OpenAI-compatible server) or `gemini` (native API).
    public var kind: String
    public var baseURL: String
    public var priority: Int
    public var enabled: Bool
    public var models: [String]
    public var dailyLimit: Int?
    public var timeoutMilliseconds: Int
    public var breakerFailureThreshold: Int
    public var breakerRecoverySeconds: Double
    public var breakerSuccessThreshold: Int
    public var extraHeaders: [String: String]
    /// False for local servers that take no key (Ollama, llama.cpp).
    public var keyRequired: Bool

    public init(
        id: Int = 0, name: String, kind: String, baseURL: String, priority: Int = 100, enabled: Bool = true,
        models: [String] = [], dailyLimit: Int? = 1000, timeoutMilliseconds: Int = 120_000,
        breakerFailureThreshold: Int = 5, breakerRecoverySeconds: Double = 60, breakerSuccessThreshold: Int = 3,
        extraHeaders: [String: String] = [:], keyRequired: Bool = true
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.baseURL = baseURL
        self.priority = priority
        self.enabled = enabled
        self.models = models
        self.dailyLimit = dailyLimit
        self.timeoutMilliseconds = timeoutMilliseconds
        self.breakerFailureThreshold = breakerFailureThreshold
        self.breakerRecoverySeconds = breakerRecoverySeconds
        self.breakerSuccessThreshold = breakerSuccessThreshold
        self.extraHeaders = extraHeaders
        self.keyRequired = keyRequired
    }

    init(row: Row) {
        let models = (try? JSONValue.parse(row.string("models") ?? "[]"))?.arrayValue?.compactMap(\.stringValue) ?? []
        var headers: [String: String] = [:]
        if let object = (try? JSONValue.parse(row.string("extra_headers") ?? "{}"))?.objectValue {
            for (k, v) in object { if let s = v.stringValue { headers[k] = s } }
        }
        self.init(
            id: row.int("id") ?? 0, name: row.string("name") ?? "", kind: row.string("kind") ?? "openai",
            baseURL: row.string("base_url") ?? "", priority: row.int("priority") ?? 100,
            enabled: row.bool("enabled") ?? false, models: models, dailyLimit: row.int("daily_limit"),
            timeoutMilliseconds: row.int("timeout_ms") ?? 120_000,
            breakerFailureThreshold: row.int("breaker_failure_threshold") ?? 5,
            breakerRecoverySeconds: row.double("breaker_recovery_seconds") ?? 60,
            breakerSuccessThreshold: row.int("breaker_success_threshold") ?? 3,
            extraHeaders: headers, keyRequired: row.bool("key_required") ?? true)
    }

    var modelsJSON: String { JSONValue.array(models.map { .string($0) }).serialized() }
    var headersJSON: String {
        JSONValue.object(JSONObject(extraHeaders.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })).serialized()
    }
}
