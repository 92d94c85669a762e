import BrainCore
import BrainEngine
import BrainFake
import BrainResources
import BrainStore
import Foundation

/// `brain demo`: a self-contained run with no keys and no network. Two fake providers on
/// 127.0.0.1 ("flaky" first, rate-limiting and failing part of the time; "steady" behind it),
/// the bundled sample resumes and job descriptions, a fresh database; ingest, run, report.
struct DemoCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["demo"], summary: "a self-contained run on built-in fake providers and sample documents (no keys, no network)",
        arguments: "[--keep DIR] [--timeout S] [--json]",
        options: [
            .value("keep", "DIR", "work in DIR and keep it (documents and brain.db) afterwards"),
            .value("timeout", "S", "stop processing after S seconds (default 60)"),
            .json,
        ],
        discussion: """
            Writes the bundled samples (resumes and job descriptions as .txt, .html, .rtf, .docx, .odt
            and .pdf) into a temporary folder, starts two fake OpenAI-compatible providers on
            127.0.0.1 and a database that knows only them, ingests, processes with 4 calls in
            flight, then prints provider use, fallbacks and the results. The fake providers answer
            with prepared results for the samples. Nothing leaves this machine; the global --db is
            not used. Without --keep the folder is removed at the end.
            Exit codes: 0 every job done; 3 some failed; 1 anything else.
            """)

    var keep: String?
    var timeout: Double

    init(_ a: ParsedArguments) throws(UsageError) {
        keep = a.value("keep")
        if keep?.isEmpty == true { throw UsageError("--keep needs a folder") }
        timeout = try a.double("timeout", range: 1...3600) ?? 60
    }

    /// How the two fake providers behave: "flaky" rate-limits 30% and fails 20% of calls; the
    /// seed makes its very first answer a 429, so a fallback happens on every run.
    static let providerPlans: [(name: String, priority: Int, options: FakeProviderOptions)] = [
        ("flaky", 1, FakeProviderOptions(latencyMs: 60, failRate: 0.2, rateLimitRate: 0.3, retryAfterSeconds: 1, seed: 5, defaultModel: "demo-small")),
        ("steady", 2, FakeProviderOptions(latencyMs: 120, seed: 2, defaultModel: "demo-large")),
    ]

    func run(_ context: CommandContext) async throws -> ExitCode {
        let samples = try DemoSamples.embedded()
        let workspace = try DemoWorkspace(keep: keep)
        defer { workspace.finish() }
        try samples.write(into: workspace.folder)
        LoopbackProxyBypass.apply()

        var providers: [DemoProvider] = []
        defer { for p in providers { p.stop() } }
        for plan in Self.providerPlans {
            providers.append(try DemoProvider.start(name: plan.name, priority: plan.priority, options: plan.options, samples: samples))
        }
        // Only the fakes' keys: no real key reaches this database, whatever the shell holds.
        var environment: [String: String] = [:]
        for p in providers { environment[p.keyVariable] = "demo-\(p.name)-" + UUID().uuidString.lowercased() }

        let narrate: (String) -> Void = context.json ? { _ in } : { context.out($0) }
        narrate("brain demo: \(samples.count(.resumeParsing)) resumes and \(samples.count(.jdParsing)) job descriptions "
            + "(\(samples.formats.joined(separator: ", "))), two fake providers on 127.0.0.1, no keys, no network")
        narrate("folder: \(workspace.folder.path)" + (workspace.kept ? "" : " (removed at the end)"))
        for (p, plan) in zip(providers, Self.providerPlans) {
            let o = plan.options
            let behaviour = o.failRate > 0 || o.rateLimitRate > 0
                ? "rate-limits \(Int(o.rateLimitRate * 100))% (retry after \(o.retryAfterSeconds)s), fails \(Int(o.failRate * 100))%"
                : "always answers"
            let padded = p.name.padding(toLength: Self.providerPlans.map(\.name.count).max() ?? 0, withPad: " ", startingAt: 0)
            narrate("  \(padded)  priority \(p.priority)  \(p.baseURL)  \(o.latencyMs)ms, \(behaviour)")
        }

        try createDatabase(workspace, providers: providers, clock: context.clock)
        let engine = try Engine(path: workspace.databasePath, environment: environment, clock: context.clock)
        defer { engine.shutdown() }

        var ingested: [(TaskType, IngestSummary)] = []
        let ingestor = Ingestor(queue: engine.queue, clock: context.clock)
        for (folder, task) in DemoSamples.folders {
            let path = workspace.folder.appendingPathComponent(folder).path
            ingested.append((task, try await ingestor.ingest(paths: [path], task: task, walker: FileWalker(), force: false)))
        }
        for (task, s) in ingested {
            narrate("ingest \(task.rawValue): \(s.files) file(s), \(s.jobsQueued) job(s) queued"
                + (s.problems.isEmpty ? "" : "; problems: " + s.problems.map { "\($0.path): \($0.reason)" }.joined(separator: "; ")))
        }
        narrate("")

        let summary = try await process(engine, workspace: workspace, context: context)
        let keys = environment
        let clock = context.clock
        let report = try await engine.queue.read { db in
            try DemoReport.gather(db: db, folder: workspace.folder, environment: keys, clock: clock)
        }
        let complete = report.jobsTotal > 0 && report.jobsDone == report.jobsTotal
        if context.json {
            var json = report.json.objectValue ?? JSONObject()
            json["folder"] = .string(workspace.folder.path)
            json["database"] = .string(workspace.databasePath)
            json["kept"] = .bool(workspace.kept)
            json["ingest"] = .object(JSONObject(ingested.map { ($0.0.rawValue, $0.1.json) }))
            json["run"] = summary.json
            context.outJSON(.object(json))
        } else {
            narrate(report.text)
            narrate("")
            narrate(nextSteps(workspace))
        }
        if complete { return .ok }
        context.err("brain demo: \(report.jobsDone) of \(report.jobsTotal) job(s) done" + (summary.failed > 0 ? "; \(summary.failed) failed" : ""))
        return summary.failed > 0 ? .someFailed : .failure
    }

    /// Creates the demo's database before the engine opens it: the built-in templates (a
    /// `./templates` folder where the demo was started is not used) and only the fake
    /// providers, each with an `env:` key, so no default provider ever appears in it.
    private func createDatabase(_ workspace: DemoWorkspace, providers: [DemoProvider], clock: any WallClock) throws {
        let templates = workspace.folder.appendingPathComponent("templates")
        for (path, text) in BrainResources.textFiles(under: "templates") {
            let file = templates.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        let db = try Database(path: workspace.databasePath)
        try db.transaction {
            var report = SetupReport()
            try TemplateSetup.load(directory: templates.path, db: db, clock: clock, into: &report)
            let repository = ProviderRepository(db: db, clock: clock)
            let keys = KeyRepository(db: db, clock: clock)
            for p in providers {
                try repository.add(ProviderRecord(
                    name: p.name, kind: "openai", baseURL: p.baseURL, priority: p.priority, models: [p.options.defaultModel],
                    dailyLimit: nil, timeoutMilliseconds: 5000, breakerRecoverySeconds: 5))
                try keys.add(provider: p.name, .init(reference: "env:\(p.keyVariable)"))
            }
        }
    }

    /// Drains the queue with 4 calls in flight, showing progress like `brain run`; stops claiming
    /// after the timeout or at Ctrl-C.
    private func process(_ engine: Engine, workspace: DemoWorkspace, context: CommandContext) async throws -> RunSummary {
        let total = try await engine.queue.read { db in try db.scalar("SELECT count(*) FROM jobs WHERE state = 'queued'")?.int ?? 0 }
        let display = ProgressDisplay(total: total, isTerminal: context.isStderrTerminal)
        var settings = Worker.Settings()
        settings.concurrency = 4
        settings.leaseSeconds = 30
        settings.pollSeconds = 0.2
        let worker = Worker(engine: engine, settings: settings) { display.update($0) }
        let signals = SignalHandlers { [workspace] count in
            worker.requestStop()
            if count > 1 {
                worker.releaseLeasesNow()
                workspace.finish()
                exit(130)
            }
        }
        defer { signals.cancel() }
        let limit = timeout
        let watchdog = Task {
            try await Task.sleep(for: .milliseconds(Int(limit * 1000)))
            worker.requestStop()
            FileHandle.standardError.write(Data("\nbrain demo: stopped claiming jobs after \(Int(limit))s\n".utf8))
        }
        defer { watchdog.cancel() }
        let summary = try await worker.run()
        display.update(summary, force: true)
        display.finish()
        if !context.json {
            let mix = summary.providers.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            context.out("run: done \(summary.done), failed \(summary.failed), waiting \(summary.waiting) in "
                + String(format: "%.1f", summary.elapsedSeconds) + "s" + (mix.isEmpty ? "" : " (\(mix))") + "\n")
        }
        return summary
    }

    private func nextSteps(_ workspace: DemoWorkspace) -> String {
        guard workspace.kept else {
            return "the demo's folder is gone; keep one with: brain demo --keep DIR"
        }
        let db = Self.shellQuoted(workspace.databasePath)
        return """
            the database is \(workspace.databasePath); try:
              brain --db \(db) results list
              brain --db \(db) results export --format csv
              brain --db \(db) logs --limit 10
              sqlite3 \(db) "SELECT provider, outcome, count(*) FROM calls GROUP BY 1, 2"
            (the fake providers stopped with the demo, so brain run on this database finds no provider)
            """
    }

    static func shellQuoted(_ path: String) -> String {
        path.allSatisfy({ $0.isLetter || $0.isNumber || "/._-+".contains($0) }) ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
