import CSQLite
import Foundation

/// A prepared statement owned by one connection. Not Sendable: it lives on its connection's thread.
public final class Statement {
    let handle: OpaquePointer
    public let sql: String
    unowned let database: Database

    init(database: Database, sql: String) throws(StoreError) {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(database.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else {
            throw database.error(code: rc, sql: sql)
        }
        self.handle = stmt
        self.sql = sql
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// A valid pointer for binding an empty string (an empty Swift string has no storage address).
    nonisolated(unsafe) static let emptyText: UnsafePointer<CChar> = UnsafeRawPointer(("" as StaticString).utf8Start)
        .assumingMemoryBound(to: CChar.self)

    /// Names of the result columns.
    public lazy var columnNames: [String] = (0..<sqlite3_column_count(handle)).map {
        String(cString: sqlite3_column_name(handle, $0))
    }

    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ values: [SQLValue]) throws(StoreError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard values.count == expected else {
            throw StoreError(
                code: SQLITE_RANGE, message: "expected \(expected) parameters, got \(values.count)", sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let i = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, i)
            case .integer(let v): rc = sqlite3_bind_int64(handle, i, v)
            case .real(let v): rc = sqlite3_bind_double(handle, i, v)
            case .text(let s):
                var copy = s
                rc = copy.withUTF8 { buf in
                    buf.withMemoryRebound(to: CChar.self) {
                        brain_sqlite3_bind_text_transient(handle, i, $0.baseAddress ?? Statement.emptyText, Int32($0.count))
                    }
                }
            case .blob(let d):
                rc = d.withUnsafeBytes { raw in
                    brain_sqlite3_bind_blob_transient(handle, i, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count))
                }
            }
            guard rc == SQLITE_OK else { throw database.error(code: rc, sql: sql) }
        }
    }

    /// Steps once: true when a row is available.
    func step() throws(StoreError) -> Bool {
        let rc = sqlite3_step(handle)
        switch rc {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code: rc, sql: sql)
        }
    }

    func value(at column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            guard let p = sqlite3_column_text(handle, column) else { return .text("") }
            let n = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(handle, column))
            guard n > 0, let p = sqlite3_column_blob(handle, column) else { return .blob(Data()) }
            return .blob(Data(bytes: p, count: n))
        default: return .null
        }
    }

    /// Whether the statement only reads (SQLite's own judgement).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }
}
