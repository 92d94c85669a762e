import CSQLite
import Foundation

/// One SQLite connection, set up the way every brain connection must be.
///
/// WAL (verified by reading the pragma back), `synchronous=NORMAL` (set explicitly: Debian's
/// build defaults WAL to FULL), `foreign_keys=ON`, a busy timeout, extended result codes. A new
/// file is created with mode 0600 because it can hold API keys. Prepared statements are cached
/// per SQL text. Not Sendable: use it from one thread at a time (see `DatabaseQueue`).
public final class Database {
    /// How the file is opened.
    public enum Mode: Sendable {
        /// Read and write, creating the file when missing, and migrating it to the current schema.
        case readWrite
        /// Read only; the file must exist. SQLite itself refuses every write.
        case readOnly
    }

    let handle: OpaquePointer
    public let path: String
    public let mode: Mode
    private var cache: [String: Statement] = [:]
    var transactionDepth = 0
    /// The WAL hook's closure when `takeOverCheckpoints` installed one; released on close.
    var walHook: Unmanaged<CheckpointHook>?

    /// Milliseconds a statement waits for another connection's lock before failing with SQLITE_BUSY.
    public static let busyTimeoutMilliseconds: Int32 = 10_000

    public init(path: String, mode: Mode = .readWrite, migrate: Bool = true) throws(StoreError) {
        self.path = path
        self.mode = mode
        if mode == .readWrite, path != ":memory:" { try Database.createPrivateFile(at: path) }
        var db: OpaquePointer?
        let flags =
            (mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
            | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw StoreError(code: rc, message: "\(message) (\(path))")
        }
        handle = db
        try setUp()
        if mode == .readWrite && migrate { try Migrator.migrate(self) }
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
        walHook?.release()
    }

    /// Creates the file with mode 0600 when it does not exist yet, so SQLite (and its -wal and
    /// -shm files, which inherit the main file's mode) never exposes keys to other users.
    private static func createPrivateFile(at path: String) throws(StoreError) {
        if FileManager.default.fileExists(atPath: path) { return }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd >= 0 {
            close(fd)
        } else if errno != EEXIST {
            throw StoreError(code: SQLITE_CANTOPEN, message: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func setUp() throws(StoreError) {
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Database.busyTimeoutMilliseconds)
        if mode == .readWrite {
            let journal = try scalar("PRAGMA journal_mode=WAL")?.string?.lowercased()
            guard journal == "wal" || path == ":memory:" else {
                throw StoreError(code: SQLITE_ERROR, message: "could not switch \(path) to WAL (got \(journal ?? "nothing"))")
            }
        }
        try execute("PRAGMA synchronous=NORMAL")
        try execute("PRAGMA foreign_keys=ON")
        // 16 MiB of page cache (SQLite's default is 2 MiB): a batch run touches the queue, the
        // cache index and the documents at random, and every miss is a read from the log.
        if mode == .readWrite { try execute("PRAGMA cache_size=-16384") }
    }

    func error(code: Int32, sql: String?) -> StoreError {
        let extended = sqlite3_extended_errcode(handle)
        return StoreError(code: extended != 0 ? extended : code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }

    /// A cached prepared statement for `sql`.
    public func statement(_ sql: String) throws(StoreError) -> Statement {
        if let s = cache[sql] { return s }
        let s = try Statement(database: self, sql: sql)
        cache[sql] = s
        return s
    }

    /// Runs `sql` (one statement) with `arguments`, discarding any rows.
    public func execute(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws(StoreError) {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(arguments.map(\.sqlValue))
        while try s.step() {}
    }

    /// Runs several `;`-separated statements without arguments (migrations).
    public func executeScript(_ sql: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &message)
        if rc != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? "error"
            sqlite3_free(message)
            throw StoreError(code: sqlite3_extended_errcode(handle), message: text, sql: String(sql.prefix(200)))
        }
    }

    /// All rows of `sql`.
    public func query(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws(StoreError) -> [Row] {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(arguments.map(\.sqlValue))
        let names = s.columnNames
        var rows: [Row] = []
        let n = Int32(names.count)
        while try s.step() {
            rows.append(Row(columns: names, values: (0..<n).map { s.value(at: $0) }))
        }
        return rows
    }

    /// The first row of `sql`, or nil.
    public func queryOne(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws(StoreError) -> Row? {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(arguments.map(\.sqlValue))
        guard try s.step() else { return nil }
        return Row(columns: s.columnNames, values: (0..<Int32(s.columnNames.count)).map { s.value(at: $0) })
    }

    /// The first column of the first row, or nil.
    public func scalar(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws(StoreError) -> SQLValue? {
        let s = try statement(sql)
        defer { s.reset() }
        try s.bind(arguments.map(\.sqlValue))
        guard try s.step() else { return nil }
        return s.value(at: 0)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }
    public var lastInsertRowID: Int { Int(sqlite3_last_insert_rowid(handle)) }
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// How a transaction takes its locks.
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at BEGIN: use for anything that reads then writes.
        case immediate = "IMMEDIATE"
        /// Takes locks lazily: use for reads that must see one snapshot.
        case deferred = "DEFERRED"
    }

    /// Runs `body` in a transaction that commits when it returns and rolls back on any thrown
    /// error. Nested calls become savepoints.
    public func transaction<T>(_ kind: TransactionKind = .immediate, _ body: () throws -> T) throws -> T {
        if transactionDepth > 0 {
            let name = "sp\(transactionDepth)"
            try execute("SAVEPOINT \(name)")
            transactionDepth += 1
            defer { transactionDepth -= 1 }
            do {
                let value = try body()
                try execute("RELEASE \(name)")
                return value
            } catch {
                try? execute("ROLLBACK TO \(name)")
                try? execute("RELEASE \(name)")
                throw error
            }
        }
        try execute("BEGIN \(kind.rawValue)")
        return try committing(body)
    }

    /// Runs `body` inside the transaction just begun: commits when it returns, rolls back on error.
    func committing<T>(_ body: () throws -> T) throws -> T {
        transactionDepth = 1
        defer { transactionDepth = 0 }
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }
}

extension Database {
    /// Rows changed by every statement since the connection opened (tests check that opening an
    /// up-to-date file writes nothing).
    public var totalChanges: Int { Int(sqlite3_total_changes(handle)) }
}
