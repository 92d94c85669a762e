import BrainCore
import BrainEngine
import BrainStore
import Foundation

/// What `brain demo` shows at the end, read back from its database: how each provider was
/// used, how many jobs fell back, the status report and one line per result.
struct DemoReport {
    /// One fake provider's share of the run.
    struct ProviderUse {
        var name: String
        var baseURL: String
        var priority: Int
        var calls = 0
        var succeeded = 0
        var rateLimited = 0
        /// Calls that failed for any other reason (server errors, timeouts, bad answers).
        var failed = 0
        /// Jobs whose result this provider gave.
        var answered = 0
    }

    /// One result, summarised.
    struct ResultLine {
        var jobID: Int
        var document: String
        var task: String
        var provider: String
        var verdict: String
        /// Providers tried before the one that answered, each with its first outcome ("flaky rate limited").
        var fellBackFrom: [String]
        var headline: String
        var details: String
        var record: ResultRecord
    }

    var providers: [ProviderUse]
    var status: StatusReport
    var results: [ResultLine]
    var jobsTotal: Int
    var jobsDone: Int

    /// Jobs answered by a provider other than the first one tried.
    var fallbacks: Int { results.filter { !$0.fellBackFrom.isEmpty }.count }

    static func gather(db: Database, folder: URL, environment: [String: String], clock: any WallClock) throws -> DemoReport {
        var providers = try ProviderRepository(db: db, clock: clock).all().map {
            ProviderUse(name: $0.name, baseURL: $0.baseURL, priority: $0.priority)
        }
        for row in try db.query(
            """
            SELECT provider, count(*) AS calls, sum(outcome = 'success') AS ok, sum(outcome = 'rate_limit_error') AS limited,
                   sum(outcome NOT IN ('success', 'cache_hit', 'rate_limit_error')) AS failed
            FROM calls GROUP BY provider
            """)
        {
            guard let i = providers.firstIndex(where: { $0.name == row.string("provider") }) else { continue }
            providers[i].calls = row.int("calls") ?? 0
            providers[i].succeeded = row.int("ok") ?? 0
            providers[i].rateLimited = row.int("limited") ?? 0
            providers[i].failed = row.int("failed") ?? 0
        }
        let records = try ResultQueries(db: db).list().sorted { $0.jobID < $1.jobID }
        for record in records {
            if let i = providers.firstIndex(where: { $0.name == record.provider }) { providers[i].answered += 1 }
        }
        let prefix = folder.standardizedFileURL.path + "/"
        let results = records.map { record in
            let (headline, details) = summary(record.parsed, task: record.task)
            let path = record.documentPath ?? "-"
            return ResultLine(
                jobID: record.jobID, document: path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path,
                task: record.task, provider: record.provider ?? "-", verdict: record.verdict,
                fellBackFrom: fallbackSteps(record.fallbackChain),
                headline: headline, details: details, record: record)
        }
        return DemoReport(
            providers: providers, status: try StatusReport.gather(db: db, environment: environment, clock: clock),
            results: results, jobsTotal: try db.scalar("SELECT count(*) FROM jobs")?.int ?? 0,
            jobsDone: try db.scalar("SELECT count(*) FROM jobs WHERE state = 'done'")?.int ?? 0)
    }

    /// Each provider of a fallback chain once, with its first outcome in words.
    static func fallbackSteps(_ chain: JSONValue) -> [String] {
        var seen: Set<String> = []
        var steps: [String] = []
        for step in chain.arrayValue ?? [] {
            let provider = step["provider"]?.stringValue ?? "?"
            guard seen.insert(provider).inserted else { continue }
            let outcome = step["outcome"]?.stringValue ?? "?"
            steps.append("\(provider) \(outcomeWords[outcome] ?? outcome)")
        }
        return steps
    }

    static let outcomeWords = [
        "rate_limit_error": "rate limited", "provider_error": "server error", "timeout": "timed out",
        "network_error": "unreachable", "skipped": "cooling or closed", "invalid_output": "gave an invalid answer",
        "quota_exhausted": "out of quota", "auth_error": "refused the key", "malformed_response": "gave a malformed answer",
    ]

    /// A result's headline (name and title, or title and company) and a few fields.
    static func summary(_ parsed: JSONValue?, task: String) -> (String, String) {
        guard let parsed else { return ("(no structured result)", "") }
        func strings(_ values: [JSONValue]?, _ limit: Int) -> String {
            (values ?? []).compactMap(\.stringValue).prefix(limit).joined(separator: ", ")
        }
        if task == TaskType.resumeParsing.rawValue {
            let basics = parsed["basics"]
            let headline = [basics?["name"]?.stringValue, basics?["label"]?.stringValue].compactMap { $0 }.joined(separator: ", ")
            var details: [String] = []
            if let years = parsed["derived"]?["totalYearsExperience"]?.doubleValue { details.append(String(format: "%.1f years", years)) }
            if let seniority = parsed["derived"]?["seniority"]?.stringValue { details.append(seniority) }
            if let current = parsed["work"]?[0]?["name"]?.stringValue { details.append("at \(current)") }
            let skills = strings(parsed["derived"]?["skillsNormalized"]?.arrayValue, 3)
            return (headline, (details + (skills.isEmpty ? [] : [skills])).joined(separator: "; "))
        }
        let company = parsed["hiringOrganization"]?["name"]?.stringValue
        let headline = (parsed["title"]?.stringValue ?? "?") + (company.map { " at \($0)" } ?? "")
        let address = parsed["jobLocation"]?[0]?["address"]
        let place = [address?["addressLocality"]?.stringValue, address?["addressCountry"]?.stringValue].compactMap { $0 }.joined(separator: ", ")
        let required = (parsed["skills"]?.arrayValue ?? []).filter { $0["requirement"]?.stringValue == "required" }.map { $0["name"] ?? .null }
        let details = [place.isEmpty ? nil : place, parsed["remote"]?.stringValue.map { "remote: \($0.lowercased())" },
                       required.isEmpty ? nil : "needs " + strings(required, 3)].compactMap { $0 }
        return (headline, details.joined(separator: "; "))
    }

    var json: JSONValue {
        [
            "jobs": ["total": .int(jobsTotal), "done": .int(jobsDone)],
            "fallbacks": .int(fallbacks),
            "providers": .array(providers.map { p in
                [
                    "name": .string(p.name), "base_url": .string(p.baseURL), "priority": .int(p.priority),
                    "calls": .int(p.calls), "succeeded": .int(p.succeeded), "rate_limited": .int(p.rateLimited),
                    "failed": .int(p.failed), "answered": .int(p.answered),
                ]
            }),
            "status": status.json,
            "results": .array(results.map { r in
                [
                    "job_id": .int(r.jobID), "document": .string(r.document), "task": .string(r.task),
                    "provider": .string(r.provider), "verdict": .string(r.verdict),
                    "fallback_chain": r.record.fallbackChain, "warnings": r.record.warnings,
                    "headline": .string(r.headline), "details": .string(r.details),
                    "parsed": r.record.parsed ?? .null,
                ]
            }),
        ]
    }

    /// The human report: provider table, fallbacks, keys needing attention, results.
    var text: String {
        var lines: [String] = []
        var table = TextTable(["PROVIDER", "PRIORITY", "HEALTH", "BREAKER", "CALLS", "OK", "RATE LIMITED", "FAILED", "ANSWERED", "P50", "P95"])
        for p in providers {
            let line = status.providers.first { $0.name == p.name }
            table.add([
                p.name, String(p.priority), line?.health ?? "-", line?.breaker ?? "-", String(p.calls), String(p.succeeded),
                String(p.rateLimited), String(p.failed), String(p.answered), line?.p50LatencyMs.map { "\($0)ms" } ?? "-",
                line?.p95LatencyMs.map { "\($0)ms" } ?? "-",
            ])
        }
        lines.append(table.rendered)
        lines.append("")
        lines.append("fallbacks: \(fallbacks) of \(results.count) job(s) were answered after the first provider failed, was rate limited or was cooling down")
        for key in status.keysNeedingAttention {
            let until = key.until.map { " until \($0.iso8601)" } ?? ""
            let reason = key.reason.map { $0.count > 72 ? " (" + $0.prefix(71) + "…)" : " (\($0))" } ?? ""
            lines.append("key \(key.provider)/\(key.label): \(key.state)\(until)\(reason)")
        }
        lines.append("")
        var results = TextTable(["JOB", "DOCUMENT", "VERDICT", "ANSWERED BY", "RESULT"])
        for r in self.results {
            let via = r.fellBackFrom.isEmpty ? r.provider : "\(r.provider), after \(r.fellBackFrom.joined(separator: ", "))"
            results.add([String(r.jobID), r.document, r.verdict, via, r.headline])
            if !r.details.isEmpty { results.add(["", "", "", "", r.details]) }
        }
        lines.append(results.rendered)
        return lines.joined(separator: "\n")
    }
}
