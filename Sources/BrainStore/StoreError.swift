import CSQLite

/// Any failure of the SQLite layer.
///
/// Carries SQLite's extended result code, its message and the SQL text, never the bound values
/// (they can be API keys).
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// SQLite's extended result code (e.g. 5 = SQLITE_BUSY, 2067 = SQLITE_CONSTRAINT_UNIQUE).
    public var code: Int32
    public var message: String
    public var sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code).
    public var primaryCode: Int32 { code & 0xFF }

    /// The database stayed locked by another connection past the busy timeout: retrying later can succeed.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }
    public var isUniqueViolation: Bool {
        code == 2067 || code == 1555  // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY (macros Swift cannot import)
    }

    public var description: String {
        var text: String
        if isBusy {
            text = "the database is busy (another brain process holds the write lock past the timeout); try again"
        } else {
            text = "database error \(code): \(message)"
        }
        if let sql { text += " [in: \(sql.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(200))]" }
        return text
    }
}
