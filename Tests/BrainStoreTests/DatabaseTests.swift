import Foundation
import Testing

@testable import BrainStore

@Suite struct DatabaseTests {
    struct Boom: Error {}

    @Test func transactionRollsBackOnThrow() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.databasePath)
        try db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.execute("INSERT INTO settings(key, value) VALUES ('b', '2')")
                try db.execute("UPDATE settings SET value = 'changed' WHERE key = 'a'")
                throw Boom()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM settings")?.int == 1)
        #expect(try db.scalar("SELECT value FROM settings WHERE key = 'a'")?.string == "1")
        #expect(!db.isInTransaction)
    }

    @Test func nestedTransactionRollsBackOnlyInner() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.databasePath)
        try db.transaction {
            try db.execute("INSERT INTO settings(key, value) VALUES ('outer', '1')")
            _ = try? db.transaction { () throws -> Void in
                try db.execute("INSERT INTO settings(key, value) VALUES ('inner', '1')")
                throw Boom()
            }
        }
        #expect(try db.query("SELECT key FROM settings").map { $0.string("key") } == ["outer"])
    }

    @Test func bindsEveryKindAndReadsByNameAndIndex() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(i INTEGER, d REAL, s TEXT, b BLOB, f INTEGER, n TEXT)")
        let blob = Data([0, 1, 2, 255])
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", [42, 2.5, "héllo", blob, true, String?.none])
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)", [0, 0.0, "", Data(), false, "x"])
        let rows = try db.query("SELECT * FROM t ORDER BY i DESC")
        #expect(rows[0].int("i") == 42)
        #expect(rows[0].double("d") == 2.5)
        #expect(rows[0].string("s") == "héllo")
        #expect(rows[0]["b"] == .blob(blob))
        #expect(rows[0].bool("f") == true)
        #expect(rows[0]["n"] == .null)
        #expect(rows[0][2] == .text("héllo"))
        #expect(rows[1].string("s") == "")
        #expect(rows[1].bool("f") == false)
    }

    @Test func connectionSettings() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.databasePath)
        #expect(try db.scalar("PRAGMA journal_mode")?.string == "wal")
        #expect(try db.scalar("PRAGMA synchronous")?.int == 1)
        #expect(try db.scalar("PRAGMA foreign_keys")?.int == 1)
        #expect(try db.scalar("PRAGMA busy_timeout")?.int ?? 0 >= 5000)
    }

    @Test func fileIsPrivate() throws {
        let folder = TemporaryFolder()
        _ = try Database(path: folder.databasePath)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.databasePath)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
        #expect(mode & 0o777 == 0o600)
    }

    @Test func errorsNeverCarryBoundValues() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE k(secret TEXT UNIQUE)")
        try db.execute("INSERT INTO k VALUES (?)", ["sk-very-secret-value-123456"])
        do {
            try db.execute("INSERT INTO k VALUES (?)", ["sk-very-secret-value-123456"])
            Issue.record("expected a unique violation")
        } catch {
            #expect(error.isUniqueViolation)
            #expect(!error.description.contains("sk-very-secret"))
            #expect(error.description.contains("INSERT INTO k"))
        }
    }

    @Test func twoConnectionsWritingAtOnceBothSucceed() async throws {
        let folder = TemporaryFolder()
        _ = try Database(path: folder.databasePath)
        let path = folder.databasePath
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<2 {
                group.addTask {
                    let queue = try DatabaseQueue(path: path)
                    for i in 0..<200 {
                        _ = try await queue.write { db in
                            try db.execute(
                                "INSERT INTO settings(key, value) VALUES (?, ?)", ["w\(writer)-\(i)", "x"])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let db = try Database(path: path)
        #expect(try db.scalar("SELECT count(*) FROM settings")?.int == 400)
    }

    @Test func holdingTheWriteLockMakesOthersWaitNotFail() throws {
        let folder = TemporaryFolder()
        let first = try DatabaseQueue(path: folder.databasePath)
        let second = try Database(path: folder.databasePath)
        try first.sync { db in
            try db.execute("BEGIN IMMEDIATE")
            try db.execute("INSERT INTO settings(key, value) VALUES ('first', '1')")
        }
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            try? first.sync { db in try db.execute("COMMIT") }
            done.signal()
        }
        try second.transaction { try second.execute("INSERT INTO settings(key, value) VALUES ('second', '1')") }
        done.wait()
        #expect(try second.scalar("SELECT count(*) FROM settings")?.int == 2)
    }
}
