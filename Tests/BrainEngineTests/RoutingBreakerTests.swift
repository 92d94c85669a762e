import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// The per-provider circuit breaker: closed, open, half-open with one probe, closed again.
@Suite struct RoutingBreakerTests {
    /// Provider `a` (whose key never deactivates) in front of `b`.
    func setUp() throws -> (RoutingFixture, FakeProvider, FakeProvider) {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        let b = try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", maxConsecutiveFailures: 100)
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        return (f, a, b)
    }

    /// Five failing requests on `a` (each answered by `b`).
    func failFiveTimes(_ f: RoutingFixture, _ a: FakeProvider) async throws {
        for i in 1...5 {
            a.enqueue(Scripted.serverError)
            #expect(try await f.route("fail \(i) at \(f.clock.now())").provider == "b")
        }
    }

    @Test func opensAfterFiveFailuresAndSkipsWhileOpen() async throws {
        let (f, a, _) = try setUp()
        for i in 1...4 {
            a.enqueue(Scripted.serverError)
            _ = try await f.route("fail \(i)")
        }
        #expect(try f.breaker("a")?.string("state") == "closed")
        #expect(try f.breaker("a")?.int("consecutive_failures") == 4)

        a.enqueue(Scripted.serverError)
        _ = try await f.route("fail 5")
        let breaker = try f.breaker("a")
        #expect(breaker?.string("state") == "open")
        #expect(breaker?.double("opened_at") == RoutingFixture.noon)
        #expect(breaker?.string("last_error")?.contains("HTTP 500") == true)

        f.clock.advance(59)
        let skipped = try await f.route("while open")
        #expect(skipped.provider == "b")
        #expect(a.requests.count == 5)
        #expect(skipped.fallbackChain.map(\.outcome) == ["skipped"])
        #expect(skipped.fallbackChain.first?.detail?.contains("circuit breaker open") == true)
    }

    @Test func halfOpensAfterRecoveryClosesAfterThreeSuccesses() async throws {
        let (f, a, _) = try setUp()
        try await failFiveTimes(f, a)
        f.clock.advance(60)

        // The probe is admitted; while it is in flight a second request passes the provider over.
        a.enqueue(ScriptedResponse.json(Self.answer(model: "m1")).delayed(by: 1000))
        let probe = Task { try await f.route("probe") }
        try await waitUntil { a.requests.count == 6 }
        #expect(try f.breaker("a")?.string("state") == "half_open")
        let during = try await f.route("during probe")
        #expect(during.provider == "b")
        #expect(during.fallbackChain.first?.detail?.contains("probe in flight") == true)
        #expect(try await probe.value.provider == "a")
        #expect(a.requests.count == 6)
        #expect(try f.breaker("a")?.int("half_open_successes") == 1)

        #expect(try await f.route("second success").provider == "a")
        #expect(try f.breaker("a")?.string("state") == "half_open")
        #expect(try await f.route("third success").provider == "a")
        let closed = try f.breaker("a")
        #expect(closed?.string("state") == "closed")
        #expect(closed?.int("consecutive_failures") == 0)
        #expect(closed?.double("opened_at") == nil)
    }

    @Test func aFailureInHalfOpenReopens() async throws {
        let (f, a, _) = try setUp()
        try await failFiveTimes(f, a)
        f.clock.advance(60)

        a.enqueue(Scripted.serverError)
        #expect(try await f.route("probe fails").provider == "b")
        let reopened = try f.breaker("a")
        #expect(reopened?.string("state") == "open")
        #expect(reopened?.double("opened_at") == RoutingFixture.noon + 60)

        f.clock.advance(30)
        _ = try await f.route("still open")
        #expect(a.requests.count == 6)

        f.clock.advance(30)
        #expect(try await f.route("probe again").provider == "a")
        #expect(try f.breaker("a")?.string("state") == "half_open")
    }

    @Test func ledgerAdmitsOneHalfOpenProbeAtATime() async throws {
        let (f, a, _) = try setUp()
        try await failFiveTimes(f, a)
        f.clock.advance(60)
        let ledger = f.ledger()
        let provider = try f.routable("a")

        guard case .granted(let grant) = try await ledger.reserve(provider: provider, excluding: []) else {
            Issue.record("the first probe was not admitted")
            return
        }
        #expect(try await ledger.reserve(provider: provider, excluding: []) == .skipped(.halfOpenProbeInFlight))

        // A probe that ends without a verdict on the provider (a rate limit) frees the slot.
        let limited = ProviderError(kind: .rateLimit, provider: "a", status: 429, retryAfter: 1, message: "slow down")
        try await ledger.record(Attempt(
            provider: provider, model: "m1", keyID: grant.keyID, jobID: nil, number: 1, startedAt: f.clock.now(),
            durationMs: 1, httpStatus: 429, outcome: .failure(limited)))
        f.clock.advance(2)
        guard case .granted = try await ledger.reserve(provider: provider, excluding: []) else {
            Issue.record("the slot was not freed")
            return
        }
        #expect(try await ledger.reserve(provider: provider, excluding: []) == .skipped(.halfOpenProbeInFlight))
    }

    /// An OpenAI chat completion body.
    static func answer(model: String) -> String {
        """
        {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"\(model)",\
        "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],\
        "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
        """
    }
}

/// Polls `condition` every few milliseconds (for up to 5 s) until it holds.
func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<1000 {
        if condition() { return }
        try await Task.sleep(for: .milliseconds(5))
    }
    Issue.record("condition not met in time")
}
