import BrainCore
import BrainFake
import Foundation
import Testing

@testable import BrainProviders

/// The fake provider's default answers, called directly (no socket) unless the test is about timing.
@Suite struct FakeProviderDialectTests {
    private func post(_ path: String, _ body: String, key: String? = nil) -> ReceivedRequest {
        var headers = [HTTPField("Content-Type", "application/json")]
        if let key { headers.append(HTTPField("Authorization", "Bearer \(key)")) }
        return ReceivedRequest(method: "POST", target: path, headers: headers, body: Array(body.utf8))
    }

    private func json(_ response: ScriptedResponse) throws -> JSONValue {
        try JSONValue.parse(bytes: response.body)
    }

    /// Checks a document against a repository schema's top level: required keys present, no unknown keys.
    private func expectTopLevel(_ document: JSONValue, matches schemaFile: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let text = try String(contentsOf: root.appendingPathComponent("schemas/\(schemaFile)"), encoding: .utf8)
        let schema = try JSONValue.parse(text)
        let keys = try #require(document.objectValue?.keys)
        for required in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
            #expect(keys.contains(required), "missing \(required)")
        }
        let allowed = schema["properties"]?.objectValue?.keys ?? []
        #expect(keys.allSatisfy(allowed.contains))
    }

    @Test func openAIChatEchoesModelAndText() throws {
        let provider = FakeProvider()
        let response = provider.handle(post("/v1/chat/completions", #"{"model":"m-1","messages":[{"role":"system","content":"be brief"},{"role":"user","content":"hi there"}]}"#))
        #expect(response.status == 200)
        let body = try json(response)
        #expect(body["object"]?.stringValue == "chat.completion")
        #expect(body["id"]?.stringValue?.hasPrefix("chatcmpl-") == true)
        #expect(body["model"]?.stringValue == "m-1")
        #expect(body["choices"]?[0]?["finish_reason"]?.stringValue == "stop")
        #expect(body["choices"]?[0]?["message"]?["content"]?.stringValue?.hasSuffix("hi there") == true)
        let usage = try #require(body["usage"])
        #expect(usage["total_tokens"]?.intValue == (usage["prompt_tokens"]?.intValue ?? 0) + (usage["completion_tokens"]?.intValue ?? 0))
    }

    @Test func openAIJSONModeAnswersWithResume() throws {
        let provider = FakeProvider()
        let response = provider.handle(post("/v1/chat/completions", #"{"model":"m","messages":[{"role":"user","content":"Parse this CV: Jane Doe"}],"response_format":{"type":"json_object"}}"#))
        let content = try #require(try json(response)["choices"]?[0]?["message"]?["content"]?.stringValue)
        try expectTopLevel(try JSONValue.parse(content), matches: "resume.schema.json")
    }

    @Test(arguments: [
        #"{"messages":[{"role":"user","content":"x"}],"response_format":{"type":"json_schema","json_schema":{"name":"jd","schema":{}}}}"#,
        #"{"messages":[{"role":"system","content":"Extract the job description fields."},{"role":"user","content":"We hire"}]}"#,
        #"{"messages":[{"role":"system","content":"You parse a JD into JSON."},{"role":"user","content":"Senior engineer, resume to jobs@x"}],"response_format":{"type":"json_object"}}"#,
    ])
    func openAIJobDescriptionRequestsGetTheJD(body: String) throws {
        let response = FakeProvider().handle(post("/v1/chat/completions", body))
        let content = try #require(try json(response)["choices"]?[0]?["message"]?["content"]?.stringValue)
        try expectTopLevel(try JSONValue.parse(content), matches: "jd.schema.json")
    }

    @Test func instructionsOutweighUserText() throws {
        let body = #"{"messages":[{"role":"system","content":"You are an expert resume parser."},{"role":"user","content":"Skills: JD Edwards, SAP; read the job description carefully"}],"response_format":{"type":"json_object"}}"#
        let content = try #require(try json(FakeProvider().handle(post("/v1/chat/completions", body)))["choices"]?[0]?["message"]?["content"]?.stringValue)
        try expectTopLevel(try JSONValue.parse(content), matches: "resume.schema.json")
    }

    @Test func plainChatGetsText() throws {
        let body = #"{"messages":[{"role":"user","content":"What is the capital of France?"}]}"#
        let content = try #require(try json(FakeProvider().handle(post("/v1/chat/completions", body)))["choices"]?[0]?["message"]?["content"]?.stringValue)
        #expect((try? JSONValue.parse(content)) == nil)
    }

    @Test func resumeMentionWithoutJSONModeStillAnswersStructured() throws {
        let response = FakeProvider().handle(post("/v1/chat/completions", #"{"messages":[{"role":"system","content":"You extract resume data."},{"role":"user","content":"text"}]}"#))
        let content = try #require(try json(response)["choices"]?[0]?["message"]?["content"]?.stringValue)
        try expectTopLevel(try JSONValue.parse(content), matches: "resume.schema.json")
    }

    @Test func geminiGenerateContentShape() throws {
        let provider = FakeProvider()
        let request = ReceivedRequest(
            method: "POST", target: "/v1beta/models/gemini-2.5-flash:generateContent",
            headers: [HTTPField("x-goog-api-key", "AIza-k")],
            body: Array(#"{"systemInstruction":{"parts":[{"text":"Be kind."}]},"contents":[{"role":"user","parts":[{"text":"hello gemini"}]}]}"#.utf8))
        let response = provider.handle(request)
        #expect(response.status == 200)
        #expect(response.headers.value(of: "content-type") == "application/json; charset=UTF-8")
        let body = try json(response)
        let candidate = try #require(body["candidates"]?[0])
        #expect(candidate["finishReason"]?.stringValue == "STOP")
        #expect(candidate["content"]?["role"]?.stringValue == "model")
        #expect(candidate["content"]?["parts"]?[0]?["text"]?.stringValue?.hasSuffix("hello gemini") == true)
        let usage = try #require(body["usageMetadata"])
        #expect(usage["totalTokenCount"]?.intValue == (usage["promptTokenCount"]?.intValue ?? 0) + (usage["candidatesTokenCount"]?.intValue ?? 0))
        #expect(body["modelVersion"]?.stringValue == "gemini-2.5-flash")
        #expect(body["responseId"]?.stringValue?.isEmpty == false)
        #expect(provider.requests.first?.apiKey == "AIza-k")
    }

    @Test(arguments: [("Parse this resume.", "resume.schema.json"), ("Parse this job description.", "jd.schema.json")])
    func geminiStructuredAnswers(instruction: String, schema: String) throws {
        let body = #"{"systemInstruction":{"parts":[{"text":"\#(instruction)"}]},"contents":[{"role":"user","parts":[{"text":"doc"}]}],"generationConfig":{"responseMimeType":"application/json"}}"#
        let response = FakeProvider().handle(post("/v1beta/models/gemini-2.5-pro:generateContent", body))
        let text = try #require(try json(response)["candidates"]?[0]?["content"]?["parts"]?[0]?["text"]?.stringValue)
        try expectTopLevel(try JSONValue.parse(text), matches: schema)
    }

    @Test func modelListsPerDialect() throws {
        let get = { (path: String) in ReceivedRequest(method: "GET", target: path) }
        let openAI = try json(FakeProvider().handle(get("/openai/v1/models")))
        #expect(openAI["object"]?.stringValue == "list")
        #expect(openAI["data"]?[0]?["id"]?.stringValue == "fake-model")
        let gemini = try json(FakeProvider().handle(get("/v1beta/models")))
        #expect(gemini["models"]?[0]?["name"]?.stringValue == "models/gemini-2.5-flash")
        let geminiDefault = try json(FakeProvider(options: FakeProviderOptions(dialect: .gemini)).handle(get("/models")))
        #expect(geminiDefault["models"]?.arrayValue?.isEmpty == false)
    }

    @Test func openRouterKeyAndCost() throws {
        let provider = FakeProvider()
        let key = try json(provider.handle(ReceivedRequest(method: "GET", target: "/api/v1/key", headers: [HTTPField("Authorization", "Bearer sk-or-v1-secretsecret")])))
        #expect(key["data"]?["label"]?.stringValue == "sk-o****cret")
        #expect(key["data"]?["limit_remaining"]?.doubleValue == 7.25)
        let chat = try json(provider.handle(post("/api/v1/chat/completions", #"{"model":"openai/gpt-4o-mini","messages":[{"role":"user","content":"x"}]}"#)))
        #expect(chat["id"]?.stringValue?.hasPrefix("gen-") == true)
        #expect((chat["usage"]?["cost"]?.doubleValue ?? 0) > 0)
    }

    @Test func refusedKeysPerDialect() throws {
        let provider = FakeProvider(options: FakeProviderOptions(authFailKeys: ["sk-bad-key-123456"]))
        let openAI = provider.handle(post("/v1/chat/completions", #"{"messages":[{"role":"user","content":"x"}]}"#, key: "sk-bad-key-123456"))
        #expect(openAI.status == 401)
        #expect(try json(openAI)["error"]?["code"]?.stringValue == "invalid_api_key")
        #expect(!String(decoding: openAI.body, as: UTF8.self).contains("sk-bad-key-123456"))
        let gemini = provider.handle(
            ReceivedRequest(method: "GET", target: "/v1beta/models?key=sk-bad-key-123456"))
        #expect(gemini.status == 400)
        #expect(try json(gemini)["error"]?["details"]?[0]?["reason"]?.stringValue == "API_KEY_INVALID")
        let good = provider.handle(post("/v1/chat/completions", #"{"messages":[{"role":"user","content":"x"}]}"#, key: "sk-good"))
        #expect(good.status == 200)
    }

    @Test func failureRatesAreSeededAndShaped() throws {
        let options = FakeProviderOptions(failRate: 0.3, rateLimitRate: 0.3, retryAfterSeconds: 3, seed: 7)
        let body = #"{"messages":[{"role":"user","content":"x"}]}"#
        let first = FakeProvider(options: options)
        let second = FakeProvider(options: options)
        let statuses = (0..<60).map { _ in first.handle(post("/v1/chat/completions", body)).status }
        #expect(statuses == (0..<60).map { _ in second.handle(post("/v1/chat/completions", body)).status })
        #expect(Set(statuses) == [200, 429, 500])

        let limited = FakeProvider(options: FakeProviderOptions(rateLimitRate: 1, retryAfterSeconds: 3))
        let openAI = limited.handle(post("/v1/chat/completions", body))
        #expect(openAI.status == 429 && openAI.headers.value(of: "retry-after") == "3")
        #expect(try json(openAI)["error"]?["code"]?.stringValue == "rate_limit_exceeded")
        let gemini = limited.handle(post("/v1beta/models/g:generateContent", #"{"contents":[]}"#))
        #expect(gemini.status == 429)
        #expect(try json(gemini)["error"]?["status"]?.stringValue == "RESOURCE_EXHAUSTED")
        #expect(try json(gemini)["error"]?["details"]?[1]?["retryDelay"]?.stringValue == "3s")

        let failing = FakeProvider(options: FakeProviderOptions(failRate: 1))
        #expect(failing.handle(post("/v1/chat/completions", body)).status == 500)
        #expect(failing.handle(ReceivedRequest(method: "GET", target: "/v1/models")).status == 200)
    }

    @Test func unknownRoutesWrongMethodsAndBadBodies() throws {
        let provider = FakeProvider()
        #expect(provider.handle(ReceivedRequest(method: "GET", target: "/nowhere")).status == 404)
        #expect(provider.handle(ReceivedRequest(method: "GET", target: "/v1/chat/completions")).status == 405)
        #expect(provider.handle(post("/v1/chat/completions", "{not json")).status == 400)
        #expect(provider.handle(post("/v1/chat/completions", #"{"messages":[]}"#)).status == 400)
        #expect(provider.handle(post("/v1beta/models/g:generateContent", "[1")).status == 400)
        #expect(provider.requests.count == 5)
    }

    @Test func latencyDelaysOnlyItsOwnConnection() async throws {
        try await withFakeProvider(options: FakeProviderOptions(latencyMs: 800)) { fake, client in
            let slow = Task { () -> Bool in
                let response = try? await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models", totalTimeout: 30))
                return response?.status == 200
            }
            #expect(await eventually { fake.provider.requests.count == 1 })
            fake.provider.enqueue(.text("quick"))
            let quick = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models", totalTimeout: 30))
            #expect(quick.bodyText == "quick")
            #expect(fake.provider.requests.count == 2)
            #expect(await slow.value)
            await #expect(throws: HTTPError.timeout(seconds: 0.3)) {
                try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models", totalTimeout: 0.3))
            }
        }
    }
}
