import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// What an attempt does to its key: cooldowns, exhaustion, deactivation.
@Suite struct RoutingKeyStateTests {
    let s1 = "secret-a1-0123456789"
    let s2 = "secret-a2-0123456789"

    /// Provider `a` with keys k1 (preferred) and k2.
    func twoKeys() throws -> (RoutingFixture, FakeProvider) {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        try f.addKey("a", label: "k1", secret: s1, priority: 1)
        try f.addKey("a", label: "k2", secret: s2, priority: 2)
        return (f, a)
    }

    @Test func rateLimitMovesToTheNextKeyAndCoolsTheFirstUntilRetryAfter() async throws {
        let (f, a) = try twoKeys()
        a.enqueue(Scripted.rateLimited(retryAfter: 30))

        let first = try await f.route("one")
        #expect(first.provider == "a")
        #expect(a.presentedKeys == [s1, s2])
        let cooled = try f.key("a", "k1")
        #expect(cooled.state == "cooling")
        #expect(cooled.stateUntil == RoutingFixture.noon + 30)
        #expect(cooled.stateReason?.contains("rate limited") == true)

        f.clock.advance(29)
        _ = try await f.route("two")
        #expect(a.presentedKeys.last == s2)

        f.clock.advance(2)
        _ = try await f.route("three")
        #expect(a.presentedKeys.last == s1)
        let recovered = try f.key("a", "k1")
        #expect(recovered.state == "active")
        #expect(recovered.stateUntil == nil)
    }

    @Test func retryAfterAsAnHTTPDateIsHonoured() async throws {
        let (f, a) = try twoKeys()
        // noon + 120 s on 2026-01-01, a Thursday.
        a.enqueue(Scripted.error(429, "Too many requests.", type: "requests", headers: [HTTPField("Retry-After", "Thu, 01 Jan 2026 12:02:00 GMT")]))

        _ = try await f.route()

        #expect(try f.key("a", "k1").stateUntil == RoutingFixture.noon + 120)
    }

    @Test func rateLimitWithoutRetryAfterEscalatesUntilASuccess() async throws {
        let (f, a) = try twoKeys()
        let tooMany = Scripted.error(429, "Too many requests.", type: "requests")

        a.enqueue(tooMany)
        _ = try await f.route("one")
        #expect(try f.key("a", "k1").stateUntil == f.clock.now() + 30)

        f.clock.advance(31)
        a.enqueue(tooMany)
        _ = try await f.route("two")
        #expect(try f.key("a", "k1").stateUntil == f.clock.now() + 120)

        f.clock.advance(121)
        _ = try await f.route("three")
        #expect(a.presentedKeys.last == s1)

        a.enqueue(tooMany)
        _ = try await f.route("four")
        #expect(try f.key("a", "k1").stateUntil == f.clock.now() + 30)
    }

    @Test func anAbsurdRetryAfterIsCutToAWeek() async throws {
        let (f, a) = try twoKeys()
        let absurd = Scripted.error(429, "Too many requests.", type: "requests", headers: [HTTPField("Retry-After", "99999999999999999999999")])
        a.enqueue(absurd, absurd)

        let error = try #require(try await f.routeError())

        let week = RoutingFixture.noon + 7 * 86_400
        #expect(try f.key("a", "k1").stateUntil == week)
        #expect(try f.key("a", "k2").stateUntil == week)
        #expect(error.kind == .unavailable(retryAt: week))
        #expect(error.description.contains("first frees up at 2026-01-08T12:00:00.000Z"))
        #expect(try f.calls().map { $0.double("retry_after") } == [7 * 86_400, 7 * 86_400])
    }

    @Test func exhaustedQuotaLastsUntilTheNextUTCDay() async throws {
        let (f, a) = try twoKeys()
        a.enqueue(Scripted.error(402, "Insufficient credits.", type: "payment_required"))

        _ = try await f.route("one")

        let key = try f.key("a", "k1")
        #expect(key.state == "exhausted")
        #expect(key.stateUntil == RoutingFixture.noon.nextUTCMidnight)
        f.clock.set(RoutingFixture.noon.nextUTCMidnight - 1)
        _ = try await f.route("two")
        #expect(a.presentedKeys.last == s2)
        f.clock.set(RoutingFixture.noon.nextUTCMidnight)
        _ = try await f.route("three")
        #expect(a.presentedKeys.last == s1)
    }

    @Test func authFailureDeactivatesTheKeyWithItsReason() async throws {
        let (f, a) = try twoKeys()
        a.enqueue(Scripted.badKey())

        let result = try await f.route("one")

        #expect(result.provider == "a")
        #expect(a.presentedKeys == [s1, s2])
        let key = try f.key("a", "k1")
        #expect(key.state == "deactivated")
        #expect(key.stateReason?.contains("authentication failed (HTTP 401)") == true)
        #expect(key.stateReason?.contains("Incorrect API key") == true)

        f.clock.advance(2 * 86_400)
        _ = try await f.route("two")
        #expect(a.presentedKeys.last == s2)

        try f.queue.sync { db in try KeyRepository(db: db).enable("a/k1") }
        _ = try await f.route("three")
        #expect(a.presentedKeys.last == s1)
    }

    @Test func threeConsecutiveFailuresDeactivateAndASuccessResetsTheCount() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, timeoutMs: 200)
        try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: s1)
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")

        a.enqueue(Scripted.serverError, Scripted.serverError)
        _ = try await f.route("one")
        _ = try await f.route("two")
        #expect(try f.key("a", "k1").consecutiveFailures == 2)
        #expect(try f.key("a", "k1").state == "active")

        let success = try await f.route("three")
        #expect(success.provider == "a")
        #expect(try f.key("a", "k1").consecutiveFailures == 0)

        // A timeout counts like a 5xx.
        a.enqueue(Scripted.serverError, .hang, Scripted.serverError)
        for text in ["four", "five", "six"] {
            #expect(try await f.route(text).provider == "b")
        }
        #expect(try f.outcomes().suffix(6) == ["provider_error", "success", "timeout", "success", "provider_error", "success"])
        let key = try f.key("a", "k1")
        #expect(key.state == "deactivated")
        #expect(key.stateReason?.hasPrefix("3 consecutive failures") == true)

        let after = try await f.route("seven")
        #expect(after.provider == "b")
        #expect(a.requests.count == 6)
        #expect(after.fallbackChain.first?.outcome == "skipped")
        #expect(after.fallbackChain.first?.detail?.contains("no usable key") == true)
    }
}
