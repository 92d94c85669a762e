import BrainCore
import BrainEngine

/// `brain results list`: results newest first, with the document's headline field.
struct ResultsListCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["results", "list"], summary: "list results (newest first): verdict, provider, document, name or title",
        arguments: "[--task T] [--limit N] [--json]",
        options: [ReportOptions.task, ReportOptions.limit(defaultValue: defaultLimit), .json],
        discussion: "--json prints one array of result objects (every field but the raw response). See one with: brain results show ID")

    static let defaultLimit = 100

    var task: String?
    var limit: Int?

    init(_ a: ParsedArguments) throws(UsageError) {
        task = try ReportOptions.task(a)
        limit = try ReportOptions.limit(a, defaultValue: Self.defaultLimit)
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase(mode: .readOnly)
        let results = try ResultQueries(db: db).list(task: task, limit: limit)
        if context.json {
            context.outJSON(.array(results.map(\.json)))
            return .ok
        }
        guard !results.isEmpty else {
            context.err("(no results)")
            return .ok
        }
        var table = TextTable(["ID", "JOB", "TASK", "VERDICT", "PROVIDER", "MODEL", "MS", "DOCUMENT", "SUMMARY", "CREATED"])
        for r in results {
            let fields = ResultFlattener.fields(of: r)
            let summary = [fields["name"], fields["title"]].compactMap { $0 }.first { !$0.isEmpty }
            table.add([
                String(r.id), String(r.jobID), r.task, r.verdict, r.provider.cell, ReportOptions.short(r.model, 30),
                r.responseTimeMs.cell, r.documentPath.map { ReportOptions.short($0, 40) } ?? "(text)",
                ReportOptions.short(summary, 40), r.createdAt,
            ])
        }
        context.out(table.rendered)
        if let limit, results.count == limit { context.err("(showing the newest \(limit); --limit 0 shows all)") }
        return .ok
    }
}

/// `brain results show ID`: one result with every field.
struct ResultsShowCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["results", "show"], summary: "show one result: provenance, verdict, errors, warnings and the parsed JSON",
        arguments: "(ID | --job N) [--json]",
        options: [.value("job", "N", "the result of job N instead of result ID"), .json],
        positionals: 0...1,
        discussion: "ID is a result id (brain results list); --job N finds a result by its job id. --json prints every field, the raw response included.")

    enum Target { case result(Int), job(Int) }
    var target: Target

    init(_ a: ParsedArguments) throws(UsageError) {
        switch (a.positionals.first, a.value("job")) {
        case (let id?, nil): target = .result(try ReportOptions.id(id, what: "the result ID"))
        case (nil, let job?): target = .job(try ReportOptions.id(job, what: "--job"))
        default: throw UsageError("give a result ID or --job N (one of them)")
        }
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase(mode: .readOnly)
        let queries = ResultQueries(db: db)
        let r: ResultRecord
        switch target {
        case .result(let id): r = try queries.result(id: id)
        case .job(let id): r = try queries.result(jobID: id)
        }
        if context.json {
            context.outJSON(r.json)
            return .ok
        }
        var lines = [
            "result \(r.id) (job \(r.jobID), \(r.task))",
            "document:   \(r.documentPath ?? "(text)")",
            "provider:   \(r.provider ?? "-")" + (r.model.map { " / \($0)" } ?? ""),
            "verdict:    \(r.verdict)",
            "usage:      tokens \(r.tokensIn.cell) in, \(r.tokensOut.cell) out; \(r.responseTimeMs.map { "\($0) ms" } ?? "- ms"); attempts \(r.totalAttempts)"
                + (r.cost.map { "; cost \($0)" } ?? ""),
            "created:    \(r.createdAt)",
        ]
        if r.fallbackChain.arrayValue?.isEmpty == false { lines.append("fallback:   \(r.fallbackChain.serialized())") }
        if let file = r.outputFile { lines.append("output:     \(file)") }
        lines += Self.list("validation errors", r.validationErrors)
        lines += Self.list("warnings", r.warnings)
        context.out(lines.joined(separator: "\n"))
        context.out("")
        context.out(r.parsed?.serialized(pretty: true) ?? r.response ?? "(no output)")
        return .ok
    }

    static func list(_ title: String, _ value: JSONValue) -> [String] {
        guard let items = value.arrayValue, !items.isEmpty else { return [] }
        return ["\(title):"] + items.map { "  - " + ($0.stringValue ?? $0.serialized()) }
    }
}
