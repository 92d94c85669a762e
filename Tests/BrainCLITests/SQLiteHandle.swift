import BrainStore

/// Direct database access for tests that set up or inspect state the CLI does not expose.
struct SQLiteHandle {
    let db: Database
    init(path: String) throws { db = try Database(path: path) }
    func exec(_ sql: String) throws { try db.execute(sql) }
    func int(_ sql: String) throws -> Int { try db.scalar(sql)?.int ?? -1 }
}
