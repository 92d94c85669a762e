import BrainCore
import BrainEngine

/// `brain status`: queue, providers, keys, cache.
struct StatusCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["status"], summary: "queue by state, provider health, keys needing attention, cache use",
        arguments: "[--json]", options: [.json])

    init(_ arguments: ParsedArguments) throws(UsageError) {}

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase()
        let report = try StatusReport.gather(db: db, environment: context.environment, clock: context.clock)
        if context.json {
            context.outJSON(report.json)
            return .ok
        }
        context.out("database: \(report.databasePath)")
        context.out("queue: " + report.queue.map { "\($0.state) \($0.count)" }.joined(separator: ", ")
            + "  (documents \(report.documents), results \(report.results))")
        context.out("")
        var table = TextTable(["PROVIDER", "HEALTH", "BREAKER", "CALLS TODAY", "KEYS", "SUCCESS", "P50", "P95", "LAST ERROR"])
        for p in report.providers {
            table.add([
                p.name, p.health, p.breaker, "\(p.callsToday)/\(p.dailyLimit.map(String.init) ?? "∞")",
                "\(p.keysActive)/\(p.keysTotal)", p.successRate.map { "\($0)%" } ?? "-",
                p.p50LatencyMs.map { "\($0)ms" } ?? "-", p.p95LatencyMs.map { "\($0)ms" } ?? "-",
                p.lastError.map { String($0.prefix(60)) } ?? "-",
            ])
        }
        context.out(table.rendered)
        context.out("")
        context.out("keys: \(report.keysUsable) usable of \(report.keysTotal)")
        if !report.keysNeedingAttention.isEmpty {
            var keys = TextTable(["ID", "PROVIDER", "LABEL", "KEY", "STATE", "UNTIL", "REASON"])
            for k in report.keysNeedingAttention {
                keys.add([String(k.id), k.provider, k.label, k.fingerprint, k.state, k.until?.iso8601 ?? "-", k.reason ?? "-"])
            }
            context.out(keys.rendered)
        }
        context.out("cache: \(report.cacheEntries) entries, \(report.cacheHitsToday) hits today")
        return .ok
    }
}
