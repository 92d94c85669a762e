import BrainCore
import Foundation

/// What `brain bench pipeline` runs: how many jobs, through how many calls at once, against
/// fake providers that wait how long before answering.
public struct PipelineBenchmarkSettings: Sendable, Equatable {
    public var jobs: Int
    public var latencyMs: Int
    public var concurrency: Int
    /// Fake providers to register (the first takes every call; the rest are fallbacks).
    public var providers: Int
    /// Requests sent to a zero-latency fake to measure the bare HTTP round trip.
    public var roundTripSamples: Int

    public init(jobs: Int = 2000, latencyMs: Int = 0, concurrency: Int = 1, providers: Int = 2, roundTripSamples: Int = 300) {
        self.jobs = jobs
        self.latencyMs = latencyMs
        self.concurrency = concurrency
        self.providers = providers
        self.roundTripSamples = roundTripSamples
    }
}

/// The figures of one pipeline benchmark run. Times are in milliseconds.
///
/// A job's time runs from the start of its claim to its settlement (result and `done` written).
/// Overhead is that time minus the provider's latency and minus the bare HTTP round trip on
/// loopback (measured separately against a zero-latency fake with the same request), so it is
/// what the engine itself adds: claiming, rendering, routing and reservations, checking, and
/// every database write.
public struct PipelineBenchmarkFigures: Sendable, Equatable {
    public var settings: PipelineBenchmarkSettings
    public var done = 0
    public var failed = 0
    /// Jobs neither done nor failed when the run ended.
    public var unfinished = 0
    public var resultRows = 0
    /// Results whose answer passed the schema check as sent (verdict `valid`).
    public var validResults = 0
    public var callRows = 0
    public var wallSeconds = 0.0
    public var jobsPerSecond = 0.0
    /// `concurrency * 1000 / latency`; nil at zero latency.
    public var idealJobsPerSecond: Double?
    public var jobP50 = 0.0
    public var jobP99 = 0.0
    public var httpRoundTripP50 = 0.0
    /// Median time per job spent in HTTP exchanges with the providers.
    public var exchangeP50 = 0.0
    /// Engine overhead: each job's wall time minus its own provider exchanges.
    public var overheadP50 = 0.0
    public var overheadP99 = 0.0
    public var overheadMean = 0.0
    /// The overhead estimated from outside: job time minus the set latency and a bare round
    /// trip measured apart on an idle client (counts any slowdown of the exchanges in the run).
    public var outsideOverheadP50 = 0.0
    /// Process CPU time (user + system) during the run per job, fakes included: near the job
    /// time when the run is CPU-bound, far below it when it waits.
    public var cpuPerJob = 0.0
    /// Peak resident set of the whole process (getrusage `ru_maxrss`), in bytes.
    public var peakMemoryBytes = 0

    /// Jobs per second as a share of the ideal (nil at zero latency).
    public var efficiency: Double? { idealJobsPerSecond.map { $0 > 0 ? jobsPerSecond / $0 : 0 } }

    public var json: JSONValue {
        var object: JSONObject = [
            "jobs": .int(settings.jobs), "latency_ms": .int(settings.latencyMs), "concurrency": .int(settings.concurrency),
            "providers": .int(settings.providers), "done": .int(done), "failed": .int(failed), "unfinished": .int(unfinished),
            "result_rows": .int(resultRows), "valid_results": .int(validResults), "call_rows": .int(callRows), "wall_seconds": .number(wallSeconds),
            "jobs_per_second": .number(jobsPerSecond), "job_ms_p50": .number(jobP50), "job_ms_p99": .number(jobP99),
            "http_round_trip_ms_p50": .number(httpRoundTripP50), "overhead_ms_p50": .number(overheadP50),
            "overhead_ms_p99": .number(overheadP99), "overhead_ms_mean": .number(overheadMean),
            "exchange_ms_p50": .number(exchangeP50), "outside_overhead_ms_p50": .number(outsideOverheadP50), "cpu_ms_per_job": .number(cpuPerJob),
            "peak_memory_bytes": .int(peakMemoryBytes),
        ]
        if let ideal = idealJobsPerSecond {
            object["ideal_jobs_per_second"] = .number(ideal)
            object["efficiency"] = .number(efficiency ?? 0)
        }
        return .object(object)
    }

    /// Lines for a person.
    public var summary: String {
        var lines = [
            "jobs \(settings.jobs), latency \(settings.latencyMs) ms, concurrency \(settings.concurrency), providers \(settings.providers)",
            "done \(done), failed \(failed), unfinished \(unfinished); \(resultRows) results (\(validResults) valid), \(callRows) calls logged",
            String(format: "wall %.2f s, %.1f jobs/s", wallSeconds, jobsPerSecond),
        ]
        if let ideal = idealJobsPerSecond {
            lines.append(String(format: "ideal %.1f jobs/s (C*1000/L): %.1f%% of ideal", ideal, (efficiency ?? 0) * 100))
        }
        lines.append(String(format: "job time p50 %.3f ms, p99 %.3f ms; provider exchanges per job p50 %.3f ms", jobP50, jobP99, exchangeP50))
        lines.append(String(format: "engine overhead per job (job time minus its provider exchanges): p50 %.3f ms, p99 %.3f ms, mean %.3f ms", overheadP50, overheadP99, overheadMean))
        lines.append(String(format: "overhead estimated from outside (job time minus latency and a bare round trip of %.3f ms): p50 %.3f ms", httpRoundTripP50, outsideOverheadP50))
        lines.append(String(format: "process CPU per job %.3f ms (fake providers included)", cpuPerJob))
        lines.append(String(format: "peak memory %.1f MB (ru_maxrss)", Double(peakMemoryBytes) / 1_048_576))
        return lines.joined(separator: "\n")
    }

    /// The nearest-rank percentile of sorted values (0 when empty).
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
