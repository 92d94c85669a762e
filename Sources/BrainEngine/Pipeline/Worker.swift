import BrainCore
import BrainProviders
import BrainStore
import Foundation

/// Drains the outbox: claims due jobs with a lease, processes up to `concurrency` at once,
/// and settles each one exactly once (result and `done` in one transaction, or back to the
/// queue with backoff, or failed). Several workers, in one process or many, share a database.
public final class Worker: @unchecked Sendable {
    /// How a run behaves.
    public struct Settings: Sendable {
        public var concurrency = 8
        /// Stop after this many jobs settled.
        public var limit: Int?
        /// Keep running and pick up newly ingested jobs.
        public var watch = false
        public var outputDirectory: String?
        /// Seconds a claimed job stays leased without renewal.
        public var leaseSeconds: Double = 120
        /// Seconds between looks at an empty queue.
        public var pollSeconds: Double = 1
        /// First retry delay; doubles per attempt (setting `retry_base_seconds`).
        public var retryBaseSeconds: Double = 5
        /// When every provider is cooling down for at most this long, the run waits instead of
        /// stopping with exit code 75 (setting `max_wait_seconds`).
        public var maxWaitSeconds: Double = 60
        /// Called once per claimed job after it is settled, with the time from the claim's start
        /// to the settlement and the part of it spent in HTTP exchanges with providers
        /// (benchmarks); nil in normal runs.
        public var onJobSettled: (@Sendable (_ jobID: Int, _ elapsed: Duration, _ exchange: Duration) -> Void)?
        public init() {}

        /// Reads `retry_base_seconds` and `max_wait_seconds` from the settings table.
        public mutating func load(from db: Database) throws {
            if let v = try db.scalar("SELECT value FROM settings WHERE key = 'retry_base_seconds'")?.double { retryBaseSeconds = max(0, v) }
            if let v = try db.scalar("SELECT value FROM settings WHERE key = 'max_wait_seconds'")?.double { maxWaitSeconds = max(0, v) }
        }
    }

    let engine: Engine
    let settings: Settings
    public let owner: String
    private let lock = NSLock()
    private var summary = RunSummary()
    private var stopClaiming = false
    private var inFlight: Set<Int> = []
    /// Jobs this worker has taken or is about to claim (claims are reserved first, so several
    /// slots can never claim past `--limit` together).
    private var takenCount = 0
    private let onChange: @Sendable (RunSummary) -> Void

    public init(engine: Engine, settings: Settings, onChange: @escaping @Sendable (RunSummary) -> Void = { _ in }) {
        self.engine = engine
        self.settings = settings
        self.owner = WorkerIdentity.make(prefix: "run")
        self.onChange = onChange
    }

    /// Stops claiming new jobs; jobs in flight finish.
    public func requestStop() {
        lock.withLock {
            stopClaiming = true
            if summary.stopReason == nil { summary.stopReason = .interrupted }
        }
    }

    /// Puts every job this worker holds back in the queue at once (second Ctrl-C).
    public func releaseLeasesNow() {
        let now = engine.clock.now()
        try? engine.queue.sync { db in
            try db.execute(
                "UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE state = 'running' AND lease_owner = ?",
                [now.iso8601, owner])
        }
    }

    public func run() async throws -> RunSummary {
        let started = ContinuousClock.now
        let now = engine.clock.now()
        _ = try await engine.queue.write { db in try JobQueue.reclaimFromDeadOwners(db: db, host: WorkerIdentity.host, now: now) }
        let processor = JobProcessor(catalog: try await engine.catalog(), router: engine.router, defersAcceptedAttempt: true)
        await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await self.renewLeases() }
            await withTaskGroup(of: Void.self) { slots in
                for _ in 0..<max(1, settings.concurrency) {
                    slots.addTask { await self.slotLoop(processor) }
                }
            }
            group.cancelAll()
        }
        let waiting = try await engine.queue.read { db in try db.scalar("SELECT count(*) FROM jobs WHERE state = 'queued'")?.int ?? 0 }
        return lock.withLock {
            summary.waiting = waiting
            summary.inFlight = 0
            summary.elapsedSeconds = Double((ContinuousClock.now - started) / .milliseconds(1)) / 1000
            return summary
        }
    }

    private var shouldStop: Bool {
        lock.withLock { stopClaiming || (settings.limit.map { takenCount >= $0 } ?? false) }
    }

    /// Reserves the right to claim one more job (false when stopping or at the limit).
    private func reserveClaim() -> Bool {
        lock.withLock {
            if stopClaiming || (settings.limit.map { takenCount >= $0 } ?? false) { return false }
            takenCount += 1
            return true
        }
    }

    /// Returns a reservation whose claim found no job.
    private func cancelReservation() { lock.withLock { takenCount -= 1 } }

    private func slotLoop(_ processor: JobProcessor) async {
        var prefetched: ClaimedJob?
        while !Task.isCancelled {
            let claimStarted = ContinuousClock.now
            let job: ClaimedJob
            if let next = prefetched {
                job = next
                prefetched = nil
            } else {
                guard reserveClaim() else { break }
                let now = engine.clock.now()
                let claimed: [ClaimedJob]
                do {
                    claimed = try await engine.queue.write { [owner, settings] db in
                        try JobQueue.claim(db: db, owner: owner, limit: 1, now: now, lease: settings.leaseSeconds)
                    }
                } catch {
                    cancelReservation()
                    try? await Task.sleep(for: .milliseconds(200))
                    continue
                }
                guard let first = claimed.first else {
                    cancelReservation()
                    guard await waitForMoreWork() else { return }
                    continue
                }
                job = first
            }
            lock.withLock { _ = inFlight.insert(job.id) }
            let settled = await process(job, processor)
            prefetched = settled.next
            _ = lock.withLock { inFlight.remove(job.id) }
            settings.onJobSettled?(job.id, ContinuousClock.now - claimStarted, settled.exchange)
        }
        if let next = prefetched {
            // Cancelled with a job claimed ahead: give it back at once.
            let now = engine.clock.now()
            try? await engine.queue.write { [owner] db in
                try db.execute(
                    "UPDATE jobs SET state = 'queued', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE id = ? AND lease_owner = ?",
                    [now.iso8601, next.id, owner])
            }
        }
    }


    /// Sleeps when jobs will become due (backoff, other workers' leases) or in watch mode;
    /// false when the queue is drained and this slot should end.
    private func waitForMoreWork() async -> Bool {
        let now = engine.clock.now()
        let next: Double? = try? await engine.queue.read { db in
            try db.scalar(
                """
                SELECT min(t) FROM (
                    SELECT min(next_attempt_at) AS t FROM jobs WHERE state = 'queued'
                    UNION ALL SELECT min(lease_expires_at) FROM jobs WHERE state = 'running')
                """)?.double
        }
        let busy = lock.withLock { !inFlight.isEmpty }
        if next == nil && !busy && !settings.watch { return false }
        let wait = min(max((next ?? now + settings.pollSeconds) - now, 0.05), settings.pollSeconds)
        try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
        return !Task.isCancelled
    }

    private func renewLeases() async throws {
        let interval = max(1, settings.leaseSeconds / 3)
        while !Task.isCancelled {
            try await Task.sleep(for: .milliseconds(Int(interval * 1000)))
            let ids = lock.withLock { Array(inFlight) }
            guard !ids.isEmpty else { continue }
            let until = engine.clock.now() + settings.leaseSeconds
            try? await engine.queue.write { [owner] db in try JobQueue.renew(db: db, owner: owner, ids: ids, until: until) }
        }
    }

    /// Settles `job`; after a success, one transaction writes the answer's call (log row,
    /// counters, cache entry), the result and the job's `done` state, and claims the slot's
    /// next job (returned), saving round trips per job.
    private func process(_ job: ClaimedJob, _ processor: JobProcessor) async -> (next: ClaimedJob?, exchange: Duration) {
        var unwritten: DeferredAttempt?
        var exchange = Duration.zero
        let next = await process(job, processor, unwritten: &unwritten, exchange: &exchange)
        // A path that settled the job without its result still logs the call that was made.
        if let unwritten { try? await engine.ledger.record(unwritten) }
        return (next, exchange)
    }

    /// `unwritten` holds the accepted answer's call until a transaction has written it;
    /// `exchange` receives the time the answer's route spent in HTTP exchanges.
    private func process(
        _ job: ClaimedJob, _ processor: JobProcessor, unwritten: inout DeferredAttempt?, exchange: inout Duration
    ) async -> ClaimedJob? {
        do {
            guard let text = job.text else {
                await settleFailure(job, message: "the job's document has no text", errorClass: "extraction", permanent: true)
                return nil
            }
            let outcome = try await processor.process(
                JobInput(jobID: job.id, task: job.task, text: text, templateVersion: job.templateVersion, options: job.options))
            unwritten = outcome.route.deferredAttempt
            exchange = outcome.route.exchangeTime
            var file: String?
            if let directory = settings.outputDirectory {
                file = try ResultFiles.write(resultFileJSON(job, outcome), directory: directory, name: "job-\(job.id)")
            }
            let outputFile = file
            let now = engine.clock.now()
            let row = ResultWriter.Row(jobID: job.id, task: job.task, outcome: outcome, outputFile: outputFile, now: now)
            let claimNext = reserveClaim()
            let stored: Int?
            let next: ClaimedJob?
            do {
                let deferred = unwritten
                let ledger = engine.ledger
                (stored, next) = try await engine.queue.write { [owner, settings] db in
                    // The call is logged even when the job's lease was lost: it was made.
                    if let deferred { try ledger.write(deferred, db: db) }
                    let stored = try ResultWriter.complete(db: db, row, leaseOwner: owner)
                    let next = claimNext ? try JobQueue.claim(db: db, owner: owner, limit: 1, now: now, lease: settings.leaseSeconds).first : nil
                    return (stored, next)
                }
                unwritten = nil
            } catch {
                if claimNext { cancelReservation() }
                throw error
            }
            if claimNext && next == nil { cancelReservation() }
            note { s in
                if stored != nil {
                    s.done += 1
                    s.providers[outcome.route.provider, default: 0] += 1
                }
            }
            return next
        } catch let error as RouteError {
            await settle(job, error)
        } catch let error as JobError {
            await settleFailure(job, message: error.description, errorClass: "template", permanent: true)
        } catch is CancellationError {
            return nil
        } catch {
            await settleFailure(job, message: "\(error)", errorClass: "internal", permanent: false)
        }
        return nil
    }

    private func settle(_ job: ClaimedJob, _ error: RouteError) async {
        let now = engine.clock.now()
        switch error.kind {
        case .offline:
            lock.withLock {
                stopClaiming = true
                summary.stopReason = .offline
            }
            await release(job, error.description, error.errorClass, spend: false, permanent: false, retryAt: now)
        case .unavailable(let at) where at.map({ $0 - now <= settings.maxWaitSeconds }) ?? false:
            // Every provider frees up soon: wait for it rather than stopping the run.
            await release(job, error.description, error.errorClass, spend: false, permanent: false, retryAt: at ?? now)
        case .unavailable(let at):
            lock.withLock {
                stopClaiming = true
                if summary.stopReason != .offline { summary.stopReason = .unavailable }
                if let at { summary.retryAt = min(summary.retryAt ?? at, at) }
            }
            await release(job, error.description, error.errorClass, spend: false, permanent: false, retryAt: at ?? now + 60)
        case .failed:
            await release(job, error.description, error.errorClass, spend: true, permanent: false, retryAt: now + Backoff.delay(attempt: job.attempts + 1, base: settings.retryBaseSeconds))
        case .permanent:
            await release(job, error.description, error.errorClass, spend: true, permanent: true, retryAt: now)
        }
    }

    private func settleFailure(_ job: ClaimedJob, message: String, errorClass: String, permanent: Bool) async {
        let now = engine.clock.now()
        await release(job, message, errorClass, spend: true, permanent: permanent, retryAt: now + Backoff.delay(attempt: job.attempts + 1, base: settings.retryBaseSeconds))
    }

    private func release(_ job: ClaimedJob, _ message: String, _ errorClass: String, spend: Bool, permanent: Bool, retryAt: Double) async {
        let now = engine.clock.now()
        let state = try? await engine.queue.write { [owner] db in
            try JobQueue.release(
                db: db, jobID: job.id, owner: owner, error: message, errorClass: errorClass, spendAttempt: spend,
                permanent: permanent, retryAt: retryAt, now: now)
        }
        note { s in
            if state == "failed" { s.failed += 1 } else if state == "queued" && spend { s.retried += 1 }
        }
    }

    private func note(_ change: (inout RunSummary) -> Void) {
        let snapshot = lock.withLock { () -> RunSummary in
            change(&summary)
            summary.inFlight = inFlight.count
            return summary
        }
        onChange(snapshot)
    }

    private func resultFileJSON(_ job: ClaimedJob, _ outcome: JobOutcome) -> JSONValue {
        [
            "job_id": .int(job.id), "task": .string(job.task.rawValue), "success": .bool(outcome.parsed != nil || outcome.verdict == "text"),
            "provider": .string(outcome.route.provider), "model": .string(outcome.route.model),
            "response": outcome.parsed ?? .string(outcome.route.completion.text),
            "metadata": [
                "verdict": .string(outcome.verdict), "template_version": .string(job.templateVersion),
                "warnings": .array(outcome.warnings.map { .string($0) }),
                "response_time_ms": .int(outcome.responseTimeMs), "from_cache": .bool(outcome.route.fromCache),
                "total_attempts": .int(outcome.route.attempts.count),
                "fallback_chain": .array(outcome.route.fallbackChain.map(\.json)),
            ],
        ]
    }
}

/// Retry delays: exponential from `base` (5 s by default), capped at 5 minutes, with ±25% jitter
/// so workers spread out.
public enum Backoff {
    public static func delay(attempt: Int, base: Double = 5) -> Double {
        let raw = min(300, base * pow(2, Double(max(0, attempt - 1))))
        return raw * Double.random(in: 0.75...1.25)
    }
}
