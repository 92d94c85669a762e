import BrainCore
import BrainEngine

/// `brain jobs list`: the outbox, newest first.
struct JobsListCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["jobs", "list"], summary: "list jobs (newest first) with state, attempts, document and last error",
        arguments: "[--state S] [--task T] [--limit N] [--json]",
        options: [
            .value("state", "S", "only jobs in this state: " + states.joined(separator: "|")),
            ReportOptions.task, ReportOptions.limit(defaultValue: defaultLimit), .json,
        ],
        discussion: "--json prints one array of job objects. Re-queue failed jobs with: brain retry --failed")

    static let states = ["queued", "running", "done", "failed"]
    static let defaultLimit = 100

    var state: String?
    var task: String?
    var limit: Int?

    init(_ a: ParsedArguments) throws(UsageError) {
        state = try a.choice("state", Self.states)
        task = try ReportOptions.task(a)
        limit = try ReportOptions.limit(a, defaultValue: Self.defaultLimit)
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase(mode: .readOnly)
        let jobs = try JobQueries(db: db).list(state: state, task: task, limit: limit)
        if context.json {
            context.outJSON(.array(jobs.map(\.json)))
            return .ok
        }
        guard !jobs.isEmpty else {
            context.err("(no jobs)")
            return .ok
        }
        var table = TextTable(["ID", "TASK", "STATE", "ATTEMPTS", "DOCUMENT", "UPDATED", "LAST ERROR"])
        for job in jobs {
            let error = job.lastError.map { message in
                guard let kind = job.lastErrorClass, !message.hasPrefix(kind) else { return message }
                return "\(kind): \(message)"
            }
            table.add([
                String(job.id), job.task, job.state, "\(job.attempts)/\(job.maxAttempts)",
                job.documentPath.map { ReportOptions.short($0, 50) } ?? "(text)", job.updatedAt,
                ReportOptions.short(error, 70),
            ])
        }
        context.out(table.rendered)
        if let limit, jobs.count == limit { context.err("(showing the newest \(limit); --limit 0 shows all)") }
        return .ok
    }
}
