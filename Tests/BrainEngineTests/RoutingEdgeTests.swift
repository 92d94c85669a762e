import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// Cancellation, per-provider breaker settings, the Gemini dialect, and keys whose variable is unset.
@Suite struct RoutingEdgeTests {
    @Test func aCancelledProbeIsLoggedAndFreesTheHalfOpenSlot() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", maxConsecutiveFailures: 100)
        for i in 1...5 {
            a.enqueue(Scripted.serverError)
            _ = try await f.routeError("fail \(i)")
        }
        f.clock.advance(60)
        a.enqueue(.hang)

        let probe = Task { try await f.route("hangs") }
        try await waitUntil { a.requests.count == 6 }
        probe.cancel()
        await #expect(throws: CancellationError.self) { try await probe.value }

        let last = try #require(try f.calls().last)
        #expect(last.string("outcome") == "network_error")
        #expect(last.string("error")?.contains("cancelled") == true)
        #expect(try f.breaker("a")?.string("state") == "half_open")
        #expect(try f.key("a", "k1").consecutiveFailures == 5)
        // The slot is free again: the next request is the new probe.
        #expect(try await f.route("next probe").provider == "a")
        #expect(a.requests.count == 7)
    }

    @Test func breakerSettingsComeFromTheProvidersRow() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", maxConsecutiveFailures: 100)
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        try f.queue.sync { db in
            let repository = ProviderRepository(db: db)
            var record = try repository.named("a")
            record.breakerFailureThreshold = 2
            record.breakerRecoverySeconds = 10
            record.breakerSuccessThreshold = 1
            try repository.update(record)
        }

        a.enqueue(Scripted.serverError, Scripted.serverError)
        _ = try await f.route("one")
        #expect(try f.breaker("a")?.string("state") == "closed")
        _ = try await f.route("two")
        #expect(try f.breaker("a")?.string("state") == "open")

        f.clock.advance(9)
        #expect(try await f.route("three").provider == "b")
        f.clock.advance(1)
        #expect(try await f.route("four").provider == "a")
        #expect(try f.breaker("a")?.string("state") == "closed")
    }

    @Test func geminiProvidersRouteWithTheirOwnErrorShapes() async throws {
        let f = try RoutingFixture()
        let g = try f.addProvider("g", priority: 1, models: ["gemini-x"], options: FakeProviderOptions(dialect: .gemini))
        try f.addKey("g", label: "k1", secret: "secret-g1-0123456789", priority: 1)
        try f.addKey("g", label: "k2", secret: "secret-g2-0123456789", priority: 2)
        try f.addKey("g", label: "k3", secret: "secret-g3-0123456789", priority: 3)
        g.enqueue(
            .json(#"""
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED",
                "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"20s"}]}}
                """#, status: 429),
            .json(#"""
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
                "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com"}]}}
                """#, status: 400))

        let result = try await f.route()

        #expect(result.provider == "g")
        #expect(result.model == "gemini-x")
        #expect(g.requests.map(\.path) == Array(repeating: "/v1beta/models/gemini-x:generateContent", count: 3))
        #expect(g.presentedKeys == ["secret-g1-0123456789", "secret-g2-0123456789", "secret-g3-0123456789"])
        #expect(try f.key("g", "k1").state == "cooling")
        #expect(try f.key("g", "k1").stateUntil == RoutingFixture.noon + 20)
        #expect(try f.key("g", "k2").state == "deactivated")
        #expect(try f.outcomes() == ["rate_limit_error", "auth_error", "success"])
    }

    @Test func absurdUsageFiguresAreBoundedInTheCounters() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        let huge = #"""
            {"id":"x","object":"chat.completion","created":1,"model":"m1",
            "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
            "usage":{"prompt_tokens":4503599627370496,"completion_tokens":4503599627370496,"total_tokens":1}}
            """#
        a.enqueue(.json(huge), .json(huge))

        _ = try await f.route("one")
        _ = try await f.route("two")

        let bound = 1 << 40
        #expect(try f.int("SELECT tokens_in FROM usage_daily") == 2 * bound)
        #expect(try f.calls().map { $0.int("tokens_out") } == [bound, bound])
    }

    @Test func aKeyWhoseVariableIsUnsetIsPassedOver() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        let b = try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        f.unsetEnvironment("BRAIN_TEST_A_K1")

        let result = try await f.route()

        #expect(result.provider == "b")
        #expect(a.requests.isEmpty)
        #expect(b.requests.count == 1)
        #expect(result.fallbackChain.first?.detail?.contains("no usable key") == true)
        #expect(try f.key("a", "k1").state == "active")
    }
}
