import BrainCore
import BrainStore

/// `brain sql`: one read-only query.
struct SQLCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["sql"], summary: "run one read-only SQL query on the database",
        arguments: "\"SELECT ...\" [--json]", options: [.json], positionals: 1...1,
        discussion: "Writes, ATTACH and pragmas that change state are refused. Views: provider_health, usage_today, queue_summary, latency_stats, error_patterns.")

    var sql: String

    init(_ arguments: ParsedArguments) throws(UsageError) {
        sql = arguments.positionals[0]
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase(mode: .readOnly)
        let rows = try db.readOnlyQuery(sql)
        if context.json {
            context.outJSON(.array(rows.map { row in
                .object(JSONObject(zip(row.columns, row.values).map { ($0, $1.json) }))
            }))
            return .ok
        }
        guard let first = rows.first else {
            context.err("(no rows)")
            return .ok
        }
        var table = TextTable(first.columns)
        for row in rows { table.add(row.values.map { $0.string ?? "NULL" }) }
        context.out(table.rendered)
        return .ok
    }
}

extension SQLValue {
    var json: JSONValue {
        switch self {
        case .null: return .null
        case .integer(let v): return .number(Double(v))
        case .real(let v): return .number(v)
        case .text(let s): return .string(s)
        case .blob(let d): return .string(d.base64EncodedString())
        }
    }
}

import Foundation
