import Testing

@testable import BrainProviders

/// The per-server differences chosen from the base URL and name (providers.md §2.1–§2.3).
@Suite struct AdapterFlavorTests {
    @Test(arguments: [
        ("openrouter", ProviderKind.openai, "https://openrouter.ai/api/v1", ProviderFlavor.openRouter),
        ("groq", .openai, "https://api.groq.com/openai/v1", .groq),
        ("xai", .openai, "https://api.x.ai/v1", .xai),
        ("openai", .openai, "https://api.openai.com/v1", .openAI),
        ("gemini-compat", .openai, "https://generativelanguage.googleapis.com/v1beta/openai", .geminiCompat),
        ("gemini", .gemini, "https://generativelanguage.googleapis.com/v1beta", .geminiNative),
        ("local", .openai, "http://localhost:11434/v1", .ollama),
        ("my-ollama", .openai, "http://10.0.0.5:9000/v1", .ollama),
        ("local", .openai, "http://127.0.0.1:9931/v1", .llamaCpp),
        ("llama.cpp", .openai, "http://127.0.0.1:8080/v1", .llamaCpp),
        ("local", .openai, "http://localhost:8000/v1", .vllm),
        ("local", .openai, "http://127.0.0.1:1234/v1", .generic),
        ("fake", .openai, "not a url", .generic),
    ])
    func detection(name: String, kind: ProviderKind, baseURL: String, flavor: ProviderFlavor) {
        #expect(ProviderFlavor.detect(kind: kind, baseURL: baseURL, name: name) == flavor)
    }

    @Test func flags() {
        #expect(ProviderFlavor.openAI.acceptsDeveloperRole)
        #expect(ProviderFlavor.allCases.filter(\.acceptsDeveloperRole) == [.openAI])
        #expect(ProviderFlavor.ollama.maxTokensField == .maxTokens)
        #expect(ProviderFlavor.llamaCpp.maxTokensField == .maxTokens)
        #expect(ProviderFlavor.groq.maxTokensField == .maxCompletionTokens)
        #expect(ProviderFlavor.xai.maxTokensField == .maxCompletionTokens)
        let groq = ProviderConfig(name: "groq", kind: .openai, baseURL: "https://api.groq.com/openai/v1")
        #expect(!groq.supportsJSONSchema && groq.supportsJSONObject)
        let forced = ProviderConfig(name: "x", kind: .openai, baseURL: "http://h/v1", flavor: .vllm)
        #expect(forced.flavor == .vllm && forced.supportsJSONSchema)
    }

    @Test func errorDescriptionsReadForPeople() {
        let error = ProviderError(kind: .rateLimit, provider: "groq", status: 429, retryAfter: 11.455, message: "slow  down\n now")
        #expect(error.description == "groq: rate limited (HTTP 429), retry after 11.5s: slow down now")
        let notFound = ProviderError(kind: .badRequest, provider: "ollama", status: 404, message: "x", modelNotFound: true)
        #expect(notFound.description == "ollama: request or answer rejected (HTTP 404), model not found: x")
        #expect(ProviderError.Kind.badRequest.rawValue == "validation_error")
    }
}
