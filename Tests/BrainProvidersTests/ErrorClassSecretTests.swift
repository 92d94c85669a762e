import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// No error text ever contains the API key, even when the provider echoes it back.
@Suite struct ErrorClassSecretTests {
    struct Key: Sendable, CustomTestStringConvertible {
        var secret: String
        var config: ProviderConfig
        var testDescription: String { config.name }
    }

    static let keys: [Key] = [
        Key(secret: "sk-or-v1-SECRET0123456789abcdef0123456789abcdef0123456789abcdef",
            config: ProviderConfig(name: "openrouter", kind: .openai, baseURL: "https://openrouter.ai/api/v1")),
        Key(secret: "AIzaSyD-SECRET_abcdefghijklmnopqrstuvw",
            config: ProviderConfig(name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta")),
        Key(secret: "AIzaSyC-SECRET_compat0123456789abcdefg",
            config: ProviderConfig(name: "gemini-compat", kind: .openai, baseURL: "https://generativelanguage.googleapis.com/v1beta/openai")),
        Key(secret: "gsk_SECRET0123456789abcdefghijklmnopqrstuvwxyzABCD",
            config: ProviderConfig(name: "groq", kind: .openai, baseURL: "https://api.groq.com/openai/v1")),
        Key(secret: "xai-SECRET0123456789abcdefghijklmnopqrstuvwxyz",
            config: ProviderConfig(name: "xai", kind: .openai, baseURL: "https://api.x.ai/v1")),
        // Not shaped like any known key: only the known-secret scrubbing can catch it.
        Key(secret: "local-SECRET-7f3a9c2e41",
            config: ProviderConfig(name: "llama.cpp", kind: .openai, baseURL: "http://127.0.0.1:8080/v1")),
    ]

    /// Responses that echo `{KEY}` in every place a provider could put it.
    static let echoes: [(status: Int, body: String)] = {
        var list: [(Int, String)] = [
            (401, #"{"error":{"message":"Incorrect API key provided: {KEY}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#),
            (400, #"{"code":"Client specified an invalid argument","error":"Incorrect API key provided: {KEY}. You can obtain an API key from https://console.x.ai."}"#),
            (400, #"{"error":{"code":400,"message":"API key not valid: {KEY}","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","metadata":{"key":"{KEY}"}}]}}"#),
            (403, #"[{"error":{"code":403,"message":"Permission denied: Consumer 'api_key:{KEY}' has been suspended.","status":"PERMISSION_DENIED"}}]"#),
            (402, #"{"error":{"code":402,"message":"Key {KEY} has insufficient credits","metadata":{"error_type":"payment_required"}}}"#),
            (429, #"{"error":{"message":"Provider returned error","code":429,"metadata":{"raw":"upstream rejected key={KEY}","provider_name":"Venice"}}}"#),
            (429, #"{"error":{"message":"Rate limit for {KEY}. Please try again in 2s.","type":"requests","code":"rate_limit_exceeded"}}"#),
            (500, #"{"error":"{KEY}"}"#),
            (200, #"{"id":"gen-1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":""},"finish_reason":"error","error":{"code":401,"message":"bad key {KEY}"}}]}"#),
            (200, #"{"id":"c","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"I will not repeat {KEY}"},"finish_reason":"stop"}]}"#),
            (200, "not json {KEY}"),
            (502, "<html><body>upstream failed for Authorization: Bearer {KEY}</body></html>"),
        ]
        // The key straddling every cut point: 200 (malformed snippet), 300 (non-JSON snippet), 500 (message cap).
        for cut in [185, 195, 199, 200, 285, 290, 299, 300, 480, 490, 499] {
            let padding = String(repeating: "x", count: cut) + " "
            list.append((200, padding + "{KEY} tail"))
            list.append((502, padding + "{KEY} tail"))
            list.append((400, #"{"error":{"message":""# + padding + #"{KEY} tail","type":"invalid_request_error"}}"#))
        }
        return list
    }()

    static func assertNoSecret(_ error: ProviderError, _ secret: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let texts = [error.description, error.message, "\(error)", String(reflecting: error), error.provider]
        let secretChars = Array(secret)
        for text in texts {
            #expect(!text.contains(secret), "secret in: \(text)", sourceLocation: sourceLocation)
            // No 10-character piece of the secret either (a half-cut key is still a leak).
            for start in 0...(secretChars.count - 10) {
                let piece = String(secretChars[start..<(start + 10)])
                if text.contains(piece) {
                    Issue.record("secret piece \(piece) in: \(text)", sourceLocation: sourceLocation)
                    break
                }
            }
        }
    }

    @Test(arguments: keys)
    func echoedKeyNeverAppears(key: Key) throws {
        let adapter = ProviderAdapters.make(for: key.config, clock: ManualClock())
        let request = CompletionRequest(messages: [ChatMessage(role: .user, content: "x")], model: "m")
        for echo in Self.echoes {
            let body = echo.body.replacingAll("{KEY}", with: key.secret)
            let response = HTTPResponse(status: echo.status, body: Data(body.utf8))
            switch adapter.parse(response, for: request, apiKey: key.secret) {
            case .failure(let error): Self.assertNoSecret(error, key.secret)
            case .success(let completion): Issue.record("unexpected success: \(completion) for \(echo.body)")
            }
            if case .failure(let error) = adapter.parseHealthProbe(response, apiKey: key.secret) {
                Self.assertNoSecret(error, key.secret)
            }
        }
    }

    @Test(arguments: keys)
    func transportMessagesAreScrubbed(key: Key) {
        let adapter = ProviderAdapters.make(for: key.config)
        let failures: [HTTPError] = [
            .network(code: 6, message: "Could not resolve host: \(key.secret).example"),
            .invalidRequest("bad URL https://x/?key=\(key.secret)"),
        ]
        for failure in failures {
            Self.assertNoSecret(adapter.classify(transport: failure, apiKey: key.secret), key.secret)
        }
    }

    @Test func providerNameAndMessageAreScrubbedAtConstruction() {
        let secret = "sk-or-v1-SECRET0123456789abcdef0123456789abcdef0123456789abcdef"
        let error = ProviderError(kind: .auth, provider: "p", status: 401, message: "key " + secret, secrets: [secret])
        #expect(error.message == "key sk-…cdef")
        #expect(error.description == "p: authentication failed (HTTP 401): key sk-…cdef")
    }
}
