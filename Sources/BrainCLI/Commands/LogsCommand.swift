import BrainCore
import BrainEngine

/// `brain logs`: the call log, newest first.
struct LogsCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["logs"], summary: "the call log, newest first: provider, model, key, outcome, status, latency, tokens, error",
        arguments: "[--limit N] [--job N] [--provider P] [--outcome O] [--json]",
        options: [
            ReportOptions.limit(defaultValue: defaultLimit),
            .value("job", "N", "only calls made for job N"),
            .value("provider", "P", "only calls to provider P"),
            .value("outcome", "O", "only this outcome: " + CallLogQueries.outcomes.joined(separator: "|")),
            .json,
        ],
        discussion: "Keys are shown by label; --json prints one array of call objects (key_id and key_label, never the key).")

    static let defaultLimit = 50

    var limit: Int?
    var job: Int?
    var provider: String?
    var outcome: String?

    init(_ a: ParsedArguments) throws(UsageError) {
        limit = try ReportOptions.limit(a, defaultValue: Self.defaultLimit)
        job = try a.value("job").map { text throws(UsageError) in try ReportOptions.id(text, what: "--job") }
        provider = a.value("provider")
        outcome = try a.choice("outcome", CallLogQueries.outcomes)
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase(mode: .readOnly)
        let calls = try CallLogQueries(db: db).recent(limit: limit, jobID: job, provider: provider, outcome: outcome)
        if context.json {
            context.outJSON(.array(calls.map(\.json)))
            return .ok
        }
        guard !calls.isEmpty else {
            context.err("(no calls)")
            return .ok
        }
        var table = TextTable(["ID", "STARTED", "PROVIDER", "MODEL", "KEY", "JOB", "TRY", "OUTCOME", "HTTP", "MS", "TOKENS", "ERROR"])
        for c in calls {
            let tokens = c.tokensIn == nil && c.tokensOut == nil ? "-" : "\(c.tokensIn.cell)/\(c.tokensOut.cell)"
            table.add([
                String(c.id), c.startedAt, c.provider, ReportOptions.short(c.model, 30), ReportOptions.short(c.keyLabel, 20),
                c.jobID.cell, String(c.attempt), c.outcome, c.httpStatus.cell, c.durationMs.cell, tokens,
                ReportOptions.short(c.error, 60),
            ])
        }
        context.out(table.rendered)
        if let limit, calls.count == limit { context.err("(showing the newest \(limit); --limit N shows more, 0 all)") }
        return .ok
    }
}
