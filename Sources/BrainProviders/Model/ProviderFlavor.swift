import Foundation

/// Which server behind a dialect: decides the small differences of providers.md §2.1–§2.3.
public enum ProviderFlavor: String, Sendable, Equatable, Hashable, CaseIterable {
    case openAI = "openai"
    case openRouter = "openrouter"
    case groq
    case xai
    case geminiCompat = "gemini-compat"
    case geminiNative = "gemini"
    case ollama
    case llamaCpp = "llama.cpp"
    case vllm
    /// An OpenAI-compatible server that is none of the above.
    case generic

    /// The flavor implied by a provider's kind, base URL and name.
    ///
    /// Hosts decide first (`openrouter.ai`, `api.groq.com`, …); local servers are told apart
    /// by name (`ollama`, `llama.cpp`, `vllm`) or by their default port (11434, 9931, 8000).
    public static func detect(kind: ProviderKind, baseURL: String, name: String) -> ProviderFlavor {
        if kind == .gemini { return .geminiNative }
        let components = URLComponents(string: baseURL)
        let host = components?.host?.lowercased() ?? ""
        let port = components?.port
        let lowerName = name.lowercased()
        func hostIs(_ domain: String) -> Bool { host == domain || host.hasSuffix("." + domain) }
        if hostIs("openrouter.ai") { return .openRouter }
        if hostIs("groq.com") { return .groq }
        if hostIs("x.ai") { return .xai }
        if hostIs("openai.com") { return .openAI }
        if hostIs("googleapis.com") { return .geminiCompat }
        let byName: [(String, ProviderFlavor)] = [
            ("openrouter", .openRouter), ("groq", .groq), ("xai", .xai), ("gemini", .geminiCompat),
            ("ollama", .ollama), ("llama.cpp", .llamaCpp), ("llamacpp", .llamaCpp), ("llama-cpp", .llamaCpp),
            ("vllm", .vllm), ("openai", .openAI),
        ]
        if let match = byName.first(where: { lowerName.contains($0.0) }) { return match.1 }
        switch port {
        case 11434: return .ollama
        case 9931: return .llamaCpp
        case 8000: return .vllm
        default: return .generic
        }
    }

    /// Whether a `developer` message may be sent as such; otherwise it goes as `system` (§2.1 practical rule).
    public var acceptsDeveloperRole: Bool { self == .openAI }

    /// The request field that bounds output length (§2.2).
    public var maxTokensField: MaxTokensField {
        switch self {
        case .openAI, .groq, .xai, .vllm: return .maxCompletionTokens
        case .openRouter, .geminiCompat, .ollama, .llamaCpp, .generic, .geminiNative: return .maxTokens
        }
    }

    /// The strongest JSON output mode the server honours (§2.3 and the provider sections).
    public var structuredOutput: StructuredOutputSupport {
        switch self {
        // Groq accepts json_schema only on a few models; json_object works on all of them.
        case .groq: return .jsonObject
        default: return .jsonSchema
        }
    }
}

/// The name of the output-length field in an OpenAI-compatible request.
public enum MaxTokensField: String, Sendable, Equatable, Hashable {
    case maxTokens = "max_tokens"
    case maxCompletionTokens = "max_completion_tokens"
}

/// How much of `response_format` a server honours.
public enum StructuredOutputSupport: Sendable, Equatable, Hashable {
    /// `{"type":"json_schema",...}` and `{"type":"json_object"}`.
    case jsonSchema
    /// Only `{"type":"json_object"}`.
    case jsonObject
    /// Neither: JSON is asked for in the prompt only.
    case none
}
