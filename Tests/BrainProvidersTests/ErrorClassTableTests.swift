import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// One signal of providers.md §16 (and the §12 decision rules): a response and the class it must get.
struct ErrorRow: Sendable, CustomTestStringConvertible {
    var name: String
    var flavor: ProviderFlavor
    var status: Int
    var headers: HTTPHeaders = HTTPHeaders()
    var body: String
    var kind: ProviderError.Kind
    var retryAfter: Double? = nil
    var modelNotFound: Bool = false

    var testDescription: String { name }

    /// 2026-01-01T00:00:00Z, the clock every row is read at.
    static let now: Double = 1_767_225_600

    func parse() -> Result<Completion, ProviderError> {
        let clock = ManualClock(ErrorRow.now)
        let request = CompletionRequest(messages: [ChatMessage(role: .user, content: "x")], model: "m", jsonMode: true)
        let response = HTTPResponse(status: status, headers: headers, body: Data(body.utf8))
        if flavor == .geminiNative {
            let config = ProviderConfig(name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta")
            return GeminiAdapter(config: config, clock: clock).parse(response, for: request, apiKey: "k")
        }
        let config = ProviderConfig(name: flavor.rawValue, kind: .openai, baseURL: "http://127.0.0.1:1/v1", flavor: flavor)
        return OpenAICompatibleAdapter(config: config, clock: clock).parse(response, for: request, apiKey: "k")
    }
}

@Suite struct ErrorClassTableTests {
    static let rows: [ErrorRow] = [
        // 400 family
        ErrorRow(name: "400 invalid_request_error", flavor: .openAI, status: 400,
                 body: #"{"error":{"message":"Unrecognized request argument supplied: foo","type":"invalid_request_error","param":null,"code":null}}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 context_length_exceeded", flavor: .openAI, status: 400,
                 body: #"{"error":{"message":"This model's maximum context length is 128000 tokens.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 llama.cpp exceed_context_size_error", flavor: .llamaCpp, status: 400,
                 body: #"{"error": {"code": 400, "message": "the request exceeds the available context size, try increasing it", "type": "exceed_context_size_error", "n_prompt_tokens": 9120, "n_ctx": 8192}}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 xAI maximum prompt length", flavor: .xai, status: 400,
                 body: #"{"code":"Client specified an invalid argument","error":"This model's maximum prompt length is 131072 but the request contains 136973 tokens."}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 Gemini too many tokens", flavor: .geminiNative, status: 400,
                 body: #"{"error":{"code":400,"message":"The input token count exceeds the maximum number of tokens allowed 1048576.","status":"INVALID_ARGUMENT"}}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 Groq json_validate_failed", flavor: .groq, status: 400,
                 body: #"{"error":{"message":"Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.","type":"invalid_request_error","code":"json_validate_failed","failed_generation":"…"}}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 xAI incorrect API key", flavor: .xai, status: 400,
                 body: #"{"code":"Client specified an invalid argument","error":"Incorrect API key provided: na***ys. You can obtain an API key from https://console.x.ai."}"#,
                 kind: .auth),
        ErrorRow(name: "400 Gemini API_KEY_INVALID", flavor: .geminiNative, status: 400,
                 body: #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}},{"@type":"type.googleapis.com/google.rpc.LocalizedMessage","locale":"en-US","message":"API key not valid. Please pass a valid API key."}]}}"#,
                 kind: .auth),
        ErrorRow(name: "400 Gemini FAILED_PRECONDITION location", flavor: .geminiNative, status: 400,
                 body: #"{"error":{"code":400,"message":"User location is not supported for the API use.","status":"FAILED_PRECONDITION"}}"#,
                 kind: .auth),
        ErrorRow(name: "400 Gemini INVALID_ARGUMENT other", flavor: .geminiNative, status: 400,
                 body: #"{"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \"foo\": Cannot find field.","status":"INVALID_ARGUMENT"}}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 OpenRouter relays Google FAILED_PRECONDITION (key is fine)", flavor: .openRouter, status: 400,
                 body: #"{"error":{"message":"Provider returned error","code":400,"metadata":{"raw":"{\n  \"error\": {\n    \"code\": 400,\n    \"message\": \"User location is not supported for the API use.\",\n    \"status\": \"FAILED_PRECONDITION\"\n  }\n}\n","provider_name":"Google AI Studio"}},"user_id":"user_…"}"#,
                 kind: .badRequest),
        ErrorRow(name: "400 OpenRouter unknown model", flavor: .openRouter, status: 400,
                 body: #"{"error":{"code":400,"message":"x/y is not a valid model ID","availability":{"code":"model_not_found","retryable":false}}}"#,
                 kind: .badRequest, modelNotFound: true),
        ErrorRow(name: "400 vLLM older flat error", flavor: .vllm, status: 400,
                 body: #"{"object":"error","message":"This model's maximum context length is 32768 tokens.","type":"BadRequestError","param":null,"code":400}"#,
                 kind: .badRequest),
        // 401
        ErrorRow(name: "401 OpenAI invalid_api_key", flavor: .openAI, status: 401,
                 body: #"{"error":{"message":"Incorrect API key provided: sk-…. …","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
                 kind: .auth),
        ErrorRow(name: "401 vLLM Unauthorized", flavor: .vllm, status: 401, body: #"{"error":"Unauthorized"}"#, kind: .auth),
        ErrorRow(name: "401 OpenRouter missing header", flavor: .openRouter, status: 401,
                 body: #"{"error":{"code":401,"message":"Missing Authentication header"}}"#, kind: .auth),
        // 402
        ErrorRow(name: "402 OpenRouter credits", flavor: .openRouter, status: 402,
                 body: #"{"error":{"code":402,"message":"Insufficient credits …","metadata":{"error_type":"payment_required"}}}"#,
                 kind: .quotaExhausted),
        ErrorRow(name: "402 OpenRouter with Retry-After", flavor: .openRouter, status: 402, headers: ["Retry-After": "5"],
                 body: #"{"error":{"code":402,"message":"Request exceeds in-flight budget","metadata":{"limit_source":"openrouter_in_flight_budget"}}}"#,
                 kind: .rateLimit, retryAfter: 5),
        ErrorRow(name: "402 OpenRouter in-flight budget", flavor: .openRouter, status: 402,
                 body: #"{"error":{"code":402,"message":"Request exceeds in-flight budget","metadata":{"limit_source":"openrouter_in_flight_budget"}}}"#,
                 kind: .rateLimit),
        // 403
        ErrorRow(name: "403 Gemini no key", flavor: .geminiNative, status: 403,
                 body: #"{"error":{"code":403,"message":"Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.","status":"PERMISSION_DENIED"}}"#,
                 kind: .auth),
        ErrorRow(name: "403 Gemini CONSUMER_SUSPENDED", flavor: .geminiNative, status: 403,
                 body: #"{"error":{"code":403,"message":"Permission denied: Consumer 'api_key:…' has been suspended.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"CONSUMER_SUSPENDED","domain":"googleapis.com"}]}}"#,
                 kind: .auth),
        ErrorRow(name: "403 Gemini leaked key", flavor: .geminiNative, status: 403,
                 body: #"{"error":{"code":403,"message":"Your API key was reported as leaked. Please use another API key.","status":"PERMISSION_DENIED"}}"#,
                 kind: .auth),
        ErrorRow(name: "403 xAI team blocked", flavor: .xai, status: 403,
                 body: #"{"code":"The caller does not have permission to execute the specified operation","error":"Team is blocked."}"#,
                 kind: .auth),
        ErrorRow(name: "403 OpenAI unsupported country", flavor: .openAI, status: 403,
                 body: #"{"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported","param":null,"type":"request_forbidden"}}"#,
                 kind: .auth),
        ErrorRow(name: "403 OpenRouter moderation flag", flavor: .openRouter, status: 403,
                 body: #"{"error":{"code":403,"message":"Your input was flagged","metadata":{"reasons":["violence"],"flagged_input":"…","provider_name":"OpenAI","model_slug":"openai/gpt-4o"}}}"#,
                 kind: .badRequest),
        ErrorRow(name: "403 OpenRouter region_restricted", flavor: .openRouter, status: 403,
                 body: #"{"error":{"code":403,"message":"This model is not available in your region","availability":{"code":"region_restricted","retryable":false}}}"#,
                 kind: .badRequest),
        // 404
        ErrorRow(name: "404 OpenRouter no_endpoints", flavor: .openRouter, status: 404,
                 body: #"{"error":{"code":404,"message":"No endpoints found for x/y.","availability":{"code":"no_endpoints","retryable":false}}}"#,
                 kind: .badRequest, modelNotFound: true),
        ErrorRow(name: "404 Gemini NOT_FOUND", flavor: .geminiNative, status: 404,
                 body: #"{"error":{"code":404,"message":"models/x is not found for API version v1beta, or is not supported for generateContent.","status":"NOT_FOUND"}}"#,
                 kind: .badRequest, modelNotFound: true),
        ErrorRow(name: "404 Ollama model not pulled", flavor: .ollama, status: 404,
                 body: #"{"error":{"message":"model \"llama9\" not found, try pulling it first","type":"not_found_error","param":null,"code":null}}"#,
                 kind: .badRequest, modelNotFound: true),
        // 405, 408, 409, 413, 415, 422, 424
        ErrorRow(name: "405 wrong method", flavor: .xai, status: 405, body: "", kind: .badRequest),
        ErrorRow(name: "415 missing content type", flavor: .xai, status: 415, body: "", kind: .badRequest),
        ErrorRow(name: "408 request timeout", flavor: .openRouter, status: 408,
                 body: #"{"error":{"code":408,"message":"Request timed out"}}"#, kind: .timeout),
        ErrorRow(name: "409 conflict", flavor: .openAI, status: 409, body: #"{"error":{"message":"conflict"}}"#, kind: .providerError),
        ErrorRow(name: "413 Groq request too large", flavor: .groq, status: 413,
                 body: #"{"error":{"message":"Request too large for model `llama` in organization `org_1` on tokens per minute (TPM): Limit 6000, Requested 14810, please reduce your message size","type":"tokens","code":"rate_limit_exceeded"}}"#,
                 kind: .badRequest),
        ErrorRow(name: "422 unprocessable", flavor: .groq, status: 422,
                 body: #"{"error":{"message":"unprocessable","type":"invalid_request_error"}}"#, kind: .badRequest),
        ErrorRow(name: "424 failed dependency", flavor: .groq, status: 424,
                 body: #"{"error":{"message":"failed dependency","type":"invalid_request_error"}}"#, kind: .badRequest),
        // 429 rate limits
        ErrorRow(name: "429 OpenAI TPM with try-again text", flavor: .openAI, status: 429,
                 body: #"{"error":{"message":"Rate limit reached for gpt-4o in organization org-… on tokens per min (TPM): Limit 30000, Used 25000, Requested 9000. Please try again in 18.642s. Visit …","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#,
                 kind: .rateLimit, retryAfter: 18.642),
        ErrorRow(name: "429 Groq TPM with retry-after header", flavor: .groq, status: 429,
                 headers: ["retry-after": "12", "x-ratelimit-reset-tokens": "7.66s", "x-ratelimit-reset-requests": "2m59.56s"],
                 body: #"{"error":{"message":"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_…` service tier `on_demand` on tokens per minute (TPM): Limit 12000, Used 4437, Requested 9854. Please try again in 11.455s. Need more tokens? Upgrade to Dev Tier …","type":"tokens","code":"rate_limit_exceeded"}}"#,
                 kind: .rateLimit, retryAfter: 12),
        ErrorRow(name: "429 Groq reset-tokens header only", flavor: .groq, status: 429,
                 headers: ["x-ratelimit-reset-tokens": "7.66s", "x-ratelimit-reset-requests": "2m59.56s"],
                 body: #"{"error":{"message":"Rate limit reached on tokens per minute (TPM)","type":"tokens","code":"rate_limit_exceeded"}}"#,
                 kind: .rateLimit, retryAfter: 7.66),
        ErrorRow(name: "429 retry-after-ms wins", flavor: .openAI, status: 429, headers: ["retry-after-ms": "1500", "retry-after": "9"],
                 body: #"{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}"#,
                 kind: .rateLimit, retryAfter: 1.5),
        ErrorRow(name: "429 Retry-After as HTTP-date", flavor: .openRouter, status: 429,
                 headers: ["Retry-After": "Thu, 01 Jan 2026 00:01:00 GMT"],
                 body: #"{"error":{"code":429,"message":"Rate limit exceeded"}}"#, kind: .rateLimit, retryAfter: 60),
        ErrorRow(name: "429 Gemini PerMinute with RetryInfo", flavor: .geminiNative, status: 429,
                 body: #"{"error":{"code":429,"message":"You exceeded your current quota. Please retry in 42.87350591s.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier","quotaValue":"10"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"42s"}]}}"#,
                 kind: .rateLimit, retryAfter: 42),
        ErrorRow(name: "429 Gemini PerMinute without delay", flavor: .geminiNative, status: 429,
                 body: #"{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RATE_LIMIT_EXCEEDED","metadata":{"quota_limit":"GenerateContentRequestsPerMinutePerProjectPerRegion"}}]}}"#,
                 kind: .rateLimit, retryAfter: 60),
        ErrorRow(name: "429 Gemini compat, array-wrapped, no details", flavor: .geminiCompat, status: 429,
                 body: #"[{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}]"#,
                 kind: .rateLimit),
        ErrorRow(name: "429 OpenRouter free-models-per-min until X-RateLimit-Reset", flavor: .openRouter, status: 429,
                 headers: ["X-RateLimit-Limit": "20", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1767225660000"],
                 body: #"{"error":{"message":"Rate limit exceeded: free-models-per-min. Add 10 credits to unlock more.","code":429}}"#,
                 kind: .rateLimit, retryAfter: 60),
        ErrorRow(name: "429 OpenRouter upstream (Venice)", flavor: .openRouter, status: 429,
                 body: #"{"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"meta-llama/llama-3.3-70b-instruct:free is temporarily rate-limited upstream. Please retry shortly, or add your own key to accumulate your rate limits: https://openrouter.ai/settings/integrations","provider_name":"Venice","is_byok":false,"retry_after_seconds":17,"retry_after_seconds_raw":16.007,"headers":{"Retry-After":"17"}}},"user_id":"user_…"}"#,
                 kind: .rateLimit, retryAfter: 17),
        ErrorRow(name: "429 OpenRouter capacity_exhausted", flavor: .openRouter, status: 429,
                 body: #"{"error":{"code":429,"message":"All providers are at capacity","availability":{"code":"capacity_exhausted","retryable":true,"retry_after":30}}}"#,
                 kind: .rateLimit, retryAfter: 30),
        ErrorRow(name: "429 xAI too many tokens", flavor: .xai, status: 429,
                 body: #"{"code":"Some resource has been exhausted","error":"Too many tokens for team abc. Tokens per Minute (actual/limit): 65605/16000"}"#,
                 kind: .rateLimit),
        ErrorRow(name: "429 local server behind a proxy", flavor: .ollama, status: 429, body: "Too Many Requests", kind: .rateLimit),
        // 429 quota and validation
        ErrorRow(name: "429 OpenAI insufficient_quota", flavor: .openAI, status: 429,
                 body: #"{"error":{"message":"You exceeded your current quota, …","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#,
                 kind: .quotaExhausted),
        ErrorRow(name: "429 OpenAI request too large", flavor: .openAI, status: 429,
                 body: #"{"error":{"message":"Request too large for gpt-4o in organization org-… on tokens per min (TPM): Limit 30000, Requested 31538. The input or output tokens must be reduced in order to run successfully. …","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#,
                 kind: .badRequest),
        ErrorRow(name: "429 Groq per-day tokens", flavor: .groq, status: 429, headers: ["retry-after": "578"],
                 body: #"{"error":{"message":"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_…` service tier `on_demand` on tokens per day (TPD): Limit 100000, Used 97050, Requested 3619. Please try again in 9m38.016s. Need more tokens?","type":"tokens","code":"rate_limit_exceeded"}}"#,
                 kind: .quotaExhausted, retryAfter: 578.016),
        ErrorRow(name: "429 Groq per-day requests uses reset-requests", flavor: .groq, status: 429,
                 headers: ["x-ratelimit-reset-requests": "1h2m", "x-ratelimit-reset-tokens": "7.66s"],
                 body: #"{"error":{"message":"Rate limit reached for model `m` on requests per day (RPD): Limit 1000, Used 1000, Requested 1.","type":"requests","code":"rate_limit_exceeded"}}"#,
                 kind: .quotaExhausted, retryAfter: 3720),
        ErrorRow(name: "429 OpenRouter free-models-per-day", flavor: .openRouter, status: 429,
                 headers: ["X-RateLimit-Limit": "50", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "1767229200000"],
                 body: #"{"error":{"message":"Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day","code":429,"metadata":{"headers":{"X-RateLimit-Limit":"50","X-RateLimit-Remaining":"0","X-RateLimit-Reset":"1767229200000"}}}}"#,
                 kind: .quotaExhausted, retryAfter: 3600),
        ErrorRow(name: "429 OpenRouter free-models-per-day, reset only in body", flavor: .openRouter, status: 429,
                 body: #"{"error":{"message":"Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day","code":429,"metadata":{"headers":{"X-RateLimit-Limit":"50","X-RateLimit-Remaining":"0","X-RateLimit-Reset":"1767232800000"}}}}"#,
                 kind: .quotaExhausted, retryAfter: 7200),
        ErrorRow(name: "429 OpenRouter free-models-per-day, unreadable reset", flavor: .openRouter, status: 429,
                 body: #"{"error":{"message":"Rate limit exceeded: free-models-per-day.","code":429,"metadata":{"headers":{"X-RateLimit-Reset":"…"}}}}"#,
                 kind: .quotaExhausted, retryAfter: 86_400),
        ErrorRow(name: "429 Gemini PerDay quotaId", flavor: .geminiNative, status: 429,
                 body: #"{"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. …\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 20, model: gemini-2.5-flash\nPlease retry in 42.87350591s.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.Help","links":[{"description":"Learn more about Gemini API quotas","url":"https://ai.google.dev/gemini-api/docs/rate-limits"}]},{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests","quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier","quotaDimensions":{"location":"global","model":"gemini-2.5-flash"},"quotaValue":"20"}]},{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"42s"}]}}"#,
                 kind: .quotaExhausted),
        ErrorRow(name: "429 Gemini retryDelay over 300 s", flavor: .geminiNative, status: 429,
                 body: #"{"error":{"code":429,"message":"Quota exceeded.","status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3600s"}]}}"#,
                 kind: .quotaExhausted, retryAfter: 3600),
        ErrorRow(name: "429 Gemini limit: 0", flavor: .geminiNative, status: 429,
                 body: #"{"error":{"code":429,"message":"Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_input_token_count, limit: 0, model: gemini-2.5-pro","status":"RESOURCE_EXHAUSTED"}}"#,
                 kind: .quotaExhausted),
        ErrorRow(name: "429 xAI credits", flavor: .xai, status: 429,
                 body: #"{"code":"Some resource has been exhausted","error":"Your team abc has either used all available credits or reached its monthly spending limit. To continue making API requests, please purchase more credits or raise your spending limit."}"#,
                 kind: .quotaExhausted),
        // 49x, 5xx
        ErrorRow(name: "498 Groq flex capacity", flavor: .groq, status: 498,
                 body: #"{"error":{"message":"Capacity exceeded for flex tier","type":"capacity_exceeded"}}"#, kind: .providerError),
        ErrorRow(name: "500 Gemini INTERNAL", flavor: .geminiNative, status: 500,
                 body: #"{"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}}"#, kind: .providerError),
        ErrorRow(name: "500 OpenRouter server", flavor: .openRouter, status: 500,
                 body: #"{"error":{"code":500,"message":"Internal Server Error","metadata":{"error_type":"server"}}}"#, kind: .providerError),
        ErrorRow(name: "500 carrying a Google 429", flavor: .geminiNative, status: 500,
                 body: #"{"error":{"code":429,"message":"Resource has been exhausted","status":"RESOURCE_EXHAUSTED"}}"#, kind: .rateLimit),
        ErrorRow(name: "501 llama.cpp not_supported_error", flavor: .llamaCpp, status: 501,
                 body: #"{"error":{"code":501,"message":"This server does not support tools.","type":"not_supported_error"}}"#, kind: .badRequest),
        ErrorRow(name: "502 OpenRouter provider_unavailable", flavor: .openRouter, status: 502,
                 body: #"{"error":{"code":502,"message":"Provider returned error","metadata":{"error_type":"provider_unavailable"}}}"#, kind: .providerError),
        ErrorRow(name: "503 Gemini overloaded", flavor: .geminiNative, status: 503,
                 body: #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#, kind: .providerError),
        ErrorRow(name: "503 llama.cpp loading model with Retry-After", flavor: .llamaCpp, status: 503, headers: ["Retry-After": "30"],
                 body: #"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#, kind: .providerError, retryAfter: 30),
        ErrorRow(name: "504 Gemini DEADLINE_EXCEEDED", flavor: .geminiNative, status: 504,
                 body: #"{"error":{"code":504,"message":"Deadline expired before operation could complete.","status":"DEADLINE_EXCEEDED"}}"#, kind: .timeout),
        ErrorRow(name: "524 OpenRouter edge timeout", flavor: .openRouter, status: 524, body: "error code: 524", kind: .timeout),
        ErrorRow(name: "529 OpenRouter overloaded", flavor: .openRouter, status: 529,
                 body: #"{"error":{"code":529,"message":"Provider overloaded"}}"#, kind: .providerError),
        // HTTP 200 that is not a success
        ErrorRow(name: "200 OpenRouter choices[].error 429", flavor: .openRouter, status: 200,
                 body: #"{"id":"gen-1","object":"chat.completion","created":1760000000,"model":"openai/gpt-4o","provider":"OpenAI","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"error","error":{"code":429,"message":"Rate limit exceeded upstream","metadata":{"provider_name":"OpenAI"}}}]}"#,
                 kind: .rateLimit),
        ErrorRow(name: "200 OpenRouter choices[].error 502", flavor: .openRouter, status: 200,
                 body: #"{"id":"gen-1","object":"chat.completion","created":1760000000,"model":"openai/gpt-4o","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"error","error":{"code":502,"message":"Provider disconnected unexpectedly","metadata":{"error_type":"provider_unavailable"}}}]}"#,
                 kind: .providerError),
        ErrorRow(name: "200 top-level error with string code", flavor: .openRouter, status: 200,
                 body: #"{"id":"gen-1","error":{"code":"server_error","message":"Provider disconnected"},"choices":[]}"#,
                 kind: .providerError),
        ErrorRow(name: "200 finish_reason error without detail", flavor: .openRouter, status: 200,
                 body: #"{"id":"gen-1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"{\"a\":"},"finish_reason":"error"}]}"#,
                 kind: .providerError),
        ErrorRow(name: "200 OpenRouter keep-alive whitespace then an error", flavor: .openRouter, status: 200,
                 body: "\n\n   \n" + #"{"error":{"code":429,"message":"Rate limit exceeded: free-models-per-min."}}"#,
                 kind: .rateLimit),
        ErrorRow(name: "200 Gemini blocked prompt", flavor: .geminiNative, status: 200,
                 body: #"{"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[]},"usageMetadata":{"promptTokenCount":12,"totalTokenCount":12},"modelVersion":"gemini-2.5-flash"}"#,
                 kind: .badRequest),
        ErrorRow(name: "200 Gemini SAFETY finish", flavor: .geminiNative, status: 200,
                 body: #"{"candidates":[{"finishReason":"SAFETY","index":0}],"modelVersion":"gemini-2.5-flash"}"#, kind: .badRequest),
        ErrorRow(name: "200 OpenAI content_filter", flavor: .openAI, status: 200,
                 body: #"{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"content_filter"}]}"#,
                 kind: .badRequest),
        ErrorRow(name: "200 OpenAI refusal", flavor: .openAI, status: 200,
                 body: #"{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},"finish_reason":"stop"}]}"#,
                 kind: .badRequest),
        ErrorRow(name: "200 length with truncated JSON", flavor: .groq, status: 200,
                 body: #"{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"{\"skills\":[\"Pyth"},"finish_reason":"length"}]}"#,
                 kind: .badRequest),
        ErrorRow(name: "200 Gemini MAX_TOKENS without parts", flavor: .geminiNative, status: 200,
                 body: #"{"candidates":[{"content":{"role":"model"},"finishReason":"MAX_TOKENS","index":0}],"usageMetadata":{"promptTokenCount":10,"totalTokenCount":110,"thoughtsTokenCount":100},"modelVersion":"gemini-2.5-flash"}"#,
                 kind: .badRequest),
        ErrorRow(name: "200 body that is not JSON", flavor: .openAI, status: 200, body: "<html>oops</html>", kind: .malformedResponse),
        ErrorRow(name: "200 without choices", flavor: .openAI, status: 200, body: #"{"id":"c","choices":[]}"#, kind: .malformedResponse),
        // Bodies that are not JSON
        ErrorRow(name: "502 HTML page from a proxy", flavor: .groq, status: 502,
                 body: "<html><body><h1>502 Bad Gateway</h1></body></html>", kind: .providerError),
        ErrorRow(name: "400 HTML page", flavor: .groq, status: 400, body: "<html>Bad Request</html>", kind: .badRequest),
        ErrorRow(name: "401 HTML page", flavor: .groq, status: 401, body: "<html>Unauthorized</html>", kind: .auth),
        ErrorRow(name: "403 HTML page", flavor: .openRouter, status: 403, body: "<html>Forbidden</html>", kind: .auth),
    ]

    @Test(arguments: rows)
    func classifies(row: ErrorRow) {
        guard case .failure(let error) = row.parse() else {
            Issue.record("expected a failure for \(row.name)")
            return
        }
        #expect(error.kind == row.kind)
        #expect(error.status != nil)
        #expect(error.modelNotFound == row.modelNotFound)
        if let expected = row.retryAfter {
            let got = error.retryAfter ?? -1
            #expect(abs(got - expected) < 0.001, "retryAfter \(got), expected \(expected)")
        } else {
            #expect(error.retryAfter == nil)
        }
    }

    /// The first rows of §16: failures with no HTTP status.
    @Test(arguments: [
        (HTTPError.network(code: 5, message: "Could not resolve proxy"), ProviderError.Kind.network),
        (.network(code: 6, message: "Could not resolve host: api.groq.com"), .network),
        (.network(code: 7, message: "Failed to connect"), .network),
        (.network(code: 35, message: "SSL connect error"), .network),
        (.network(code: 52, message: "Empty reply from server"), .network),
        (.network(code: 55, message: "Send failure"), .network),
        (.network(code: 56, message: "Recv failure: Connection reset by peer"), .network),
        (.network(code: 60, message: "SSL peer certificate was not OK"), .network),
        (.network(code: 18, message: "transfer closed with outstanding read data remaining"), .network),
        (.network(code: 28, message: "Operation timed out"), .timeout),
        (.timeout(seconds: 30), .timeout),
        (.bodyTooLarge(limit: 8 << 20), .malformedResponse),
        (.cancelled, .cancelled),
        (.invalidRequest("bad URL"), .badRequest),
    ])
    func transportFailures(error: HTTPError, kind: ProviderError.Kind) {
        let config = ProviderConfig(name: "groq", kind: .openai, baseURL: "https://api.groq.com/openai/v1")
        let mapped = OpenAICompatibleAdapter(config: config).classify(transport: error, apiKey: "gsk_x")
        #expect(mapped.kind == kind)
        #expect(mapped.status == nil)
        #expect(mapped.provider == "groq")
    }
}
