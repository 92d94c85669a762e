import CSQLite

/// Why `brain sql` refused a statement.
public enum ReadOnlyQueryError: Error, Sendable, Equatable, CustomStringConvertible {
    case notReadOnly(String)
    case multipleStatements
    case empty

    public var description: String {
        switch self {
        case .notReadOnly(let what): return "refused: \(what); brain sql only reads (use the brain commands to change data)"
        case .multipleStatements: return "refused: one statement at a time"
        case .empty: return "no SQL given"
        }
    }
}

/// Pragmas that only report state. Any other pragma, or one of these with an assigned value,
/// is refused by the authorizer.
private let queryPragmas: Set<String> = [
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check", "database_list",
    "collation_list", "function_list", "pragma_list", "module_list", "compile_options",
    "user_version", "schema_version", "application_id", "journal_mode", "page_count", "page_size",
    "freelist_count", "encoding", "foreign_keys", "synchronous", "busy_timeout", "data_version",
]
/// Pragmas whose argument selects what to report instead of setting a value.
private let argumentQueryPragmas: Set<String> = [
    "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
    "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
]

/// The authorizer for read-only connections: reads and query pragmas only.
private let readOnlyAuthorizer:
    @convention(c) (
        UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?,
        UnsafePointer<CChar>?, UnsafePointer<CChar>?
    ) -> Int32 = { _, action, arg1, arg2, _, _ in
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_FUNCTION, SQLITE_RECURSIVE:
            return SQLITE_OK
        case SQLITE_PRAGMA:
            let name = arg1.map { String(cString: $0).lowercased() } ?? ""
            if arg2 == nil { return queryPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY }
            return argumentQueryPragmas.contains(name) ? SQLITE_OK : SQLITE_DENY
        default:
            return SQLITE_DENY
        }
    }

extension Database {
    /// Runs one statement that must only read: opened read-only, checked by
    /// `sqlite3_stmt_readonly`, and guarded by an authorizer that refuses writes, ATTACH,
    /// DETACH and pragmas that change state.
    public func readOnlyQuery(_ sql: String) throws -> [Row] {
        let trimmed = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ReadOnlyQueryError.empty }
        sqlite3_set_authorizer(handle, readOnlyAuthorizer, nil)
        defer { sqlite3_set_authorizer(handle, nil, nil) }
        var stmt: OpaquePointer?
        var tail: UnsafePointer<CChar>?
        let rc = trimmed.withCString { sqlite3_prepare_v2(handle, $0, -1, &stmt, &tail) }
        defer { sqlite3_finalize(stmt) }
        if rc == SQLITE_AUTH { throw ReadOnlyQueryError.notReadOnly(firstWord(trimmed)) }
        guard rc == SQLITE_OK, let stmt else { throw error(code: rc, sql: nil) }
        if let tail, !String(cString: tail).trimmingCharacters(in: CharacterSet(charactersIn: " \t\r\n;")).isEmpty {
            throw ReadOnlyQueryError.multipleStatements
        }
        guard sqlite3_stmt_readonly(stmt) != 0 else { throw ReadOnlyQueryError.notReadOnly(firstWord(trimmed)) }
        let count = sqlite3_column_count(stmt)
        let names = (0..<count).map { String(cString: sqlite3_column_name(stmt, $0)) }
        var rows: [Row] = []
        while true {
            let step = sqlite3_step(stmt)
            if step == SQLITE_DONE { break }
            if step == SQLITE_AUTH { throw ReadOnlyQueryError.notReadOnly(firstWord(trimmed)) }
            guard step == SQLITE_ROW else { throw error(code: step, sql: nil) }
            rows.append(Row(columns: names, values: (0..<count).map { columnValue(stmt, $0) }))
        }
        return rows
    }

    private func firstWord(_ sql: String) -> String {
        String(sql.prefix(while: { !$0.isWhitespace && $0 != "(" })).uppercased()
    }

    private func columnValue(_ stmt: OpaquePointer, _ column: Int32) -> SQLValue {
        switch sqlite3_column_type(stmt, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(stmt, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(stmt, column))
        case SQLITE_NULL: return .null
        case SQLITE_BLOB:
            let n = Int(sqlite3_column_bytes(stmt, column))
            guard n > 0, let p = sqlite3_column_blob(stmt, column) else { return .blob(Data()) }
            return .blob(Data(bytes: p, count: n))
        default:
            guard let p = sqlite3_column_text(stmt, column) else { return .text("") }
            return .text(String(cString: p))
        }
    }
}

import Foundation
