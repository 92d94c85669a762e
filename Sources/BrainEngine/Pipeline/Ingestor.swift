import BrainCore
import BrainExtract
import BrainStore
import Foundation

/// What `brain ingest` did.
public struct IngestSummary: Sendable {
    public var files = 0
    /// New documents stored with text.
    public var new = 0
    /// Files whose bytes were stored before.
    public var known = 0
    /// Files of a kind brain does not read (images, archives, ...).
    public var unsupported = 0
    /// Files that broke extraction (corrupt, encrypted, limits).
    public var failed = 0
    public var jobsQueued: Int { queuedJobIDs.count }
    var queuedJobIDs: Set<Int> = []
    public var problems: [(path: String, reason: String)] = []

    public init() {}

    public var json: JSONValue {
        [
            "files": .int(files), "new": .int(new), "known": .int(known), "unsupported": .int(unsupported),
            "failed": .int(failed), "jobs_queued": .int(jobsQueued),
            "problems": .array(problems.map { ["path": .string($0.path), "reason": .string($0.reason)] }),
        ]
    }
}

/// `brain ingest`: extracts files on every core, stores each distinct document once, and
/// enqueues one job per document and task. Running it again over the same files enqueues nothing.
public struct Ingestor: Sendable {
    let queue: DatabaseQueue
    let clock: any WallClock
    public var limits = ExtractionLimits.default

    public init(queue: DatabaseQueue, clock: any WallClock = SystemClock()) {
        self.queue = queue
        self.clock = clock
    }

    public func ingest(
        paths: [String], task: TaskType, walker: FileWalker, options: JobOptions = JobOptions(), force: Bool,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) async throws -> IngestSummary {
        var summary = IngestSummary()
        let (files, problems) = walker.files(in: paths)
        summary.problems = problems.map { ($0.path, $0.reason) }
        summary.files = files.count
        let version: String? = try await queue.read { db in
            try db.scalar("SELECT version FROM templates WHERE name = ? AND active = 1", [task.rawValue])?.string
        }
        guard let version else { throw IngestError.noTemplate(task.rawValue) }
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var next = 0
        var done = 0
        let limits = self.limits
        try await withThrowingTaskGroup(of: Prepared.self) { group in
            func schedule() {
                guard next < files.count else { return }
                let path = files[next]
                next += 1
                group.addTask { await Self.prepare(path: path, limits: limits, queue: queue) }
            }
            for _ in 0..<workers { schedule() }
            while let prepared = try await group.next() {
                try await store(prepared, task: task, version: version, options: options, force: force, into: &summary)
                done += 1
                progress?(done, files.count)
                schedule()
            }
        }
        return summary
    }

    /// A file read, hashed and (when new) extracted, off the database queue.
    struct Prepared: Sendable {
        var path: String
        var size: Int
        var sha256: String
        var alreadyKnown: Bool
        var extraction: Result<ExtractedText, ExtractionError>?
        var readError: String?
    }

    static func prepare(path: String, limits: ExtractionLimits, queue: DatabaseQueue) async -> Prepared {
        let url = URL(fileURLWithPath: path)
        if let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue, size > limits.maxInputBytes {
            let error = ExtractionError.limitExceeded(what: "input size", limit: limits.maxInputBytes)
            return Prepared(path: path, size: size, sha256: SHA256.hex("oversize:\(path):\(size)"), alreadyKnown: false, extraction: .failure(error))
        }
        guard let data = try? Data(contentsOf: url) else {
            return Prepared(path: path, size: 0, sha256: "", alreadyKnown: false, extraction: nil, readError: "cannot read the file")
        }
        let hash = SHA256.hex([UInt8](data))
        // Asked through the queue's async API: a busy database must not block the cooperative pool.
        let known = (try? await queue.read { db in try DocumentStore.find(db: db, sha256: hash) }) ?? nil
        if known != nil { return Prepared(path: path, size: data.count, sha256: hash, alreadyKnown: true, extraction: nil) }
        let extraction = Result { () throws(ExtractionError) in try DocumentExtractor.extract(data, limits: limits) }
        return Prepared(path: path, size: data.count, sha256: hash, alreadyKnown: false, extraction: extraction)
    }

    private func store(_ p: Prepared, task: TaskType, version: String, options: JobOptions, force: Bool, into summary: inout IngestSummary) async throws {
        if let readError = p.readError {
            summary.failed += 1
            summary.problems.append((p.path, readError))
            return
        }
        let now = clock.now()
        let outcome: (saved: DocumentSaveResult, hasText: Bool, queued: Int?, error: String?, kind: String?) = try await queue.write { db in
            let extraction = p.extraction ?? .failure(.corrupt(format: .txt, detail: "unavailable"))
            let saved = try DocumentStore.save(db: db, path: p.path, sha256: p.sha256, size: p.size, extraction: extraction, now: now)
            let id: Int
            switch saved { case .new(let i), .known(let i): id = i }
            let row = try db.queryOne("SELECT text IS NOT NULL AS ok, error, error_kind FROM documents WHERE id = ?", [id])
            guard row?.bool("ok") == true else { return (saved, false, nil, row?.string("error"), row?.string("error_kind")) }
            let key = JobQueue.idempotencyKey(documentHash: p.sha256, task: task, templateVersion: version, options: options)
            let (jobID, isNew) = try JobQueue.enqueue(
                db: db, task: task, documentID: id, inputText: nil, templateName: task.rawValue, templateVersion: version,
                options: options, key: key, force: force, now: now)
            return (saved, true, isNew ? jobID : nil, nil, nil)
        }
        if case .known = outcome.saved { summary.known += 1 } else if outcome.hasText { summary.new += 1 }
        if !outcome.hasText, case .new = outcome.saved {
            if outcome.kind == "unsupported" { summary.unsupported += 1 } else { summary.failed += 1 }
            summary.problems.append((p.path, outcome.error ?? "extraction failed"))
        }
        if let id = outcome.queued { summary.queuedJobIDs.insert(id) }
    }
}

/// Why ingest could not start.
public enum IngestError: Error, Sendable, CustomStringConvertible {
    case noTemplate(String)

    public var description: String {
        switch self {
        case .noTemplate(let task): return "no active template for task \(task); run brain config reload"
        }
    }
}
