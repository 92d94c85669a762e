import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// Token-free probes (providers.md §1): OpenRouter `/key`, xAI `/api-key`, everyone else `/models`.
@Suite struct AdapterHealthProbeTests {
    func adapter(_ name: String, _ kind: ProviderKind, _ baseURL: String) -> any ProviderAdapter {
        ProviderAdapters.make(for: ProviderConfig(name: name, kind: kind, baseURL: baseURL), clock: ManualClock())
    }

    func ok(_ body: String) -> HTTPResponse { HTTPResponse(status: 200, body: Data(body.utf8)) }

    @Test(arguments: [
        ("openrouter", ProviderKind.openai, "https://openrouter.ai/api/v1", "https://openrouter.ai/api/v1/key", "authorization"),
        ("xai", .openai, "https://api.x.ai/v1", "https://api.x.ai/v1/api-key", "authorization"),
        ("groq", .openai, "https://api.groq.com/openai/v1", "https://api.groq.com/openai/v1/models", "authorization"),
        ("gemini", .gemini, "https://generativelanguage.googleapis.com/v1beta",
         "https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000", "x-goog-api-key"),
    ])
    func probeTargets(name: String, kind: ProviderKind, baseURL: String, url: String, authHeader: String) {
        let probe = adapter(name, kind, baseURL).makeHealthProbe(apiKey: "KEY")
        #expect(probe.method == "GET")
        #expect(probe.url == url)
        #expect(probe.body == nil)
        #expect(probe.headers[authHeader]?.hasSuffix("KEY") == true)
    }

    @Test func openRouterKeyEndpoint() throws {
        let openRouter = adapter("openrouter", .openai, "https://openrouter.ai/api/v1")
        let healthy = try openRouter.parseHealthProbe(
            ok(#"{"data":{"label":"sk-or-v1-abc…xyz","limit":10.0,"limit_remaining":7.25,"limit_reset":"monthly","usage":2.75,"is_free_tier":false}}"#),
            apiKey: "k"
        ).get()
        #expect(healthy.note == "key limit remaining 7.25")
        let uncapped = try openRouter.parseHealthProbe(ok(#"{"data":{"limit":null,"limit_remaining":null}}"#), apiKey: "k").get()
        #expect(uncapped.note == "key has no credit limit")
        guard case .failure(let spent) = openRouter.parseHealthProbe(ok(#"{"data":{"limit":10,"limit_remaining":0}}"#), apiKey: "k") else {
            Issue.record("a spent key must fail the probe")
            return
        }
        #expect(spent.kind == .quotaExhausted)
    }

    @Test func xaiKeyEndpoint() throws {
        let xai = adapter("xai", .openai, "https://api.x.ai/v1")
        let body = #"{"redacted_api_key":"xai-…","user_id":"u","name":"k","api_key_id":"id","team_blocked":false,"api_key_blocked":false,"api_key_disabled":false}"#
        #expect(try xai.parseHealthProbe(ok(body), apiKey: "k").get().note == "key active")
        let blocked = body.replacingAll(#""api_key_blocked":false"#, with: #""api_key_blocked":true"#)
        guard case .failure(let error) = xai.parseHealthProbe(ok(blocked), apiKey: "k") else {
            Issue.record("a blocked key must fail the probe")
            return
        }
        #expect(error.kind == .auth)
        #expect(error.message == "key is blocked")
    }

    @Test func modelLists() throws {
        let groq = adapter("groq", .openai, "https://api.groq.com/openai/v1")
        let listed = try groq.parseHealthProbe(
            ok(#"{"object":"list","data":[{"id":"llama-3.3-70b-versatile","object":"model","created":1733447754,"owned_by":"Meta"}]}"#),
            apiKey: "k"
        ).get()
        #expect(listed.models == ["llama-3.3-70b-versatile"])
        let gemini = adapter("gemini", .gemini, "https://generativelanguage.googleapis.com/v1beta")
        let models = try gemini.parseHealthProbe(
            ok(#"{"models": [{"name": "models/gemini-2.5-flash", "version": "001"}, {"name": "models/gemini-2.5-pro"}], "nextPageToken": "t"}"#),
            apiKey: "k"
        ).get()
        #expect(models.models == ["gemini-2.5-flash", "gemini-2.5-pro"])
    }

    /// A bad key on the probe is classified like any call: Gemini's 400 `API_KEY_INVALID` is auth.
    @Test func badKeyOnProbe() {
        let gemini = adapter("gemini", .gemini, "https://generativelanguage.googleapis.com/v1beta")
        let response = HTTPResponse(
            status: 400,
            body: Data(#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"#.utf8))
        guard case .failure(let error) = gemini.parseHealthProbe(response, apiKey: "k") else {
            Issue.record("expected failure")
            return
        }
        #expect(error.kind == .auth)
        guard case .failure(let malformed) = gemini.parseHealthProbe(ok(#"{"data":[]}"#), apiKey: "k") else {
            Issue.record("expected failure")
            return
        }
        #expect(malformed.kind == .malformedResponse)
    }
}
