import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// How a request that got no answer fails: offline, unavailable until a time, failed, permanent.
@Suite struct RoutingVerdictTests {
    @Test func unreachableProvidersMeanOffline() async throws {
        let f = try RoutingFixture()
        let closed = try RoutingFixture.closedPortURL()
        try f.addProvider("a", priority: 1, baseURL: closed)
        try f.addProvider("b", priority: 2, baseURL: closed)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")

        let error = try #require(try await f.routeError())

        #expect(error.kind == .offline)
        #expect(error.errorClass == "network_error")
        #expect(error.attempts.map(\.provider) == ["a", "b"])
        #expect(try f.outcomes() == ["network_error", "network_error"])
        #expect(try f.calls().allSatisfy { $0.int("http_status") == nil })
        // Being offline is not the key's fault; it is the provider's breaker's business.
        #expect(try f.key("a", "k1").consecutiveFailures == 0)
        #expect(try f.breaker("a")?.int("consecutive_failures") == 1)
        #expect(error.description.hasPrefix("no provider is reachable"))
    }

    @Test func allProvidersSkippedForLimitsMeansUnavailableUntilTheEarliestTime() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, dailyLimit: 0)
        let b = try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        try f.addKey("b", label: "k2", secret: "secret-b2-0123456789")
        b.enqueue(Scripted.rateLimited(retryAfter: 300), Scripted.rateLimited(retryAfter: 200))

        let limited = try #require(try await f.routeError("one"))
        #expect(limited.kind == .unavailable(retryAt: RoutingFixture.noon + 200))
        #expect(b.requests.count == 2)

        let skipped = try #require(try await f.routeError("two"))
        #expect(skipped.kind == .unavailable(retryAt: RoutingFixture.noon + 200))
        #expect(skipped.attempts.map(\.outcome) == ["skipped", "skipped"])
        #expect(skipped.errorClass == "unavailable")
        #expect(a.requests.isEmpty)
        #expect(b.requests.count == 2)

        // With b's keys gone for good, the earliest time is a's daily reset.
        try f.queue.sync { db in try db.execute("UPDATE api_keys SET state = 'deactivated' WHERE label IN ('k1', 'k2')") }
        let untilMidnight = try #require(try await f.routeError("three"))
        #expect(untilMidnight.kind == .unavailable(retryAt: RoutingFixture.noon.nextUTCMidnight))
    }

    @Test func badRequestsEverywhereArePermanent() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        a.enqueue(Scripted.error(400, "Invalid value for 'temperature'.", type: "invalid_request_error"))

        let error = try #require(try await f.routeError())

        #expect(error.kind == .permanent(lastClass: "validation_error"))
        #expect(error.description.contains("Invalid value for 'temperature'"))
    }

    @Test func aRequestNoDialectCanExpressSpendsNoCall() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        let g = try f.addProvider("g", priority: 2, options: FakeProviderOptions(dialect: .gemini))
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("g", label: "k1", secret: "secret-g1-0123456789")

        let error = try #require(try await f.routeError { $0.temperature = .nan })

        #expect(error.kind == .permanent(lastClass: "validation_error"))
        #expect(error.description.contains("temperature is not a number"))
        #expect(a.requests.isEmpty && g.requests.isEmpty)
        #expect(try f.outcomes() == ["validation_error", "validation_error"])
        #expect(try f.calls().allSatisfy { $0.int("key_id") == nil })
        #expect(try f.int("SELECT count(*) FROM usage_daily") == 0)
    }

    @Test func noEnabledProviderIsUnavailableWithoutATime() async throws {
        let f = try RoutingFixture()
        try f.addProvider("a", priority: 1)
        try f.queue.sync { db in try ProviderRepository(db: db).setEnabled("a", false) }

        let error = try #require(try await f.routeError())

        #expect(error.kind == .unavailable(retryAt: nil))
        #expect(error.description.contains("no provider is enabled"))
    }
}
