import Foundation
import Testing

@testable import BrainStore

@Suite struct ReadOnlyQueryTests {
    @Test(arguments: [
        "DELETE FROM settings",
        "UPDATE settings SET value = 'x'",
        "INSERT INTO settings VALUES ('a', 'b')",
        "ATTACH DATABASE ':memory:' AS other",
        "PRAGMA user_version = 7",
        "PRAGMA journal_mode = DELETE",
        "PRAGMA foreign_keys = OFF",
        "PRAGMA wal_checkpoint",
        "CREATE TABLE evil(x)",
        "DROP TABLE settings",
        "SELECT 1; DELETE FROM settings",
        "VACUUM",
        "REINDEX",
    ])
    func refusesWrites(sql: String) throws {
        let folder = TemporaryFolder()
        do {
            let db = try Database(path: folder.databasePath)
            try db.execute("INSERT INTO settings VALUES ('keep', 'me')")
        }
        let ro = try Database(path: folder.databasePath, mode: .readOnly)
        #expect(throws: (any Error).self) { _ = try ro.readOnlyQuery(sql) }
        let check = try Database(path: folder.databasePath)
        #expect(try check.scalar("SELECT value FROM settings WHERE key = 'keep'")?.string == "me")
        #expect(try check.scalar("PRAGMA user_version")?.int == Migrator.latestVersion)
        #expect(try check.scalar("PRAGMA journal_mode")?.string == "wal")
    }

    @Test(arguments: [
        "SELECT * FROM provider_health",
        "select count(*) from jobs",
        "PRAGMA table_info(jobs)",
        "PRAGMA user_version",
        "WITH x AS (SELECT 1 AS a) SELECT a FROM x",
    ])
    func allowsReads(sql: String) throws {
        let folder = TemporaryFolder()
        _ = try Database(path: folder.databasePath)
        let ro = try Database(path: folder.databasePath, mode: .readOnly)
        _ = try ro.readOnlyQuery(sql)
    }
}
