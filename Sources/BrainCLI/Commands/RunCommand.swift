import BrainCore
import BrainEngine
import Foundation

/// `brain run` (alias `brain sync`): drain the outbox.
struct RunCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["run"], summary: "process queued jobs with N concurrent calls (alias: brain sync)",
        arguments: "[--concurrency N] [--limit N] [--watch] [--out DIR] [--json]",
        options: [
            .value("concurrency", "N", "calls in flight at once (default 8)"),
            .value("limit", "N", "stop after N jobs"),
            .flag("watch", "keep running and pick up newly ingested jobs"),
            .value("out", "DIR", "also write each result as DIR/job-N.json"),
            .value("lease-seconds", "S", "how long a claimed job stays reserved without renewal (default 120)"),
            .json,
        ],
        discussion: """
            Exit codes: 0 all done; 3 finished but some jobs failed; 75 nothing could be sent (every
            provider unreachable or out of quota: the jobs stay queued, run again later).
            Ctrl-C stops claiming and lets calls in flight finish; a second Ctrl-C quits at once,
            putting unfinished jobs back in the queue.
            """)

    var settings = Worker.Settings()

    init(_ a: ParsedArguments) throws(UsageError) {
        settings.concurrency = try a.int("concurrency", range: 1...256) ?? 8
        settings.limit = try a.int("limit", range: 1...Int.max)
        settings.watch = a.flag("watch")
        settings.outputDirectory = a.value("out")
        settings.leaseSeconds = try a.double("lease-seconds", range: 5...86_400) ?? 120
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        _ = try context.openDatabase()
        let engine = try Engine(path: context.databasePath, environment: context.environment, clock: context.clock)
        defer { engine.shutdown() }
        var settings = self.settings
        settings = try await engine.queue.read { [settings] db in
            var loaded = settings
            try loaded.load(from: db)
            return loaded
        }
        let queued = try await engine.queue.read { db in
            try db.scalar("SELECT count(*) FROM jobs WHERE state IN ('queued', 'running')")?.int ?? 0
        }
        let display = ProgressDisplay(total: settings.limit.map { min($0, queued) } ?? queued, isTerminal: context.isStderrTerminal)
        let worker = Worker(engine: engine, settings: settings) { display.update($0) }
        let signals = SignalHandlers { count in
            if count == 1 {
                worker.requestStop()
                FileHandle.standardError.write(Data("\nstopping: finishing calls in flight (Ctrl-C again to quit now)\n".utf8))
            } else {
                worker.releaseLeasesNow()
                FileHandle.standardError.write(Data("\nquit: unfinished jobs are back in the queue\n".utf8))
                exit(130)
            }
        }
        defer { signals.cancel() }
        let summary = try await worker.run()
        display.update(summary, force: true)
        display.finish()
        if context.json {
            context.outJSON(summary.json)
        } else {
            var line = "done \(summary.done), failed \(summary.failed), waiting \(summary.waiting) in \(String(format: "%.1f", summary.elapsedSeconds))s"
            if !summary.providers.isEmpty {
                line += " (" + summary.providers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            }
            context.err(line)
            switch summary.stopReason {
            case .offline: context.err("offline: no provider is reachable; \(summary.waiting) job(s) wait in the queue. Run brain run again later.")
            case .unavailable:
                context.err("no provider can take calls now (quota or cooldown); \(summary.waiting) job(s) wait"
                    + (summary.retryAt.map { "; the first frees up at \($0.iso8601)" } ?? "") + ".")
            case .interrupted: context.err("interrupted; \(summary.waiting) job(s) wait in the queue.")
            case nil: break
            }
            if summary.failed > 0 { context.err("see the failures with: brain jobs list --state failed") }
        }
        if summary.stopReason == .offline || summary.stopReason == .unavailable { return .unavailable }
        if summary.failed > 0 { return .someFailed }
        return .ok
    }
}

/// `brain sync`: the same command as `brain run`.
struct SyncCommand: CLICommand {
    static var spec: CommandSpec {
        var s = RunCommand.spec
        s.path = ["sync"]
        s.summary = "the same as brain run"
        return s
    }
    let inner: RunCommand
    init(_ a: ParsedArguments) throws(UsageError) { inner = try RunCommand(a) }
    func run(_ context: CommandContext) async throws -> ExitCode { try await inner.run(context) }
}

/// SIGINT/SIGTERM handlers that count presses; the handler gets 1 for the first, 2 for the next.
final class SignalHandlers: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private var count = 0
    private let lock = NSLock()

    init(_ handler: @escaping @Sendable (Int) -> Void) {
        let queue = DispatchQueue(label: "brain.signals")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let n = self.lock.withLock { () -> Int in
                    self.count += 1
                    return self.count
                }
                handler(n)
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for s in sources { s.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
