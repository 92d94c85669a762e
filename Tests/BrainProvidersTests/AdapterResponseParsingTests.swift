import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// Successful bodies from providers.md ([observed] where available) read into `Completion`.
@Suite struct AdapterResponseParsingTests {
    static let chat = CompletionRequest(messages: [ChatMessage(role: .user, content: "x")], model: "requested-model")
    static let structured = CompletionRequest(
        messages: [ChatMessage(role: .user, content: "x")], model: "requested-model", outputSchema: ["type": "object"])

    func openAI(_ name: String, _ baseURL: String) -> OpenAICompatibleAdapter {
        OpenAICompatibleAdapter(config: ProviderConfig(name: name, kind: .openai, baseURL: baseURL), clock: ManualClock())
    }

    func gemini() -> GeminiAdapter {
        GeminiAdapter(
            config: ProviderConfig(name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta"),
            clock: ManualClock())
    }

    func response(_ body: String, status: Int = 200, headers: HTTPHeaders = HTTPHeaders()) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
    }

    /// §4.3 [observed]: keep-alive whitespace before the JSON, at HTTP 200; §4.8 body with usage.cost.
    @Test func openRouterWithLeadingWhitespace() throws {
        let body = "\n         \n\n         \n" + #"""
            {
              "id": "gen-1760000000-AbCdEf",
              "provider": "DeepInfra",
              "model": "meta-llama/llama-3.3-70b-instruct",
              "object": "chat.completion",
              "created": 1760000000,
              "system_fingerprint": null,
              "choices": [{
                "index": 0,
                "logprobs": null,
                "finish_reason": "stop",
                "native_finish_reason": "stop",
                "message": {"role": "assistant", "content": "{\"title\":\"Senior Data Engineer\",\"location\":\"Lisbon\"}"}
              }],
              "usage": {"prompt_tokens": 48, "completion_tokens": 15, "total_tokens": 63,
                        "prompt_tokens_details": {"cached_tokens": 0},
                        "completion_tokens_details": {"reasoning_tokens": 0},
                        "cost": 0.0000123, "is_byok": false,
                        "cost_details": {"upstream_inference_cost": null, "upstream_inference_prompt_cost": 0.0000058, "upstream_inference_completions_cost": 0.0000065}}
            }
            """#
        let adapter = openAI("openrouter", "https://openrouter.ai/api/v1")
        let completion = try adapter.parse(response(body), for: Self.structured, apiKey: "k").get()
        #expect(completion.text == #"{"title":"Senior Data Engineer","location":"Lisbon"}"#)
        #expect(completion.model == "meta-llama/llama-3.3-70b-instruct")
        #expect(completion.finishReason == .stop)
        #expect(completion.usage == TokenUsage(promptTokens: 48, completionTokens: 15, totalTokens: 63))
        #expect(completion.requestId == "gen-1760000000-AbCdEf")
        #expect(completion.cost == 0.0000123)
    }

    /// §5.3 [observed] Groq body: request id from `x_groq.id`.
    @Test func groqObserved() throws {
        let body =
            #"{"id":"chatcmpl-c41f00a2-…","object":"chat.completion","created":1758884733,"model":"moonshotai/kimi-k2-instruct-0905","choices":[{"index":0,"message":{"role":"assistant","content":"Olá!"},"logprobs":null,"finish_reason":"stop"}],"usage":{"queue_time":0.036316922,"prompt_tokens":20,"prompt_time":0.017865963,"completion_tokens":4,"completion_time":0.02970344,"total_tokens":24,"total_time":0.047569403},"usage_breakdown":null,"system_fingerprint":"fp_6e6ff3688b","x_groq":{"id":"req_01k62v68w6f5btx1cmv31be5df"},"service_tier":"on_demand"}"#
        let completion = try openAI("groq", "https://api.groq.com/openai/v1").parse(response(body), for: Self.chat, apiKey: "k").get()
        #expect(completion.text == "Olá!")
        #expect(completion.model == "moonshotai/kimi-k2-instruct-0905")
        #expect(completion.usage == TokenUsage(promptTokens: 20, completionTokens: 4, totalTokens: 24))
        #expect(completion.requestId == "req_01k62v68w6f5btx1cmv31be5df")
        #expect(completion.cost == nil)
    }

    /// §6.3 [observed] xAI body: total includes reasoning tokens outside completion_tokens.
    @Test func xaiObserved() throws {
        let body =
            #"{"id":"81b779ac-c6c0-022d-5c70-62a6f899343f_us-east-1","object":"chat.completion","created":1761231377,"model":"grok-code-fast-1","choices":[{"index":0,"message":{"role":"assistant","content":"Oi! …","refusal":null},"finish_reason":"stop"}],"usage":{"prompt_tokens":213,"completion_tokens":23,"total_tokens":411,"prompt_tokens_details":{"text_tokens":213,"audio_tokens":0,"image_tokens":0,"cached_tokens":192},"completion_tokens_details":{"reasoning_tokens":175,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0},"num_sources_used":0},"system_fingerprint":"fp_10f00c862d"}"#
        let completion = try openAI("xai", "https://api.x.ai/v1").parse(response(body), for: Self.chat, apiKey: "k").get()
        #expect(completion.text == "Oi! …")
        #expect(completion.usage == TokenUsage(promptTokens: 213, completionTokens: 23, totalTokens: 411))
        #expect(completion.requestId == "81b779ac-c6c0-022d-5c70-62a6f899343f_us-east-1")
    }

    /// §6.3: `cost_in_usd_ticks`, 10^10 ticks per USD.
    @Test func xaiCostTicks() throws {
        let body =
            #"{"id":"x","model":"grok-3-mini","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2,"cost_in_usd_ticks":15000000}}"#
        let completion = try openAI("xai", "https://api.x.ai/v1").parse(response(body), for: Self.chat, apiKey: "k").get()
        #expect(completion.cost == 0.0015)
    }

    /// §9 Ollama and §10 llama.cpp constructed bodies; §2.4 content given as parts.
    @Test func localServers() throws {
        let ollama =
            #"{"id": "chatcmpl-123", "object": "chat.completion", "created": 1760000000, "model": "llama3.2:3b", "system_fingerprint": "fp_ollama", "choices": [{"index": 0, "message": {"role": "assistant", "content": "{\"name\": \"Ana Silva\", \"skills\": [\"Excel\", \"SQL\"]}"}, "finish_reason": "stop"}], "usage": {"prompt_tokens": 45, "completion_tokens": 17, "total_tokens": 62}}"#
        let fromOllama = try openAI("ollama", "http://localhost:11434/v1").parse(response(ollama), for: Self.structured, apiKey: "").get()
        #expect(fromOllama.text == #"{"name": "Ana Silva", "skills": ["Excel", "SQL"]}"#)
        #expect(fromOllama.usage.totalTokens == 62)
        let llama =
            #"{"id": "chatcmpl-3kF9", "object": "chat.completion", "created": 1760000000, "model": "local", "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": [{"type": "text", "text": "a"}, {"type": "text", "text": "b"}]}}], "usage": {"prompt_tokens": 41, "completion_tokens": 16}, "timings": {"prompt_n": 41}}"#
        let fromLlama = try openAI("llama.cpp", "http://127.0.0.1:8080/v1").parse(response(llama), for: Self.chat, apiKey: "").get()
        #expect(fromLlama.text == "ab")
        #expect(fromLlama.usage == TokenUsage(promptTokens: 41, completionTokens: 16, totalTokens: 57))
    }

    /// Some servers send `"error": null` on success; that is not an error.
    @Test func nullErrorFieldIsASuccess() throws {
        let body = #"{"id":"c","model":"m","error":null,"choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop","error":null}]}"#
        let completion = try openAI("vllm", "http://localhost:8000/v1").parse(response(body), for: Self.chat, apiKey: "k").get()
        #expect(completion.text == "hi")
    }

    /// A chat answer cut by the limit is still an answer; a structured one is not (§16).
    @Test func lengthIsUsableOnlyForChat() throws {
        let body = #"{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"Once upon a"},"finish_reason":"length"}]}"#
        let adapter = openAI("groq", "https://api.groq.com/openai/v1")
        let chat = try adapter.parse(response(body), for: Self.chat, apiKey: "k").get()
        #expect(chat.finishReason == .length)
        #expect(chat.model == "m")
        guard case .failure(let error) = adapter.parse(response(body), for: Self.structured, apiKey: "k") else {
            Issue.record("a cut structured answer must fail")
            return
        }
        #expect(error.kind == .badRequest)
    }

    /// §7.3: thought parts skipped; completion tokens = candidates + thoughts ([observed] 11 + 2 + 29 = 42).
    @Test func geminiWithThoughts() throws {
        let body = #"""
            {
              "candidates": [
                {
                  "content": {
                    "parts": [
                      {"text": "Thinking about greetings", "thought": true},
                      {"text": "Olá"},
                      {"text": "!"}
                    ],
                    "role": "model"
                  },
                  "finishReason": "STOP",
                  "index": 0
                }
              ],
              "usageMetadata": {
                "promptTokenCount": 11,
                "candidatesTokenCount": 2,
                "totalTokenCount": 42,
                "promptTokensDetails": [{"modality": "TEXT", "tokenCount": 11}],
                "thoughtsTokenCount": 29
              },
              "modelVersion": "gemini-2.5-flash",
              "responseId": "mJ9aZ-abcdEFGH"
            }
            """#
        let completion = try gemini().parse(response(body), for: Self.chat, apiKey: "k").get()
        #expect(completion.text == "Olá!")
        #expect(completion.finishReason == .stop)
        #expect(completion.model == "gemini-2.5-flash")
        #expect(completion.usage == TokenUsage(promptTokens: 11, completionTokens: 31, totalTokens: 42))
        #expect(completion.requestId == "mJ9aZ-abcdEFGH")
    }

    /// §7.8 constructed structured answer; missing counts read as 0.
    @Test func geminiStructured() throws {
        let body =
            #"{"candidates": [{"content": {"role": "model", "parts": [{"text": "{\"name\": \"Jane Doe\", \"titles\": [\"Data Analyst\", \"Senior Analyst\"]}"}]}, "finishReason": "STOP", "index": 0}], "usageMetadata": {"promptTokenCount": 38, "totalTokenCount": 38}, "modelVersion": "gemini-2.5-flash", "responseId": "r"}"#
        let completion = try gemini().parse(response(body), for: Self.structured, apiKey: "k").get()
        #expect(try JSONValue.parse(completion.text)["name"] == "Jane Doe")
        #expect(completion.usage == TokenUsage(promptTokens: 38, completionTokens: 0, totalTokens: 38))
    }

    @Test func geminiFinishReasons() {
        #expect(GeminiAdapter.finishReason("STOP") == .stop)
        #expect(GeminiAdapter.finishReason("MAX_TOKENS") == .length)
        #expect(GeminiAdapter.finishReason("PROHIBITED_CONTENT") == .contentFilter)
        #expect(GeminiAdapter.finishReason("RECITATION") == .contentFilter)
        #expect(GeminiAdapter.finishReason("MALFORMED_FUNCTION_CALL") == .other("MALFORMED_FUNCTION_CALL"))
    }

    /// Hostile bodies never trap: deep nesting, wrong types, huge numbers.
    @Test(arguments: [
        String(repeating: "[", count: 5000),
        #"{"choices":[{"message":{"content":42},"finish_reason":7}],"usage":{"prompt_tokens":1e300,"total_tokens":-5}}"#,
        #"{"choices":"x"}"#, #"{"candidates":[{"content":{"parts":"x"}}]}"#, "", "null", #"{"error":5}"#,
    ])
    func hostileBodiesDoNotTrap(body: String) {
        for status in [200, 429, 500] {
            _ = openAI("openrouter", "https://openrouter.ai/api/v1").parse(response(body, status: status), for: Self.chat, apiKey: "k")
            _ = gemini().parse(response(body, status: status), for: Self.chat, apiKey: "k")
        }
    }
}
