import BrainCore
import BrainPrompt
import BrainProviders
import Foundation

/// One unit of work: a task over an input text, rendered with a recorded template version.
public struct JobInput: Sendable {
    public var jobID: Int?
    public var task: TaskType
    public var text: String
    public var templateVersion: String
    public var options: JobOptions

    public init(jobID: Int?, task: TaskType, text: String, templateVersion: String, options: JobOptions) {
        self.jobID = jobID
        self.task = task
        self.text = text
        self.templateVersion = templateVersion
        self.options = options
    }
}

/// A job's accepted answer, checked and ready to store.
public struct JobOutcome: Sendable {
    public var route: RouteResult
    /// `valid`, `repaired`, `invalid` (structured tasks) or `text`.
    public var verdict: String
    public var parsed: JSONValue?
    public var validationErrors: [String]
    public var warnings: [String]
    public var responseTimeMs: Int
}

/// Why a job could not be processed at all (before any provider call).
public enum JobError: Error, Sendable, CustomStringConvertible {
    case unknownTemplateVersion(String)
    case missingSchema(String)
    case rendering(String)

    public var description: String {
        switch self {
        case .unknownTemplateVersion(let v): return "template version \(v.prefix(12)) is not in the database (run brain config reload)"
        case .missingSchema(let s): return "no output schema named \(s)"
        case .rendering(let why): return "template: \(why)"
        }
    }
}

/// Renders a job's prompt, routes it, and checks the answer against the task's schema.
///
/// Structured tasks send their schema with the request and get exactly one repair request on
/// the same provider when the answer is invalid; an answer still invalid after that counts as
/// that provider's failure and the router moves on. Grounding warnings flag names that do not
/// occur in the source text.
public struct JobProcessor: Sendable {
    public let catalog: TemplateCatalog
    public let router: Router
    public let schemas: SchemaSet
    /// Longest input, in characters, sent to a provider; longer inputs are cut with a marker.
    public var inputCharacterBudget: Int = 60_000
    /// Leave the accepted answer's call in `outcome.route.deferredAttempt` for the caller to
    /// write with its result (the batch worker); false writes it at once.
    public var defersAcceptedAttempt: Bool
    /// One checker per schema, built once: a checker's normaliser digests its whole schema.
    private let checkers: [String: StructuredOutputChecker]

    public init(catalog: TemplateCatalog, router: Router, schemas: SchemaSet = .shared, defersAcceptedAttempt: Bool = false) {
        self.catalog = catalog
        self.router = router
        self.schemas = schemas
        self.defersAcceptedAttempt = defersAcceptedAttempt
        checkers = schemas.schemas.mapValues { StructuredOutputChecker(schema: $0) }
    }

    public func process(_ job: JobInput) async throws -> JobOutcome {
        guard let template = catalog.byVersion[job.templateVersion] else {
            throw JobError.unknownTemplateVersion(job.templateVersion)
        }
        let library = TemplateLibrary(resolved: [template])
        let assembler = PromptAssembler(library: library)
        let budget = inputCharacterBudget
        func assemble(_ developerRole: Bool) throws -> AssembledPrompt {
            do {
                return try assembler.assemble(
                    template: template.name, input: job.text,
                    settings: PromptAssemblyOptions(acceptsDeveloperRole: developerRole, inputCharacterBudget: budget))
            } catch {
                throw JobError.rendering("\(error)")
            }
        }
        let folded = try assemble(false)
        // Rendered once, when a provider taking the developer role is first asked.
        let withDeveloper = LazyMessages { (try? assemble(true))?.messages ?? folded.messages }
        var checker: StructuredOutputChecker?
        if let name = template.outputSchema, template.strict {
            guard let c = checkers[name] else { throw JobError.missingSchema(name) }
            checker = c
        }
        var request = RouteRequest(messages: { config in config.acceptsDeveloperRole ? withDeveloper.value : folded.messages })
        if let only = job.options.provider { request.onlyProviders = [only] }
        request.model = job.options.model
        request.maxTokens = job.options.maxTokens
        request.temperature = job.options.temperature
        request.useCache = !job.options.noCache
        request.jobID = job.jobID
        request.defersAcceptedAttempt = defersAcceptedAttempt
        let lastCheck = LastCheck()
        if let checker {
            request.outputSchema = checker.schema.document
            request.outputSchemaDigest = template.outputSchema.flatMap { schemas.digests[$0] }
            request.schemaName = template.outputSchema ?? "output"
            let conversation = folded.messages
            request.check = { completion, isRepair in
                let result = isRepair ? checker.checkRepair(completion.text) : checker.check(completion.text)
                lastCheck.keep(result, text: completion.text, repaired: isRepair)
                if result.verdict.isAccepted { return .accept }
                let errors = result.verdict.errors
                if isRepair { return .reject(errors: errors) }
                return .repair(messages: checker.repairRequest(conversation: conversation, answer: completion.text, errors: errors), errors: errors)
            }
        }
        let started = ContinuousClock.now
        let route = try await router.route(request)
        let elapsed = Int((ContinuousClock.now - started) / .milliseconds(1))
        var warnings = folded.warnings
        guard let checker else {
            return JobOutcome(route: route, verdict: "text", parsed: nil, validationErrors: [], warnings: warnings, responseTimeMs: elapsed)
        }
        let check = lastCheck.result(text: route.completion.text, repaired: route.repaired)
            ?? (route.repaired ? checker.checkRepair(route.completion.text) : checker.check(route.completion.text))
        if let document = check.verdict.document {
            warnings += GroundingCheck(sourceText: job.text).warnings(for: document, task: job.task).map(\.description)
        }
        return JobOutcome(
            route: route, verdict: check.verdict.label, parsed: check.verdict.document,
            validationErrors: check.verdict.errors, warnings: warnings, responseTimeMs: elapsed)
    }
}

/// The router's last check of an answer, so the accepted answer is not checked a second time.
private final class LastCheck: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (check: OutputCheck, text: String, repaired: Bool)?

    func keep(_ check: OutputCheck, text: String, repaired: Bool) {
        lock.withLock { kept = (check, text, repaired) }
    }

    /// The kept check when it was of exactly this answer, judged the same way.
    func result(text: String, repaired: Bool) -> OutputCheck? {
        lock.withLock {
            guard let kept, kept.repaired == repaired, kept.text == text else { return nil }
            return kept.check
        }
    }
}

/// Messages computed on first use, at most once, from any thread.
private final class LazyMessages: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [ChatMessage]?
    private let make: () -> [ChatMessage]

    init(_ make: @escaping () -> [ChatMessage]) { self.make = make }

    var value: [ChatMessage] {
        lock.withLock {
            if let made { return made }
            let messages = make()
            made = messages
            return messages
        }
    }
}
