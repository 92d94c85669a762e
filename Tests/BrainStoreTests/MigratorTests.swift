import Foundation
import Testing

@testable import BrainStore

@Suite struct MigratorTests {
    static let tables = [
        "providers", "accounts", "api_keys", "usage_daily", "breakers", "templates", "documents",
        "document_paths", "jobs", "calls", "results", "response_cache", "settings",
    ]
    static let views = ["provider_health", "usage_today", "queue_summary", "latency_stats", "error_patterns"]

    @Test func schemaHasEveryTableAndView() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.databasePath)
        let names = Set(try db.query("SELECT name FROM sqlite_schema").compactMap { $0.string("name") })
        for name in Self.tables + Self.views { #expect(names.contains(name), "missing \(name)") }
        for view in Self.views { _ = try db.query("SELECT * FROM \(view)") }
        #expect(try db.scalar("PRAGMA user_version")?.int == Migrator.latestVersion)
    }

    @Test func migratingAnEmptyFileAndReopeningIsIdempotent() throws {
        let folder = TemporaryFolder()
        _ = FileManager.default.createFile(atPath: folder.databasePath, contents: Data())
        let schema: [String]
        do {
            let db = try Database(path: folder.databasePath)
            schema = try db.query("SELECT sql FROM sqlite_schema ORDER BY name").compactMap { $0.string("sql") }
        }
        let reopened = try Database(path: folder.databasePath)
        #expect(reopened.totalChanges == 0)
        #expect(try reopened.scalar("PRAGMA user_version")?.int == Migrator.latestVersion)
        #expect(try reopened.query("SELECT sql FROM sqlite_schema ORDER BY name").compactMap { $0.string("sql") } == schema)
    }

    @Test func migrationsAreNumberedInOrder() {
        let versions = Migrator.migrations.map(\.version)
        #expect(!versions.isEmpty)
        #expect(versions == Array(1...versions.count))
    }

    @Test func refusesANewerFile() throws {
        let folder = TemporaryFolder()
        do {
            let db = try Database(path: folder.databasePath)
            try db.execute("PRAGMA user_version = 999")
        }
        #expect(throws: StoreError.self) { try Database(path: folder.databasePath) }
    }

    @Test func checkConstraintsGuardStates() throws {
        let db = try Database(path: ":memory:")
        try db.execute(
            "INSERT INTO providers(name, kind, base_url, created_at) VALUES ('p', 'openai', 'http://x', 'now')")
        #expect(throws: StoreError.self) {
            try db.execute(
                "INSERT INTO providers(name, kind, base_url, created_at) VALUES ('q', 'soap', 'http://x', 'now')")
        }
        #expect(throws: StoreError.self) {
            try db.execute(
                """
                INSERT INTO jobs(task, input_text, template_name, template_version, state, idempotency_key, created_at, updated_at)
                VALUES ('chat', 'hi', 'chat', 'v', 'exploded', 'k', 'now', 'now')
                """)
        }
    }
}
