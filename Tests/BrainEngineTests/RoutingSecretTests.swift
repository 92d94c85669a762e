import BrainCore
import BrainFake
import BrainProviders
import BrainStore
import Foundation
import Testing

@testable import BrainEngine

/// Keys live only in the environment: no table of the database ever holds one.
@Suite struct RoutingSecretTests {
    // Shaped unlike any well-known key format, so only real scrubbing can remove them.
    let secretA1 = "brainsecretA1valueQ7x9Zk2mP4"
    let secretA2 = "brainsecretA2valueW3v8Yt6nR1"
    let secretB1 = "brainsecretB1valueE5u2Xs7pL0"

    /// Every text or blob value of every column of every row of every table.
    func everyStoredValue(_ f: RoutingFixture) throws -> [String] {
        try f.queue.sync { db in
            let tables = try db.query("SELECT name FROM sqlite_schema WHERE type = 'table'").compactMap { $0.string("name") }
            var values: [String] = []
            for table in tables {
                for row in try db.query("SELECT * FROM \"\(table)\"") {
                    for value in row.values {
                        switch value {
                        case .text(let text): values.append(text)
                        case .blob(let data): values.append(String(decoding: data, as: UTF8.self))
                        default: break
                        }
                    }
                }
            }
            return values
        }
    }

    @Test func noTableHoldsASecretEvenWhenTheProviderEchoesIt() async throws {
        let f = try RoutingFixture()
        let a = try f.addProvider("a", priority: 1, models: ["m1", "m2"])
        let b = try f.addProvider("b", priority: 2)
        try f.addKey("a", label: "k1", secret: secretA1, priority: 1)
        try f.addKey("a", label: "k2", secret: secretA2, priority: 2)
        try f.addKey("b", label: "k1", secret: secretB1)
        a.enqueue(
            Scripted.badKey(echoing: secretA1),
            Scripted.error(429, "Too many requests for key \(secretA2); also seen: \(secretB1)", type: "requests"),
            Scripted.serverError)
        b.enqueue(
            Scripted.error(500, "upstream rejected \(secretA1) and \(secretB1) and \(secretA2)"),
            Scripted.modelNotFound(secretB1))

        let error = try #require(try await f.routeError("first"))
        f.clock.advance(3600)
        try f.queue.sync { db in try KeyRepository(db: db).enable("a/k1") }
        let second = try #require(try await f.routeError("second") { $0.preferredProviders = ["b"] })
        #expect(second.attempts.map(\.outcome) == ["validation_error", "provider_error"])
        let answered = try await f.route("third")

        let secrets = [secretA1, secretA2, secretB1]
        #expect(a.presentedKeys.contains(secretA1))
        #expect(b.presentedKeys.contains(secretB1))
        let stored = try everyStoredValue(f)
        #expect(stored.count > 20)
        #expect(stored.contains { $0.contains("Incorrect API key") })
        for secret in secrets {
            #expect(!stored.contains { $0.contains(secret) }, "a table holds \(secret)")
            #expect(!error.description.contains(secret))
            #expect(!second.description.contains(secret))
            #expect(!answered.attempts.contains { ($0.detail ?? "").contains(secret) })
        }
        // The file itself (database, WAL) never sees a secret either.
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: f.databasePath + suffix))) ?? Data()
            let text = String(decoding: bytes, as: UTF8.self)
            for secret in secrets {
                let leaked = text.contains(secret)
                #expect(!leaked, "brain.db\(suffix) holds \(secret)")
            }
        }
    }
}
