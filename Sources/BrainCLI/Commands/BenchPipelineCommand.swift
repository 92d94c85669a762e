import BrainCore
import BrainEngine
import Foundation

/// `brain bench pipeline`: the batch path end to end against in-process fake providers.
struct BenchPipelineCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["bench", "pipeline"], summary: "measure the job pipeline against in-process fake providers",
        arguments: "[--jobs N] [--latency-ms L] [--concurrency C] [--providers P] [--json]",
        options: [
            .value("jobs", "N", "jobs to enqueue and run (default 2000)"),
            .value("latency-ms", "L", "milliseconds each fake provider waits before answering (default 0)"),
            .value("concurrency", "C", "calls in flight at once (default 1)"),
            .value("providers", "P", "fake providers to register; the first takes the calls (default 2)"),
            .json,
        ],
        discussion: """
            Uses a temporary database in /tmp and fake providers on 127.0.0.1; needs no keys or network,
            and leaves nothing behind. Prints jobs per second, the time per job from claim to settlement,
            the engine's overhead per job (that time minus the provider's latency and minus the bare HTTP
            round trip, measured separately) at p50 and p99, and the process's peak memory (ru_maxrss).
            It measures; it asserts nothing.
            """)

    var settings = PipelineBenchmarkSettings()

    init(_ a: ParsedArguments) throws(UsageError) {
        settings.jobs = try a.int("jobs", range: 1...1_000_000) ?? 2000
        settings.latencyMs = try a.int("latency-ms", range: 0...60_000) ?? 0
        settings.concurrency = try a.int("concurrency", range: 1...256) ?? 1
        settings.providers = try a.int("providers", range: 1...8) ?? 2
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let figures = try await PipelineBenchmark.run(settings)
        if context.json {
            context.outJSON(figures.json)
        } else {
            context.out(figures.summary)
        }
        return .ok
    }
}
