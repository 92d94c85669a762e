import BrainFake
import BrainProviders
import Foundation
import Testing

@Suite struct CLIToolsProviderTests {
    static let goodSecret = "sk-good-0123456789SECRETGOOD7a1b"
    static let badSecret = "sk-bad-0123456789SECRETBAD4c2d"

    /// A database with one provider, `fake`, pointing at `fake` and holding an env key and an inline key.
    static func prepare(_ brain: BrainProcess, fake: FakeProviderServer, kind: String = "openai") throws {
        #expect(try brain.run(["init", "--no-env-keys"]).status == 0)
        let baseURL = kind == "gemini" ? fake.geminiBaseURL : fake.openAIBaseURL
        #expect(try brain.run(["providers", "add", "fake", "--kind", kind, "--base-url", baseURL, "--models", "fake-model"]).status == 0)
        #expect(try brain.run(["keys", "add", "fake", "--env", "FAKE_GOOD_KEY", "--label", "good"]).status == 0)
        #expect(try brain.run(["keys", "add", "fake", "--stdin", "--label", "bad"], stdin: badSecret).status == 0)
    }

    @Test(arguments: ["openai", "gemini"])
    func probesGiveOneVerdictPerKeyAndNeverShowTheSecret(kind: String) throws {
        let fake = try FakeProviderServer.start(options: FakeProviderOptions(
            dialect: kind == "gemini" ? .gemini : .openai, authFailKeys: [Self.badSecret]))
        defer { fake.stop() }
        let brain = BrainProcess(environment: ["FAKE_GOOD_KEY": Self.goodSecret])
        defer { brain.cleanUp() }
        try Self.prepare(brain, fake: fake, kind: kind)

        let tested = try brain.run(["providers", "test", "fake", "--json"])
        #expect(tested.status == 1, "\(tested.stderr)")
        let reports = tested.jsonArray ?? []
        #expect(reports.count == 2)
        let good = reports.first { $0["label"] as? String == "good" }
        let bad = reports.first { $0["label"] as? String == "bad" }
        #expect(good?["verdict"] as? String == "ok")
        #expect(good?["latency_ms"] as? Int != nil)
        #expect(bad?["verdict"] as? String == "auth_error")
        #expect(fake.provider.requests.count == 2)
        #expect(fake.provider.requests.allSatisfy { $0.method == "GET" })

        let table = try brain.run(["providers", "test", "fake"])
        #expect(table.stdout.contains("auth_error"))
        for output in [tested, table] {
            for secret in [Self.goodSecret, Self.badSecret, "SECRETGOOD", "SECRETBAD"] {
                #expect(!output.stdout.contains(secret) && !output.stderr.contains(secret))
            }
        }

        #expect(try brain.run(["keys", "disable", "fake/bad"]).status == 0)
        let allGood = try brain.run(["providers", "test", "fake", "--json"])
        #expect(allGood.status == 0, "\(allGood.stdout)")
        #expect(allGood.jsonArray?.map { $0["verdict"] as? String } == ["ok"])
    }

    @Test func anUnsetVariableIsSkippedAndAnUnreachableServerIsANetworkError() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init", "--no-env-keys"]).status == 0)
        #expect(try brain.run(["providers", "add", "gone", "--kind", "openai", "--base-url", "http://127.0.0.1:9/v1", "--no-key"]).status == 0)
        #expect(try brain.run(["providers", "add", "unset", "--kind", "openai", "--base-url", "http://127.0.0.1:9/v1"]).status == 0)
        #expect(try brain.run(["keys", "add", "unset", "--env", "BRAIN_TEST_NEVER_SET"]).status == 0)
        let gone = try brain.run(["providers", "test", "gone", "--json"])
        #expect(gone.status == 1)
        #expect(gone.jsonArray?.first?["verdict"] as? String == "network_error")
        let unset = try brain.run(["providers", "test", "unset", "--json"])
        #expect(unset.status == 1)
        #expect(unset.jsonArray?.first?["verdict"] as? String == "skipped")
        #expect((unset.jsonArray?.first?["detail"] as? String)?.contains("BRAIN_TEST_NEVER_SET") == true)
        #expect(try brain.run(["providers", "test", "nosuch"]).status == 1)
    }

    @Test func fakeProviderPrintsAURLThatAnswersAndStopsOnSIGTERM() async throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let running = try RunningBrain(["fake-provider", "--latency-ms", "0", "--seed", "7"], in: brain)
        let url = try #require(running.readLine())
        #expect(url.hasPrefix("http://127.0.0.1:") && url.hasSuffix("/v1"))
        let client = HTTPClient()
        let response = try await client.send(HTTPRequest(url: url + "/models"))
        client.shutdown()
        #expect(response.status == 200)
        #expect(response.bodyText.contains("\"data\""))
        let stopped = running.stop(signal: SIGTERM)
        #expect(stopped.reason == .exit)
        #expect(stopped.status == 0)
        #expect(stopped.stdout.isEmpty)
        #expect(stopped.stderr.contains("stopped"))
    }

    @Test func fakeProviderSpeaksGeminiAndRejectsBadOptions() async throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let running = try RunningBrain(["fake-provider", "--dialect", "gemini", "--auth-fail-keys", "nope"], in: brain)
        let url = try #require(running.readLine())
        #expect(url.hasSuffix("/v1beta"))
        let client = HTTPClient()
        let refused = try await client.send(HTTPRequest(url: url + "/models", headers: ["x-goog-api-key": "nope"]))
        client.shutdown()
        #expect(refused.status == 400)
        #expect(running.stop(signal: SIGINT).status == 0)
        #expect(try brain.run(["fake-provider", "--fail-rate", "2"]).status == 2)
        #expect(try brain.run(["fake-provider", "--dialect", "soap"]).status == 2)
        #expect(try brain.run(["fake-provider", "--port", "70000"]).status == 2)
    }
}
