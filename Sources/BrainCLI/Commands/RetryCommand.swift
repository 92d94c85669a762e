import BrainCore
import BrainEngine

/// `brain retry`: re-queue failed jobs, or one failed or done job.
struct RetryCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["retry"], summary: "re-queue failed jobs (--failed) or one failed or done job (--id N)",
        arguments: "(--failed | --id N) [--json]",
        options: [
            .flag("failed", "re-queue every failed job"),
            .value("id", "N", "re-queue job N (failed or done; a done job's result is deleted)"),
            .json,
        ],
        discussion: """
            A re-queued job starts over: attempts 0, due now; its last error stays until the next attempt.
            Then drain the queue with: brain run
            --json prints {"requeued": [...], "count": N}.
            """)

    var all: Bool
    var id: Int?

    init(_ a: ParsedArguments) throws(UsageError) {
        all = a.flag("failed")
        id = try a.value("id").map { text throws(UsageError) in try ReportOptions.id(text, what: "--id") }
        guard all != (id != nil) else { throw UsageError("give exactly one of --failed or --id N") }
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase()
        let requeuer = JobRequeuer(db: db, clock: context.clock)
        var requeued: [JobRequeuer.Requeued] = []
        if let id {
            if let job = try requeuer.requeue(id: id) {
                requeued = [job]
            } else {
                context.err("job \(id) is queued already; nothing to do")
            }
        } else {
            requeued = try requeuer.requeueFailed()
        }
        if context.json {
            context.outJSON(["requeued": .array(requeued.map(\.json)), "count": .int(requeued.count)])
            return .ok
        }
        if id == nil && requeued.isEmpty { context.err("no failed jobs; nothing to do") }
        for job in requeued {
            var line = "re-queued job \(job.id) (\(job.task), was \(job.previousState))"
            if let result = job.deletedResultID { line += "; deleted its result \(result)" }
            if let error = job.lastError { line += "; last error: \(ReportOptions.short(error, 80))" }
            context.err(line)
        }
        if !requeued.isEmpty {
            let jobs = requeued.count == 1 ? "1 job; run it" : "\(requeued.count) jobs; run them"
            context.err("re-queued \(jobs) with: brain run")
        }
        return .ok
    }
}
