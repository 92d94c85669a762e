import BrainCore
import BrainExtract
import BrainFake
import BrainProviders
import BrainStore
import Foundation

/// Why the pipeline benchmark could not run.
public enum PipelineBenchmarkError: Error, Sendable, CustomStringConvertible {
    case setUp(String)
    case noTemplate

    public var description: String {
        switch self {
        case .setUp(let why): return "benchmark set-up failed: \(why)"
        case .noTemplate: return "no active resume_parsing template"
        }
    }
}

/// `brain bench pipeline`: the whole batch path against in-process fake providers.
///
/// A temporary database in /tmp, fake providers on 127.0.0.1 answering after `latencyMs`,
/// `jobs` resume texts stored as documents and enqueued as ingest does (each distinct, so the
/// response cache never answers), then one `Worker` with `concurrency` slots: claims, template
/// rendering, routing with key reservations, HTTP over loopback, schema checks, results, call
/// rows. Prints figures and asserts nothing.
public enum PipelineBenchmark {
    public static func run(_ settings: PipelineBenchmarkSettings) async throws -> PipelineBenchmarkFigures {
        let jobs = max(0, settings.jobs)
        var template = "/tmp/brain-bench-XXXXXX".utf8CString
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PipelineBenchmarkError.setUp("cannot create a folder in /tmp")
        }
        let folder = String(cString: made)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/bench.db"

        var fakes: [FakeProviderServer] = []
        defer { for fake in fakes { fake.stop() } }
        do {
            for _ in 0..<max(1, settings.providers) {
                fakes.append(try FakeProviderServer.start(options: FakeProviderOptions(latencyMs: max(0, settings.latencyMs))))
            }
        } catch {
            throw PipelineBenchmarkError.setUp("\(error)")
        }
        try prepareDatabase(path: path, fakes: fakes)

        let engine = try Engine(path: path, environment: [:])
        defer { engine.shutdown() }
        try await enqueue(jobs, engine: engine)

        let samples = TimingSamples(capacity: jobs, fake: fakes[0].provider)
        var workerSettings = Worker.Settings()
        workerSettings.concurrency = max(1, settings.concurrency)
        workerSettings.pollSeconds = 0.05
        workerSettings.onJobSettled = { _, elapsed, exchange in samples.add(elapsed, exchange: exchange) }
        let worker = Worker(engine: engine, settings: workerSettings)
        let cpuBefore = ProcessUsage.now()
        let started = ContinuousClock.now
        _ = try await worker.run()
        let wall = (ContinuousClock.now - started).seconds
        let cpuSeconds = ProcessUsage.now().cpuSeconds - cpuBefore.cpuSeconds

        var figures = PipelineBenchmarkFigures(settings: settings)
        figures.wallSeconds = wall
        figures.jobsPerSecond = wall > 0 ? Double(jobs) / wall : 0
        figures.cpuPerJob = jobs > 0 ? cpuSeconds * 1000 / Double(jobs) : 0
        if settings.latencyMs > 0 { figures.idealJobsPerSecond = Double(max(1, settings.concurrency)) * 1000 / Double(settings.latencyMs) }
        try await count(into: &figures, engine: engine)
        figures.httpRoundTripP50 = try await bareRoundTrip(
            sample: samples.sampleRequest, client: engine.client, samples: settings.roundTripSamples)
        let measured = samples.measured
        let times = measured.map(\.job).sorted()
        figures.jobP50 = PipelineBenchmarkFigures.percentile(times, 0.50)
        figures.jobP99 = PipelineBenchmarkFigures.percentile(times, 0.99)
        figures.exchangeP50 = PipelineBenchmarkFigures.percentile(measured.map(\.exchange).sorted(), 0.50)
        // Each job's wall time minus the time its own provider exchanges took.
        let overheads = measured.map { $0.job - $0.exchange }.sorted()
        figures.overheadP50 = PipelineBenchmarkFigures.percentile(overheads, 0.50)
        figures.overheadP99 = PipelineBenchmarkFigures.percentile(overheads, 0.99)
        figures.overheadMean = overheads.isEmpty ? 0 : overheads.reduce(0, +) / Double(overheads.count)
        // The same estimated from outside: minus the set latency and a bare round trip sampled apart.
        let providerTime = Double(max(0, settings.latencyMs)) + figures.httpRoundTripP50
        figures.outsideOverheadP50 = PipelineBenchmarkFigures.percentile(times.map { $0 - providerTime }, 0.50)
        figures.peakMemoryBytes = ProcessUsage.now().peakResidentBytes
        return figures
    }

    /// A new database whose only providers are the fakes, each with one inline key and no daily limit.
    static func prepareDatabase(path: String, fakes: [FakeProviderServer]) throws {
        let db = try Database(path: path)
        let clock = SystemClock()
        var report = SetupReport()
        try db.transaction {
            try TemplateSetup.load(directory: nil, db: db, clock: clock, into: &report)
            for (index, fake) in fakes.enumerated() {
                let name = "bench-\(index + 1)"
                try ProviderRepository(db: db, clock: clock).add(
                    ProviderRecord(
                        name: name, kind: "openai", baseURL: fake.openAIBaseURL, priority: index, models: ["fake-model"],
                        dailyLimit: nil, timeoutMilliseconds: 30_000))
                try KeyRepository(db: db, clock: clock).add(provider: name, .init(reference: "sk-bench-\(index + 1)-0123456789abcdef"))
            }
        }
    }

    /// Stores `jobs` distinct resumes as documents and enqueues a job for each, in one
    /// transaction, as `brain ingest` would (the job refers to its document's text).
    static func enqueue(_ jobs: Int, engine: Engine) async throws {
        let catalog = try await engine.catalog()
        guard let version = catalog.active[TaskType.resumeParsing.rawValue] else { throw PipelineBenchmarkError.noTemplate }
        let now = engine.clock.now()
        try await engine.queue.write { db in
            for index in 0..<jobs {
                let text = BenchResume.text(number: index + 1)
                let hash = SHA256.hex(text)
                let saved = try DocumentStore.save(
                    db: db, path: "bench/resume-\(index + 1).txt", sha256: hash, size: text.utf8.count,
                    extraction: .success(ExtractedText(text: text, format: .txt, extractor: "bench", encoding: "utf-8")), now: now)
                guard case .new(let documentID) = saved else { continue }
                _ = try JobQueue.enqueue(
                    db: db, task: .resumeParsing, documentID: documentID, inputText: nil,
                    templateName: TaskType.resumeParsing.rawValue, templateVersion: version, options: JobOptions(),
                    key: JobQueue.idempotencyKey(documentHash: hash, task: .resumeParsing, templateVersion: version, options: JobOptions()),
                    force: false, now: now)
            }
        }
    }

    static func count(into figures: inout PipelineBenchmarkFigures, engine: Engine) async throws {
        let (states, results, valid, calls) = try await engine.queue.read { db in
            var states: [String: Int] = [:]
            for row in try db.query("SELECT state, count(*) AS n FROM jobs GROUP BY state") {
                states[row.string("state") ?? "", default: 0] += row.int("n") ?? 0
            }
            let results = try db.scalar("SELECT count(*) FROM results")?.int ?? 0
            let valid = try db.scalar("SELECT count(*) FROM results WHERE verdict = 'valid'")?.int ?? 0
            let calls = try db.scalar("SELECT count(*) FROM calls")?.int ?? 0
            return (states, results, valid, calls)
        }
        figures.done = states["done"] ?? 0
        figures.failed = states["failed"] ?? 0
        figures.unfinished = states.filter { $0.key != "done" && $0.key != "failed" }.values.reduce(0, +)
        figures.resultRows = results
        figures.validResults = valid
        figures.callRows = calls
    }

    /// The median round trip of one job's request sent again, one at a time, to a zero-latency fake.
    static func bareRoundTrip(sample: ReceivedRequest?, client: HTTPClient, samples: Int) async throws -> Double {
        guard let sample, samples > 0 else { return 0 }
        let fake: FakeProviderServer
        do { fake = try FakeProviderServer.start() } catch { throw PipelineBenchmarkError.setUp("\(error)") }
        defer { fake.stop() }
        var headers = HTTPHeaders()
        for name in ["Authorization", "Content-Type"] {
            if let value = sample.header(name) { headers.add(name, value) }
        }
        let request = HTTPRequest(method: sample.method, url: fake.rootURL + sample.target, headers: headers, body: Data(sample.body))
        let figures = await HTTPBenchmark.run(client: client, request: request, requests: samples, concurrency: 1)
        return figures.p50Milliseconds
    }
}

/// Per-job times collected from worker slots; keeps the fake's request log short so a long run
/// measures the engine's memory, not the fake's.
final class TimingSamples: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [(job: Double, exchange: Double)] = []
    private let fake: FakeProvider
    private var lastRequest: ReceivedRequest?

    init(capacity: Int, fake: FakeProvider) {
        values.reserveCapacity(capacity)
        self.fake = fake
    }

    func add(_ elapsed: Duration, exchange: Duration) {
        let count = lock.withLock { () -> Int in
            values.append((elapsed.seconds * 1000, exchange.seconds * 1000))
            return values.count
        }
        guard count % 500 == 0, let last = fake.requests.last else { return }
        fake.clearRequests()
        lock.withLock { lastRequest = last }
    }

    /// Each job's wall time and the time of its provider exchanges, in milliseconds.
    var measured: [(job: Double, exchange: Double)] { lock.withLock { values } }

    /// One request the fake received, for the round-trip measurement.
    var sampleRequest: ReceivedRequest? { fake.requests.last ?? lock.withLock { lastRequest } }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}

/// The process's resource use so far (getrusage).
struct ProcessUsage {
    var cpuSeconds: Double
    var peakResidentBytes: Int

    static func now() -> ProcessUsage {
        var usage = rusage()
        #if os(Linux)
            let who = RUSAGE_SELF.rawValue
        #else
            let who = RUSAGE_SELF
        #endif
        guard getrusage(who, &usage) == 0 else { return ProcessUsage(cpuSeconds: 0, peakResidentBytes: 0) }
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        #if os(Linux)
            let peak = usage.ru_maxrss * 1024  // kilobytes on Linux
        #else
            let peak = usage.ru_maxrss  // bytes on macOS
        #endif
        return ProcessUsage(cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakResidentBytes: peak)
    }
}
