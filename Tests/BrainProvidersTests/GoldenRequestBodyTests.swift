import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// Request bodies and headers compared byte for byte with bodies written by hand from providers.md.
@Suite struct GoldenRequestBodyTests {
    static let schema: JSONValue = [
        "type": "object",
        "properties": ["name": ["type": "string"], "email": ["type": "string", "format": "email"]],
        "required": ["name", "email"],
        "additionalProperties": false,
    ]

    static func request(model: String, schema: JSONValue? = GoldenRequestBodyTests.schema) -> CompletionRequest {
        CompletionRequest(
            messages: [
                ChatMessage(role: .system, content: "Extract the candidate's name and email. Answer in JSON."),
                ChatMessage(role: .developer, content: "Omit unknown fields."),
                ChatMessage(role: .user, content: "Jane Doe\njane@example.com"),
            ],
            model: model, temperature: 0, maxTokens: 300, stop: ["<END>"], seed: 7, outputSchema: schema,
            schemaName: "contact")
    }

    static let messagesAsSystem =
        #""messages":[{"role":"system","content":"Extract the candidate's name and email. Answer in JSON."},{"role":"system","content":"Omit unknown fields."},{"role":"user","content":"Jane Doe\njane@example.com"}]"#
    static let schemaText =
        #"{"type":"object","properties":{"name":{"type":"string"},"email":{"type":"string","format":"email"}},"required":["name","email"],"additionalProperties":false}"#

    func body(_ request: HTTPRequest) -> String { String(decoding: request.body ?? Data(), as: UTF8.self) }

    /// §4.2, §4.8: max_tokens, json_schema with `provider.require_parameters`, attribution headers.
    @Test func openRouter() throws {
        let config = ProviderConfig(
            name: "openrouter", kind: .openai, baseURL: "https://openrouter.ai/api/v1/", timeout: 60,
            extraHeaders: ProviderConfig.openRouterAttribution(referer: "https://example.org/brain", title: "brain"))
        let http = try OpenAICompatibleAdapter(config: config).makeRequest(
            Self.request(model: "meta-llama/llama-3.3-70b-instruct:free"), apiKey: "sk-or-v1-abc")
        #expect(http.method == "POST")
        #expect(http.url == "https://openrouter.ai/api/v1/chat/completions")
        #expect(http.headers.fields == [
            HTTPHeader("Content-Type", "application/json"), HTTPHeader("Authorization", "Bearer sk-or-v1-abc"),
            HTTPHeader("HTTP-Referer", "https://example.org/brain"), HTTPHeader("X-OpenRouter-Title", "brain"),
        ])
        #expect(http.totalTimeout == 60)
        let expected =
            #"{"model":"meta-llama/llama-3.3-70b-instruct:free","# + Self.messagesAsSystem
            + #","temperature":0,"max_tokens":300,"stop":["<END>"],"seed":7,"response_format":{"type":"json_schema","json_schema":{"name":"contact","schema":"#
            + Self.schemaText + #"}},"provider":{"require_parameters":true}}"#
        #expect(body(http) == expected)
    }

    /// §5.2, §5.8: max_completion_tokens; json_object (json_schema only on some Groq models); no developer role.
    @Test func groq() throws {
        let config = ProviderConfig(name: "groq", kind: .openai, baseURL: "https://api.groq.com/openai/v1")
        let http = try OpenAICompatibleAdapter(config: config).makeRequest(
            Self.request(model: "llama-3.3-70b-versatile"), apiKey: "gsk_abc")
        #expect(http.url == "https://api.groq.com/openai/v1/chat/completions")
        #expect(http.headers["authorization"] == "Bearer gsk_abc")
        let expected =
            #"{"model":"llama-3.3-70b-versatile","# + Self.messagesAsSystem
            + #","temperature":0,"max_completion_tokens":300,"stop":["<END>"],"seed":7,"response_format":{"type":"json_object"}}"#
        #expect(body(http) == expected)
    }

    /// §6.2, §6.8: max_completion_tokens and json_schema with the schema in `json_schema.schema`.
    @Test func xai() throws {
        let config = ProviderConfig(name: "xai", kind: .openai, baseURL: "https://api.x.ai/v1")
        let http = try OpenAICompatibleAdapter(config: config).makeRequest(Self.request(model: "grok-3-mini"), apiKey: "xai-abc")
        #expect(http.url == "https://api.x.ai/v1/chat/completions")
        #expect(http.headers.fields == [
            HTTPHeader("Content-Type", "application/json"), HTTPHeader("Authorization", "Bearer xai-abc"),
        ])
        let expected =
            #"{"model":"grok-3-mini","# + Self.messagesAsSystem
            + #","temperature":0,"max_completion_tokens":300,"stop":["<END>"],"seed":7,"response_format":{"type":"json_schema","json_schema":{"name":"contact","schema":"#
            + Self.schemaText + "}}}"
        #expect(body(http) == expected)
    }

    /// §9: Ollama reads only max_tokens; no key, no Authorization header.
    @Test func ollama() throws {
        let config = ProviderConfig(name: "local", kind: .openai, baseURL: "http://localhost:11434/v1")
        let http = try OpenAICompatibleAdapter(config: config).makeRequest(Self.request(model: "llama3.2:3b"), apiKey: "")
        #expect(http.url == "http://localhost:11434/v1/chat/completions")
        #expect(http.headers.fields == [HTTPHeader("Content-Type", "application/json")])
        let expected =
            #"{"model":"llama3.2:3b","# + Self.messagesAsSystem
            + #","temperature":0,"max_tokens":300,"stop":["<END>"],"seed":7,"response_format":{"type":"json_schema","json_schema":{"name":"contact","schema":"#
            + Self.schemaText + "}}}"
        #expect(body(http) == expected)
    }

    /// §3.2: OpenAI keeps the developer role.
    @Test func openAIKeepsDeveloperRole() throws {
        let config = ProviderConfig(name: "openai", kind: .openai, baseURL: "https://api.openai.com/v1")
        let http = try OpenAICompatibleAdapter(config: config).makeRequest(Self.request(model: "gpt-4o-mini"), apiKey: "sk-x")
        let sent = try JSONValue.parse(body(http))
        #expect(sent["messages"]?[1]?["role"] == "developer")
        #expect(sent["max_completion_tokens"] == 300)
    }

    /// §7.2, §7.8: systemInstruction, user/model contents, generationConfig, converted responseSchema, x-goog-api-key.
    @Test func gemini() throws {
        let config = ProviderConfig(
            name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta")
        var request = Self.request(model: "models/gemini-2.5-flash")
        request.messages += [
            ChatMessage(role: .assistant, content: "{}"), ChatMessage(role: .user, content: "Again."),
            ChatMessage(role: .user, content: "Please."),
        ]
        let http = try GeminiAdapter(config: config).makeRequest(request, apiKey: "AIzaTest")
        #expect(http.method == "POST")
        #expect(http.url == "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent")
        #expect(http.headers.fields == [
            HTTPHeader("Content-Type", "application/json"), HTTPHeader("x-goog-api-key", "AIzaTest"),
        ])
        #expect(http.headers["authorization"] == nil)
        let expected =
            #"{"systemInstruction":{"parts":[{"text":"Extract the candidate's name and email. Answer in JSON."},{"text":"Omit unknown fields."}]},"#
            + #""contents":[{"role":"user","parts":[{"text":"Jane Doe\njane@example.com"}]},{"role":"model","parts":[{"text":"{}"}]},{"role":"user","parts":[{"text":"Again."},{"text":"Please."}]}],"#
            + #""generationConfig":{"temperature":0,"maxOutputTokens":300,"stopSequences":["<END>"],"seed":7,"responseMimeType":"application/json","#
            + #""responseSchema":{"type":"OBJECT","properties":{"name":{"type":"STRING"},"email":{"type":"STRING"}},"required":["name","email"],"propertyOrdering":["name","email"]}}}"#
        #expect(body(http) == expected)
    }

    @Test func jsonModeWithoutSchemaAsksForJSONObject() throws {
        var request = Self.request(model: "m", schema: nil)
        request.jsonMode = true
        let openRouter = ProviderConfig(name: "openrouter", kind: .openai, baseURL: "https://openrouter.ai/api/v1")
        let sent = try JSONValue.parse(body(OpenAICompatibleAdapter(config: openRouter).makeRequest(request, apiKey: "k")))
        #expect(sent["response_format"] == ["type": "json_object"])
        #expect(sent["provider"] == nil)
        let gemini = ProviderConfig(name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta")
        let native = try JSONValue.parse(body(GeminiAdapter(config: gemini).makeRequest(request, apiKey: "k")))
        #expect(native["generationConfig"]?["responseMimeType"] == "application/json")
        #expect(native["generationConfig"]?["responseSchema"] == nil)
    }

    @Test func chatRequestHasNoResponseFormatAndAtMostFourStops() throws {
        let request = CompletionRequest(
            messages: [ChatMessage(role: .user, content: "hi")], model: "m", stop: ["a", "b", "c", "d", "e"])
        let config = ProviderConfig(name: "groq", kind: .openai, baseURL: "https://api.groq.com/openai/v1")
        let http = try OpenAICompatibleAdapter(config: config).makeRequest(request, apiKey: "k")
        #expect(body(http) == #"{"model":"m","messages":[{"role":"user","content":"hi"}],"stop":["a","b","c","d"]}"#)
    }

    @Test func emptyConversationIsRefused() {
        let config = ProviderConfig(name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta")
        let onlySystem = CompletionRequest(messages: [ChatMessage(role: .system, content: "x")], model: "gemini-2.5-flash")
        #expect(throws: ProviderError.self) { try GeminiAdapter(config: config).makeRequest(onlySystem, apiKey: "k") }
        let openAI = ProviderConfig(name: "openai", kind: .openai, baseURL: "https://api.openai.com/v1")
        let none = CompletionRequest(messages: [], model: "gpt-4o-mini")
        #expect(throws: ProviderError.self) { try OpenAICompatibleAdapter(config: openAI).makeRequest(none, apiKey: "k") }
    }

    @Test func schemaNameIsSanitised() {
        #expect(OpenAICompatibleAdapter.schemaName("resume parsing/v1!") == "resumeparsingv1")
        #expect(OpenAICompatibleAdapter.schemaName("…") == "output")
        #expect(OpenAICompatibleAdapter.schemaName(String(repeating: "a", count: 80)).count == 64)
    }
}
