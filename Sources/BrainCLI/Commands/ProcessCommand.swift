import BrainCore
import BrainEngine

/// `brain process`: one input through extraction, rendering and routing, synchronously.
struct ProcessCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["process"], summary: "process one file or text now and print the result",
        arguments: "(FILE | --text TEXT) --task TASK [--provider P] [--model M] [--max-tokens N] [--temperature X] [--no-cache] [--out DIR] [--json]",
        options: [
            .value("text", "TEXT", "the input text (instead of a file)"),
            .value("task", "TASK", "resume_parsing, jd_parsing, chat or generic"),
            .value("provider", "P", "use only this provider"),
            .value("model", "M", "use this model"),
            .value("max-tokens", "N", "output token limit"),
            .value("temperature", "X", "sampling temperature (0 to 2)"),
            .flag("no-cache", "do not answer from the response cache"),
            .value("out", "DIR", "also write the result as DIR/job-N.json"),
            .json,
        ],
        positionals: 0...1,
        discussion: "Exit codes: 0 done, 1 failed, 75 no provider reachable or all out of quota. Creates the database if needed.")

    var input: SingleRun.Input
    var task: TaskType
    var options: JobOptions
    var outputDirectory: String?

    init(_ a: ParsedArguments) throws(UsageError) {
        if let text = a.value("text") {
            guard a.positionals.isEmpty else { throw UsageError("give a FILE or --text, not both") }
            input = .text(text)
        } else if let file = a.positionals.first {
            input = .file(file)
        } else {
            throw UsageError("give a FILE or --text TEXT")
        }
        guard let name = a.value("task") else { throw UsageError("--task is required (resume_parsing, jd_parsing, chat, generic)") }
        guard let task = TaskType(rawValue: name) else {
            throw UsageError("--task must be one of resume_parsing, jd_parsing, chat, generic, not '\(name)'")
        }
        self.task = task
        options = JobOptions(
            provider: a.value("provider"), model: a.value("model"), maxTokens: try a.int("max-tokens", range: 1...1_000_000),
            temperature: try a.double("temperature", range: 0...2), noCache: a.flag("no-cache"))
        outputDirectory = a.value("out")
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let engine = try Engine(path: context.databasePath, environment: context.environment, clock: context.clock)
        defer { engine.shutdown() }
        let (result, ending) = try await SingleRun(engine: engine).run(input, task: task, options: options, outputDirectory: outputDirectory)
        if context.json {
            context.outJSON(result.json)
        } else if result.success, let response = result.response {
            context.out(response.stringValue ?? response.serialized(pretty: true))
            context.err("\(result.provider ?? "?")/\(result.model ?? "?") in \(String(format: "%.2f", result.responseTime ?? 0))s, \(result.totalAttempts) attempt(s)")
        } else {
            context.err("brain: \(result.errorMessage ?? "failed")")
        }
        switch ending {
        case .done: return result.success ? .ok : .failure
        case .failed: return .failure
        case .unavailable: return .unavailable
        }
    }
}

import Foundation
