import BrainCore
import BrainFake
import BrainProviders
import Testing

@testable import BrainEngine

/// The task's check on answers: one repair on the same provider, then the next provider.
@Suite struct RoutingCheckTests {
    /// Providers `a` (model `ma`) and `b` (model `mb`), so a check can tell their answers apart.
    func setUp() throws -> (RoutingFixture, FakeProvider, FakeProvider) {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, models: ["ma"])
        let b = try f.addProvider("b", priority: 2, models: ["mb"])
        try f.addKey("a", label: "k1", secret: "secret-a1-0123456789")
        try f.addKey("b", label: "k1", secret: "secret-b1-0123456789")
        return (f, a, b)
    }

    static let repairMessages = [
        ChatMessage(role: .user, content: "hello"), ChatMessage(role: .assistant, content: "bad"),
        ChatMessage(role: .user, content: "fix: missing name"),
    ]

    @Test func aRepairThatPassesIsTheAnswer() async throws {
        let (f, a, b) = try setUp()

        let result = try await f.route {
            $0.check = { _, isRepair in isRepair ? .accept : .repair(messages: Self.repairMessages, errors: ["missing name"]) }
        }

        #expect(result.provider == "a")
        #expect(result.repaired)
        #expect(a.requests.count == 2)
        #expect(b.requests.isEmpty)
        #expect(a.requests.last?.bodyText.contains("fix: missing name") == true)
        #expect(try f.outcomes() == ["success", "success"])
        #expect(try f.calls().map { $0.int("attempt") } == [1, 2])
    }

    @Test func aRepairThatFailsMovesToTheNextProviderAsInvalidOutput() async throws {
        let (f, a, b) = try setUp()

        let result = try await f.route {
            $0.check = { completion, isRepair in
                guard completion.model == "ma" else { return .accept }
                return isRepair ? .reject(errors: ["still missing name"]) : .repair(messages: Self.repairMessages, errors: ["missing name"])
            }
        }

        #expect(result.provider == "b")
        #expect(!result.repaired)
        #expect(a.requests.count == 2)
        #expect(b.requests.count == 1)
        #expect(try f.outcomes() == ["success", "invalid_output", "success"])
        #expect(try f.calls()[1].string("error") == "still missing name")
        #expect(result.fallbackChain.map(\.outcome) == ["success", "invalid_output"])
    }

    @Test func aRejectedAnswerIsNotRepaired() async throws {
        let (f, a, b) = try setUp()

        let result = try await f.route {
            $0.check = { completion, _ in completion.model == "ma" ? .reject(errors: ["not json"]) : .accept }
        }

        #expect(result.provider == "b")
        #expect(a.requests.count == 1)
        #expect(b.requests.count == 1)
        #expect(try f.outcomes() == ["invalid_output", "success"])
    }

    @Test func invalidOutputEverywhereFailsTheRequest() async throws {
        let (f, _, _) = try setUp()

        let error = try await f.routeError {
            $0.check = { _, _ in .reject(errors: ["not json"]) }
        }

        #expect(error?.kind == .failed(lastClass: "invalid_output"))
        #expect(error?.attempts.map(\.outcome) == ["invalid_output", "invalid_output"])
    }
}
