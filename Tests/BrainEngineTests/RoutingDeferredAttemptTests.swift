import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// The accepted answer's call left for the caller (the batch worker writes it with its result),
/// and the call reserved with the cache lookup.
@Suite struct RoutingDeferredAttemptTests {
    func setUp() throws -> (RoutingFixture, FakeProvider, FakeProvider) {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1)
        let b = try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        return (f, a, b)
    }

    @Test func aDeferredAnswerWritesNothingUntilTheCallerRecordsIt() async throws {
        let (f, a, _) = try setUp()
        let ledger = f.ledger()
        let router = Router(client: f.client, ledger: ledger, clock: f.clock)

        let result = try await router.route(RoutingFixture.request("deferred") { $0.defersAcceptedAttempt = true })

        #expect(a.requests.count == 1)
        let deferred = try #require(result.deferredAttempt)
        #expect(deferred.attempt.outcome == .success)
        #expect(deferred.attempt.provider.name == "a")
        #expect(deferred.cache?.completion == result.completion)
        #expect(result.attempts.map(\.outcome) == ["success"])
        // Reserved (counted against the limit) but neither logged nor cached yet.
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 1)
        #expect(try f.calls().isEmpty)
        #expect(try f.int("SELECT count(*) FROM response_cache") == 0)

        try await ledger.record(deferred)

        #expect(try f.outcomes() == ["success"])
        #expect(try f.int("SELECT sum(successes) FROM usage_daily") == 1)
        let again = try await router.route(RoutingFixture.request("deferred") { $0.defersAcceptedAttempt = true })
        #expect(again.fromCache)
        #expect(again.deferredAttempt == nil)
        #expect(a.requests.count == 1)
    }

    @Test func onlyTheAcceptedCallIsDeferredAfterAFallback() async throws {
        let (f, a, b) = try setUp()
        a.enqueue(Scripted.serverError)

        let result = try await f.router().route(RoutingFixture.request("fallback") { $0.defersAcceptedAttempt = true })

        #expect(a.requests.count == 1 && b.requests.count == 1)
        #expect(result.provider == "b")
        #expect(try f.outcomes() == ["provider_error"])
        #expect(result.deferredAttempt?.attempt.provider.name == "b")
        #expect(result.deferredAttempt?.attempt.number == 2)
    }

    @Test func withoutDeferralTheCallIsLoggedAndCachedAtOnce() async throws {
        let (f, _, _) = try setUp()

        let result = try await f.route("immediate")

        #expect(result.deferredAttempt == nil)
        #expect(try f.outcomes() == ["success"])
        #expect(try f.int("SELECT count(*) FROM response_cache") == 1)
    }

    @Test func aMissReservesTheFirstCallInTheSameLookup() async throws {
        let (f, _, _) = try setUp()
        let ledger = f.ledger()
        let provider = try f.routable("a")

        let miss = try await ledger.cachedCompletions(for: ["no-such-hash"], orReserve: provider)
        #expect(miss.found.isEmpty)
        guard case .granted(let grant) = miss.reservation else {
            Issue.record("expected a reservation, got \(String(describing: miss.reservation))")
            return
        }
        #expect(grant.secret == "secret-a1-0123456789")
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 1)

        let lookOnly = try await ledger.cachedCompletions(for: ["no-such-hash"], orReserve: nil)
        #expect(lookOnly.reservation == nil)
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 1)
    }

    @Test func aHitReservesNothing() async throws {
        let (f, _, _) = try setUp()
        _ = try await f.route("cached")
        let hash = try #require(try f.rows("SELECT request_hash FROM response_cache").first?.string("request_hash"))

        let hit = try await f.ledger().cachedCompletions(for: [hash], orReserve: try f.routable("a"))

        #expect(hit.found[hash] != nil)
        #expect(hit.reservation == nil)
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 1)
    }

    @Test func aPreReservedSkipIsReportedLikeAnyOther() async throws {
        let (f, a, b) = try setUp()
        try f.queue.sync { db in try db.execute("UPDATE api_keys SET enabled = 0 WHERE label = 'k1' AND provider_id = (SELECT id FROM providers WHERE name = 'a')") }

        let result = try await f.route("skip")

        #expect(a.requests.isEmpty)
        #expect(b.requests.count == 1)
        #expect(result.fallbackChain.map(\.outcome) == ["skipped"])
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 1)
    }
}
