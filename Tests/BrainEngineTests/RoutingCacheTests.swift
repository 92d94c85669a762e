import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// The response cache: a hit sends nothing and is logged as `cache_hit`.
@Suite struct RoutingCacheTests {
    func setUp() throws -> (RoutingFixture, FakeProvider) {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        return (f, a)
    }

    @Test func aCacheHitSendsNoRequest() async throws {
        let (f, a) = try setUp()

        let first = try await f.route("same")
        let second = try await f.route("same")

        #expect(a.requests.count == 1)
        #expect(!first.fromCache)
        #expect(second.fromCache)
        #expect(second.completion == first.completion)
        #expect(second.provider == "a")
        #expect(try f.outcomes() == ["success", "cache_hit"])
        #expect(try f.calls().last?.int("key_id") == nil)
        #expect(try f.int("SELECT hits FROM response_cache") == 1)
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 1)
    }

    @Test func noCacheBypassesTheCache() async throws {
        let (f, a) = try setUp()

        _ = try await f.route("same")
        let bypassed = try await f.route("same") { $0.useCache = false }

        #expect(!bypassed.fromCache)
        #expect(a.requests.count == 2)
        #expect(try f.outcomes() == ["success", "success"])
    }

    @Test func aDifferentParameterOrAnExpiredEntryMisses() async throws {
        let (f, a) = try setUp()

        _ = try await f.route("same")
        _ = try await f.route("same") { $0.temperature = 0.5 }
        #expect(a.requests.count == 2)

        f.clock.advance(86_400 - 1)
        _ = try await f.route("same")
        #expect(a.requests.count == 2)
        f.clock.advance(2)
        _ = try await f.route("same")
        #expect(a.requests.count == 3)
    }

    @Test func anAnswerCachedFromAFallbackIsFoundBeforeAskingAFailingProvider() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        let b = try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        a.enqueue(Scripted.serverError)

        _ = try await f.route("same")
        let again = try await f.route("same")

        #expect(again.fromCache)
        #expect(again.provider == "b")
        #expect(a.requests.count == 1)
        #expect(b.requests.count == 1)
    }

    @Test func aCachedAnswerTheCheckRefusesIsNotUsed() async throws {
        let (f, a) = try setUp()
        let first = try await f.route("same")
        let stale = first.completion.requestId

        let result = try await f.route("same") {
            $0.check = { completion, _ in completion.requestId == stale ? .reject(errors: ["stale"]) : .accept }
        }
        #expect(result.provider == "a")
        #expect(!result.fromCache)
        #expect(result.completion.requestId != stale)
        #expect(a.requests.count == 2)
    }
}
