import BrainCore
import BrainExtract
import BrainProviders
import BrainStore
import Foundation

/// `brain process`: one input, synchronously, through extraction, rendering, routing and checks.
///
/// The input becomes a job like any other (so the call log, results and status see it), run
/// at once in this process instead of waiting in the queue.
public struct SingleRun: Sendable {
    public enum Input: Sendable {
        case file(String)
        case text(String)
    }

    /// How the run ended, for the exit code.
    public enum Ending: Sendable, Equatable {
        case done
        case failed
        /// Nothing could be sent: offline or out of quota everywhere.
        case unavailable
    }

    let engine: Engine

    public init(engine: Engine) { self.engine = engine }

    public func run(_ input: Input, task: TaskType, options: JobOptions, outputDirectory: String?) async throws -> (BrainResult, Ending) {
        let now = engine.clock.now()
        var result = BrainResult(
            success: false, inputType: "text", inputData: "", provider: nil, model: nil, response: nil, usage: nil,
            responseTime: nil, outputFile: nil, errorMessage: nil, metadata: ["task": .string(task.rawValue)],
            fallbackChain: [], totalAttempts: 0)
        var text: String
        var documentID: Int?
        var documentHash: String
        switch input {
        case .text(let t):
            text = t
            result.inputData = t
            documentHash = SHA256.hex(t)
        case .file(let path):
            result.inputType = "file"
            result.inputData = path
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
                result.errorMessage = "cannot read \(path): \(error.localizedDescription)"
                return (result, .failed)
            }
            let hash = SHA256.hex([UInt8](data))
            documentHash = hash
            let extraction = Result { () throws(ExtractionError) in try DocumentExtractor.extract(data) }
            let saved = try await engine.queue.write { db in
                try DocumentStore.save(db: db, path: path, sha256: hash, size: data.count, extraction: extraction, now: now)
            }
            switch extraction {
            case .failure(let e):
                result.errorMessage = e.description
                return (result, .failed)
            case .success(let extracted):
                text = extracted.text
                result.metadata["format"] = .string(extracted.format.rawValue)
                if !extracted.warnings.isEmpty { result.metadata["extraction_warnings"] = .array(extracted.warnings.map { .string($0) }) }
            }
            switch saved { case .new(let id), .known(let id): documentID = id }
        }
        let catalog = try await engine.catalog()
        guard let version = catalog.active[task.rawValue] else {
            result.errorMessage = "no template for task \(task.rawValue); run brain config reload"
            return (result, .failed)
        }
        let owner = WorkerIdentity.make(prefix: "process")
        let key = "process:" + UUID().uuidString + ":" + JobQueue.idempotencyKey(documentHash: documentHash, task: task, templateVersion: version, options: options)
        let inline: String? = documentID == nil ? text : nil
        let document = documentID
        let jobID = try await engine.queue.write { db in
            let (id, _) = try JobQueue.enqueue(
                db: db, task: task, documentID: document, inputText: inline, templateName: task.rawValue,
                templateVersion: version, options: options, key: key, force: false, maxAttempts: 1, now: now)
            try db.execute(
                "UPDATE jobs SET state = 'running', lease_owner = ?, lease_expires_at = ? WHERE id = ?",
                [owner, now + 3600, id])
            return id
        }
        result.metadata["job_id"] = .int(jobID)
        let processor = JobProcessor(catalog: catalog, router: engine.router)
        do {
            let outcome = try await processor.process(JobInput(jobID: jobID, task: task, text: text, templateVersion: version, options: options))
            result.success = outcome.parsed != nil || outcome.verdict == "text"
            result.provider = outcome.route.provider
            result.model = outcome.route.model
            result.response = outcome.parsed ?? .string(outcome.route.completion.text)
            result.usage = outcome.route.completion.usage
            result.responseTime = Double(outcome.responseTimeMs) / 1000
            result.fallbackChain = outcome.route.fallbackChain
            result.totalAttempts = outcome.route.attempts.count
            result.metadata["verdict"] = .string(outcome.verdict)
            result.metadata["template_version"] = .string(version)
            result.metadata["from_cache"] = .bool(outcome.route.fromCache)
            if !outcome.warnings.isEmpty { result.metadata["warnings"] = .array(outcome.warnings.map { .string($0) }) }
            if !outcome.validationErrors.isEmpty { result.metadata["validation_errors"] = .array(outcome.validationErrors.map { .string($0) }) }
            if let outputDirectory {
                result.outputFile = try ResultFiles.write(result.json, directory: outputDirectory, name: "job-\(jobID)")
            }
            let finished = result
            try await engine.queue.write { db in
                _ = try ResultWriter.complete(
                    db: db, jobID: jobID, leaseOwner: owner, task: task, outcome: outcome, outputFile: finished.outputFile,
                    now: engine.clock.now())
            }
            return (result, .done)
        } catch let error as RouteError {
            result.errorMessage = error.description
            result.fallbackChain = error.attempts
            result.totalAttempts = error.attempts.filter { $0.outcome != "skipped" }.count
            try await engine.queue.write { db in
                _ = try JobQueue.release(
                    db: db, jobID: jobID, owner: owner, error: error.description, errorClass: error.errorClass,
                    spendAttempt: true, permanent: true, retryAt: 0, now: engine.clock.now())
            }
            switch error.kind {
            case .offline, .unavailable: return (result, .unavailable)
            default: return (result, .failed)
            }
        } catch {
            result.errorMessage = "\(error)"
            try await engine.queue.write { db in
                _ = try JobQueue.release(
                    db: db, jobID: jobID, owner: owner, error: "\(error)", errorClass: "internal", spendAttempt: true,
                    permanent: true, retryAt: 0, now: engine.clock.now())
            }
            return (result, .failed)
        }
    }
}

/// Lease owner names: `host:pid:token`, so a restarted process can tell a dead owner on this machine.
public enum WorkerIdentity {
    public static func make(prefix: String) -> String {
        "\(ProcessInfo.processInfo.hostName):\(getpid()):\(prefix)-\(UUID().uuidString.prefix(8))"
    }

    public static var host: String { ProcessInfo.processInfo.hostName }
}

/// The original system's `brp/` output: one JSON file per result.
public enum ResultFiles {
    public static func write(_ value: JSONValue, directory: String, name: String) throws -> String {
        let folder = URL(fileURLWithPath: directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name + ".json")
        try Data((value.serialized(pretty: true) + "\n").utf8).write(to: url, options: .atomic)
        return url.path
    }
}
