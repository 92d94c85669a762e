import BrainCore
import BrainEngine

/// `brain providers list`.
struct ProvidersListCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["providers", "list"], summary: "list providers in routing order", arguments: "[--json]", options: [.json])

    init(_ arguments: ParsedArguments) throws(UsageError) {}

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase()
        let providers = try ProviderRepository(db: db).all()
        if context.json {
            context.outJSON(.array(providers.map(\.json)))
            return .ok
        }
        var table = TextTable(["NAME", "KIND", "PRIORITY", "ENABLED", "DAILY LIMIT", "TIMEOUT", "BASE URL", "MODELS"])
        for p in providers {
            table.add([
                p.name, p.kind, String(p.priority), p.enabled ? "yes" : "no", p.dailyLimit.map(String.init) ?? "none",
                "\(p.timeoutMilliseconds)ms", p.baseURL, p.models.joined(separator: ","),
            ])
        }
        context.out(table.rendered)
        return .ok
    }
}

/// Options shared by `providers add` and `providers set`.
struct ProviderOptions {
    static let specs: [OptionSpec] = [
        .value("kind", "openai|gemini", "the API dialect (openai covers every OpenAI-compatible server)"),
        .value("base-url", "URL", "the API base, e.g. https://api.groq.com/openai/v1"),
        .value("priority", "N", "routing order: lower goes first"),
        .value("models", "a,b", "models in fallback order"),
        .value("daily-limit", "N", "calls per UTC day across all keys ('none' for no limit)"),
        .value("timeout-ms", "N", "total timeout per call"),
        .value("breaker-failures", "N", "consecutive failures that open the breaker (default 5)"),
        .value("breaker-recovery-s", "S", "seconds before an open breaker lets a probe through (default 60)"),
        .value("breaker-successes", "N", "half-open successes that close the breaker (default 3)"),
        .flag("no-key", "the server takes no API key (local servers)"),
        .flag("disabled", "add it disabled"),
    ]

    var kind: String?
    var baseURL: String?
    var priority: Int?
    var models: [String]?
    var dailyLimit: Int??
    var timeout: Int?
    var breakerFailures: Int?
    var breakerRecovery: Double?
    var breakerSuccesses: Int?
    var noKey: Bool
    var disabled: Bool

    init(_ a: ParsedArguments) throws(UsageError) {
        kind = try a.choice("kind", ["openai", "gemini"])
        baseURL = a.value("base-url")
        if let url = baseURL, !(url.hasPrefix("http://") || url.hasPrefix("https://")) {
            throw UsageError("--base-url must start with http:// or https://")
        }
        priority = try a.int("priority", range: 0...1_000_000)
        models = a.list("models")
        if a.value("daily-limit") == "none" { dailyLimit = .some(nil) } else if let n = try a.int("daily-limit", range: 0...Int.max) { dailyLimit = .some(n) }
        timeout = try a.int("timeout-ms", range: 1...3_600_000)
        breakerFailures = try a.int("breaker-failures", range: 1...1000)
        breakerRecovery = try a.double("breaker-recovery-s", range: 0...86_400)
        breakerSuccesses = try a.int("breaker-successes", range: 1...1000)
        noKey = a.flag("no-key")
        disabled = a.flag("disabled")
    }

    func apply(to p: inout ProviderRecord) {
        if let kind { p.kind = kind }
        if let baseURL { p.baseURL = baseURL }
        if let priority { p.priority = priority }
        if let models { p.models = models }
        if let dailyLimit { p.dailyLimit = dailyLimit }
        if let timeout { p.timeoutMilliseconds = timeout }
        if let breakerFailures { p.breakerFailureThreshold = breakerFailures }
        if let breakerRecovery { p.breakerRecoverySeconds = breakerRecovery }
        if let breakerSuccesses { p.breakerSuccessThreshold = breakerSuccesses }
        if noKey { p.keyRequired = false }
        if disabled { p.enabled = false }
    }
}

/// `brain providers add`.
struct ProvidersAddCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["providers", "add"], summary: "add a provider",
        arguments: "NAME --kind openai|gemini --base-url URL [--priority N] [--models a,b] [--daily-limit N] [--timeout-ms N]",
        options: ProviderOptions.specs, positionals: 1...1)

    var name: String
    var options: ProviderOptions

    init(_ a: ParsedArguments) throws(UsageError) {
        name = a.positionals[0]
        options = try ProviderOptions(a)
        guard options.kind != nil else { throw UsageError("--kind is required (openai or gemini)") }
        guard options.baseURL != nil else { throw UsageError("--base-url is required") }
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase()
        var record = ProviderRecord(name: name, kind: "openai", baseURL: "")
        options.apply(to: &record)
        let added = try ProviderRepository(db: db, clock: context.clock).add(record)
        if context.json { context.outJSON(added.json) } else { context.err("added provider \(added.name)") }
        return .ok
    }
}

/// `brain providers set`.
struct ProvidersSetCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["providers", "set"], summary: "change a provider's settings",
        arguments: "NAME [--kind K] [--base-url URL] [--priority N] [--models a,b] [--daily-limit N|none] [--timeout-ms N]",
        options: ProviderOptions.specs, positionals: 1...1)

    var name: String
    var options: ProviderOptions

    init(_ a: ParsedArguments) throws(UsageError) {
        name = a.positionals[0]
        options = try ProviderOptions(a)
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase()
        let repository = ProviderRepository(db: db, clock: context.clock)
        var record = try repository.named(name)
        options.apply(to: &record)
        try repository.update(record)
        if context.json { context.outJSON(try repository.named(name).json) } else { context.err("updated provider \(name)") }
        return .ok
    }
}

/// `brain providers enable|disable|remove NAME`.
struct ProvidersEnableCommand: CLICommand {
    static let spec = CommandSpec(path: ["providers", "enable"], summary: "enable a provider", arguments: "NAME", positionals: 1...1)
    var name: String
    init(_ a: ParsedArguments) throws(UsageError) { name = a.positionals[0] }
    func run(_ context: CommandContext) async throws -> ExitCode {
        try ProviderRepository(db: try context.openDatabase()).setEnabled(name, true)
        context.err("enabled provider \(name)")
        return .ok
    }
}

struct ProvidersDisableCommand: CLICommand {
    static let spec = CommandSpec(path: ["providers", "disable"], summary: "disable a provider", arguments: "NAME", positionals: 1...1)
    var name: String
    init(_ a: ParsedArguments) throws(UsageError) { name = a.positionals[0] }
    func run(_ context: CommandContext) async throws -> ExitCode {
        try ProviderRepository(db: try context.openDatabase()).setEnabled(name, false)
        context.err("disabled provider \(name)")
        return .ok
    }
}

struct ProvidersRemoveCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["providers", "remove"], summary: "remove a provider with its keys and counters", arguments: "NAME",
        positionals: 1...1)
    var name: String
    init(_ a: ParsedArguments) throws(UsageError) { name = a.positionals[0] }
    func run(_ context: CommandContext) async throws -> ExitCode {
        try ProviderRepository(db: try context.openDatabase()).remove(name)
        context.err("removed provider \(name)")
        return .ok
    }
}

extension ProviderRecord {
    var json: JSONValue {
        [
            "name": .string(name), "kind": .string(kind), "base_url": .string(baseURL), "priority": .int(priority),
            "enabled": .bool(enabled), "models": .array(models.map { .string($0) }),
            "daily_limit": dailyLimit.map { .int($0) } ?? .null, "timeout_ms": .int(timeoutMilliseconds),
            "key_required": .bool(keyRequired),
            "breaker": [
                "failure_threshold": .int(breakerFailureThreshold),
                "recovery_seconds": .number(breakerRecoverySeconds),
                "success_threshold": .int(breakerSuccessThreshold),
            ],
        ]
    }
}
