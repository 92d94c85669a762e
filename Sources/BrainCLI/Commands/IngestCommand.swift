import BrainCore
import BrainEngine
import BrainStore
import Foundation

/// `brain ingest`: extract files and enqueue one job per document.
struct IngestCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["ingest"], summary: "extract files and folders and enqueue one job per document",
        arguments: "PATH... --task TASK [--include GLOB] [--exclude GLOB] [--force] [--json]",
        options: [
            .value("task", "TASK", "resume_parsing, jd_parsing, chat or generic"),
            .value("include", "GLOB", "only files matching (repeatable), e.g. '*.pdf'", repeatable: true),
            .value("exclude", "GLOB", "skip files matching (repeatable)", repeatable: true),
            .flag("force", "queue documents again even when they were processed"),
            .json,
        ],
        positionals: 1...Int.max,
        discussion: """
            Folders are walked recursively; symbolic links are not followed and hidden files are
            skipped. Each document is stored once by the SHA-256 of its bytes, so ingesting the same
            files again enqueues nothing. Files that fail extraction are listed and recorded in the
            documents table; they never stop the walk. Creates the database if needed.
            """)

    var paths: [String]
    var task: TaskType
    var walker: FileWalker
    var force: Bool

    init(_ a: ParsedArguments) throws(UsageError) {
        paths = a.positionals
        guard let name = a.value("task") else { throw UsageError("--task is required (resume_parsing, jd_parsing, chat, generic)") }
        guard let task = TaskType(rawValue: name) else {
            throw UsageError("--task must be one of resume_parsing, jd_parsing, chat, generic, not '\(name)'")
        }
        self.task = task
        walker = FileWalker(include: a.all("include"), exclude: a.all("exclude"))
        force = a.flag("force")
    }

    @Sendable static func showProgress(done: Int, total: Int) {
        let line = "\r\u{1B}[Kextracting \(done)/\(total)"
        FileHandle.standardError.write(Data(line.utf8))
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let engine = try Engine(path: context.databasePath, environment: context.environment, clock: context.clock)
        defer { engine.shutdown() }
        let terminal = context.isStderrTerminal
        let progress: (@Sendable (Int, Int) -> Void)? = terminal ? Self.showProgress : nil
        let ingestor = Ingestor(queue: engine.queue, clock: context.clock)
        let summary = try await ingestor.ingest(paths: paths, task: task, walker: walker, force: force, progress: progress)
        if terminal { context.err("") }
        if context.json {
            context.outJSON(summary.json)
        } else {
            context.err("\(summary.files) file(s): \(summary.new) new, \(summary.known) already known, \(summary.unsupported) unsupported, \(summary.failed) failed; \(summary.jobsQueued) job(s) queued")
            for p in summary.problems.prefix(50) { context.err("  \(p.path): \(p.reason)") }
            if summary.problems.count > 50 { context.err("  … \(summary.problems.count - 50) more (see: brain sql \"SELECT path, error FROM documents WHERE error IS NOT NULL\")") }
        }
        return .ok
    }
}
