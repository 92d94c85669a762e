import BrainCore
import BrainFake
import BrainProviders
import BrainStore
import Testing

@testable import BrainEngine

/// Daily limits on providers, accounts and keys, shared by two connections (two processes).
@Suite struct RoutingLimitTests {
    /// Runs 2 routers (each on its own connection to the file) × 4 workers, each sending distinct
    /// uncached requests until the router says nothing can be sent; returns the answers.
    func hammer(_ f: RoutingFixture, requestsPerWorker: Int = 6) async throws -> Int {
        let second = try DatabaseQueue(path: f.databasePath)
        let routers = [f.router(), f.router(on: second)]
        return try await withThrowingTaskGroup(of: Int.self) { group in
            for process in 0..<2 {
                for worker in 0..<4 {
                    let router = routers[process]
                    group.addTask {
                        var answered = 0
                        for n in 0..<requestsPerWorker {
                            let request = RoutingFixture.request("p\(process) w\(worker) n\(n)") { $0.useCache = false }
                            do {
                                _ = try await router.route(request)
                                answered += 1
                            } catch let error as RouteError {
                                guard case .unavailable = error.kind else { throw error }
                            }
                        }
                        return answered
                    }
                }
            }
            return try await group.reduce(0, +)
        }
    }

    @Test func providerLimitHoldsAcrossTwoProcessesAndResetsOnANewUTCDay() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, dailyLimit: 10, options: FakeProviderOptions(latencyMs: 2))
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("a", label: "k2", secret: "secret-a2-0123456789")

        let answered = try await hammer(f)

        #expect(answered == 10)
        #expect(a.requests.count == 10)
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 10)
        #expect(try f.int("SELECT count(*) FROM calls WHERE outcome = 'success'") == 10)
        let error = try await f.routeError("over the limit")
        #expect(error?.kind == .unavailable(retryAt: RoutingFixture.noon.nextUTCMidnight))
        #expect(error?.attempts.first?.detail?.contains("daily limit reached") == true)

        f.clock.set(RoutingFixture.noon.nextUTCMidnight + 1)
        let nextDay = try await f.route("a new day")
        #expect(nextDay.provider == "a")
        #expect(a.requests.count == 11)
        #expect(try f.int("SELECT sum(calls) FROM usage_daily WHERE day = '2026-01-02'") == 1)
    }

    @Test func keyLimitsBindEachKey() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, options: FakeProviderOptions(latencyMs: 2))
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", priority: 1, dailyLimit: 3)
        try f.addKey("a", label: "k2", secret: "secret-a2-0123456789", priority: 2, dailyLimit: 4)

        #expect(try await hammer(f) == 7)

        #expect(a.presentedKeys.filter { $0 == "secret-a1-0123456789" }.count == 3)
        #expect(a.presentedKeys.filter { $0 == "secret-a2-0123456789" }.count == 4)
        f.clock.set(RoutingFixture.noon.nextUTCMidnight)
        _ = try await f.route("a new day")
        #expect(a.presentedKeys.last == "secret-a1-0123456789")
    }

    @Test func accountLimitBindsEveryKeyOfTheAccount() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, options: FakeProviderOptions(latencyMs: 2))
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", account: "shared")
        try f.addKey("a", label: "k2", secret: "secret-a2-0123456789", account: "shared")
        try f.addKey("a", label: "k3", secret: "secret-a3-0123456789", dailyLimit: 2)
        try f.setAccountLimit("a", account: "shared", 5)

        #expect(try await hammer(f) == 7)

        let shared = a.presentedKeys.filter { $0 == "secret-a1-0123456789" || $0 == "secret-a2-0123456789" }
        #expect(shared.count == 5)
        #expect(a.presentedKeys.filter { $0 == "secret-a3-0123456789" }.count == 2)
        let error = try #require(try await f.routeError("over the limits"))
        #expect(error.kind == .unavailable(retryAt: RoutingFixture.noon.nextUTCMidnight))
        f.clock.set(RoutingFixture.noon.nextUTCMidnight)
        _ = try await f.route("a new day")
        #expect(a.requests.count == 8)
    }

    @Test func failedCallsCountAgainstTheLimit() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, dailyLimit: 3)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        a.enqueue(Scripted.serverError, Scripted.rateLimited(retryAfter: 1))

        #expect(try await f.routeError("one")?.kind == .failed(lastClass: "provider_error"))
        #expect(try await f.routeError("two") != nil)
        f.clock.advance(2)
        #expect(try await f.route("three").provider == "a")
        let error = try await f.routeError("four")
        #expect(error?.kind == .unavailable(retryAt: RoutingFixture.noon.nextUTCMidnight))
        #expect(a.requests.count == 3)
    }

    @Test func reservationsFromEightConnectionsNeverPassTheLimits() async throws {
        let f = try RoutingFixture()
        try f.addProvider("a", priority: 1, dailyLimit: 60)
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", dailyLimit: 25, account: "shared")
        try f.addKey("a", label: "k2", secret: "secret-a2-0123456789", account: "shared")
        try f.addKey("a", label: "k3", secret: "secret-a3-0123456789")
        try f.setAccountLimit("a", account: "shared", 40)
        let provider = try f.routable("a")
        var ledgers: [StoreLedger] = []
        for _ in 0..<8 { ledgers.append(f.ledger(on: try DatabaseQueue(path: f.databasePath))) }

        let granted = try await withThrowingTaskGroup(of: [Int].self) { group in
            for ledger in ledgers {
                group.addTask {
                    var keys: [Int] = []
                    for _ in 0..<20 {
                        if case .granted(let grant) = try await ledger.reserve(provider: provider, excluding: []), let id = grant.keyID {
                            keys.append(id)
                        }
                    }
                    return keys
                }
            }
            return try await group.reduce(into: [Int]()) { $0 += $1 }
        }

        let k1 = try f.key("a", "k1").id
        let k3 = try f.key("a", "k3").id
        #expect(granted.count == 60)
        #expect(granted.filter { $0 == k1 }.count <= 25)
        #expect(granted.filter { $0 != k3 }.count == 40)
        #expect(try f.int("SELECT sum(calls) FROM usage_daily") == 60)
    }

    @Test func bestKeyIsLowestPriorityThenMostCallsLeft() async throws {
        let f = try RoutingFixture()
        try f.addProvider("a", priority: 1)
        let k1 = try f.addKey("a", label: "k1", secret: "secret-a1-0123456789", dailyLimit: 5)
        let k2 = try f.addKey("a", label: "k2", secret: "secret-a2-0123456789", dailyLimit: 10)
        let k3 = try f.addKey("a", label: "k3", secret: "secret-a3-0123456789", priority: 200)
        let ledger = f.ledger()
        let provider = try f.routable("a")

        var chosen: [Int?] = []
        for _ in 0..<12 {
            guard case .granted(let grant) = try await ledger.reserve(provider: provider, excluding: []) else { break }
            chosen.append(grant.keyID)
        }
        // k2 until it has fewer left than k1, then alternating on ties (lower id first), k3 last.
        #expect(chosen == [k2, k2, k2, k2, k2, k1, k2, k1, k2, k1, k2, k1].map { Optional($0) })
        #expect(try await ledger.reserve(provider: provider, excluding: [k1, k2]) == .granted(KeyGrant(keyID: k3, secret: "secret-a3-0123456789")))
    }
}
