import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// Provider order, model fallback, the attempt cap, and the call log.
@Suite struct RoutingFallbackTests {
    @Test func fallbackFollowsPriority() async throws {
        let f = try RoutingFixture()
        let b = try f.addProvider("b", priority: 2)
        let a = try f.addProvider("a", priority: 1)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        a.enqueue(Scripted.serverError)

        let result = try await f.route()

        #expect(result.provider == "b")
        #expect(result.completion.text.contains("You said: hello"))
        #expect(a.requests.count == 1)
        #expect(b.requests.count == 1)
        #expect(result.fallbackChain.map(\.provider) == ["a"])
        #expect(result.fallbackChain.map(\.outcome) == ["provider_error"])
        #expect(result.attempts.map(\.outcome) == ["provider_error", "success"])
    }

    @Test func preferredProviderGoesFirstAndOnlyProvidersExcludeTheRest() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        let b = try f.addProvider("b", priority: 2)
        let c = try f.addProvider("c", priority: 3)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        try f.addKey("c", label: "k1", secret: "secret-c1-0123456789")

        let preferred = try await f.route("one") { $0.preferredProviders = ["c", "c", "b"] }
        #expect(preferred.provider == "c")

        c.enqueue(Scripted.serverError)
        b.enqueue(Scripted.serverError)
        let afterTwoFailures = try await f.route("two") { $0.preferredProviders = ["c", "c", "b"] }
        #expect(afterTwoFailures.provider == "a")
        // A name repeated in the preference is still one provider, tried once.
        #expect(afterTwoFailures.fallbackChain.map(\.provider) == ["c", "b"])
        #expect(c.requests.count == 2)

        b.enqueue(Scripted.serverError)
        let error = try await f.routeError("three") { $0.onlyProviders = ["b"] }
        #expect(error?.kind == .failed(lastClass: "provider_error"))
        #expect(a.requests.count == 1)
        #expect(b.requests.count == 2)
    }

    @Test func modelNotFoundFallsToTheProvidersNextModel() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, models: ["m1", "m2"])
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        a.enqueue(Scripted.modelNotFound("m1"))

        let result = try await f.route()

        #expect(result.provider == "a")
        #expect(result.model == "m2")
        #expect(a.requestedModels == ["m1", "m2"])
        #expect(try f.outcomes() == ["validation_error", "success"])
        #expect(try f.calls().map { $0.string("model") } == ["m1", "m2"])
        // A missing model says nothing about the key.
        let key = try f.key("a", "k1")
        #expect(key.state == "active")
        #expect(key.consecutiveFailures == 0)
    }

    @Test func everyAttemptHasACallsRow() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        let b = try f.addProvider("b", priority: 2, models: ["m1", "m2"])
        let a1 = try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", priority: 1)
        let a2 = try f.addKey("a", label: "k2", secret: "secret-a2-0123456789", priority: 2)
        let b1 = try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        a.enqueue(Scripted.rateLimited(retryAfter: 30), Scripted.serverError)
        b.enqueue(Scripted.modelNotFound("m1"))

        let result = try await f.route() { $0.jobID = nil }

        let rows = try f.calls()
        #expect(result.provider == "b")
        #expect(result.model == "m2")
        #expect(a.requests.count + b.requests.count == 4)
        #expect(rows.count == 4)
        #expect(result.attempts.count == 4)
        #expect(rows.map { $0.string("outcome") } == ["rate_limit_error", "provider_error", "validation_error", "success"])
        #expect(rows.map { $0.int("http_status") } == [429, 500, 404, 200])
        #expect(rows.map { $0.int("key_id") } == [a1, a2, b1, b1])
        #expect(rows.map { $0.string("provider") } == ["a", "a", "b", "b"])
        #expect(rows.map { $0.int("attempt") } == [1, 2, 3, 4])
        #expect(rows.map { $0.double("retry_after") } == [30, nil, nil, nil])
        #expect(rows.allSatisfy { ($0.int("duration_ms") ?? -1) >= 0 })
        #expect(rows.allSatisfy { $0.string("started_at") == RoutingFixture.noon.iso8601 })
        #expect(rows.prefix(3).allSatisfy { ($0.string("error") ?? "").isEmpty == false })
        #expect(rows.last?.string("error") == nil)
        #expect((rows.last?.int("tokens_in") ?? 0) > 0)
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 4)
        #expect(try f.int("SELECT sum(failures) FROM usage_daily") == 3)
        #expect(try f.int("SELECT sum(successes) FROM usage_daily") == 1)
    }

    @Test func attemptsPerRequestAreCappedAndEachKeyIsTriedOnce() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        for i in 1...10 {
            try f.addKey("a", label: "k\(i)", secret: "secret-a\(i)-0123456789", priority: i)
            a.enqueue(Scripted.rateLimited(retryAfter: 30))
        }

        let capped = try await f.routeError("one")
        #expect(a.requests.count == 8)
        #expect(Set(a.presentedKeys).count == 8)
        #expect(capped?.attempts.count == 8)

        // Two keys left; both rate limited: each is asked once, then the request gives up.
        let error = try await f.routeError("two") { $0.maxAttempts = 20 }
        #expect(a.requests.count == 10)
        #expect(Set(a.presentedKeys).count == 10)
        #expect(error?.kind == .unavailable(retryAt: RoutingFixture.noon + 30))
    }

    @Test func keylessProviderIsAskedOncePerRequest() async throws {
        let f = try RoutingFixture()
        let local = try f.addProvider("local", priority: 1, keyRequired: false)
        try f.addProvider("b", priority: 2)
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        local.enqueue(Scripted.rateLimited(retryAfter: 5), Scripted.rateLimited(retryAfter: 5))

        let result = try await f.route()

        #expect(result.provider == "b")
        #expect(local.requests.count == 1)
        #expect(local.requests.first?.apiKey == nil)
    }
}
