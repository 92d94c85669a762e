import BrainCore
import BrainEngine
import BrainStore
import Foundation

/// `brain init`: create or migrate the database, load templates, add default providers and environment keys.
struct InitCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["init"], summary: "create or migrate the database; load templates; add default providers and keys",
        arguments: "[--templates DIR] [--no-env-keys]",
        options: [
            .value("templates", "DIR", "load templates from DIR (default: ./templates, else the built-in set)"),
            .flag("no-env-keys", "do not register keys from well-known environment variables"),
            .json,
        ],
        discussion: """
            Keys are registered as env:NAME references for each variable that is set:
            \(DefaultProviders.environmentKeys.map(\.variable).joined(separator: ", ")).
            Their values are read at call time and never copied into the database.
            """)

    var templatesDirectory: String?
    var registerEnvironmentKeys: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        templatesDirectory = arguments.value("templates")
        registerEnvironmentKeys = !arguments.flag("no-env-keys")
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let existed = FileManager.default.fileExists(atPath: context.databasePath)
        let db = try context.openDatabase(create: true)
        var report = SetupReport()
        let setup = Setup(db: db, clock: context.clock)
        try db.transaction {
            try setup.addDefaultProviders(into: &report)
            if registerEnvironmentKeys { try setup.registerEnvironmentKeys(context.environment, into: &report) }
            try TemplateSetup.load(directory: templatesDirectory, db: db, clock: context.clock, into: &report)
        }
        if context.json {
            context.outJSON(report.json(database: context.databasePath, created: !existed))
        } else {
            context.out("\(existed ? "using" : "created") \(context.databasePath) (schema version \(Migrator.latestVersion))")
            context.out(report.humanSummary)
        }
        return .ok
    }
}

extension SetupReport {
    func json(database: String, created: Bool) -> JSONValue {
        [
            "database": .string(database), "created": .bool(created),
            "providers_added": .array(providersAdded.map { .string($0) }),
            "keys_registered": .array(keysRegistered.map { .string($0) }),
            "providers_enabled": .array(providersEnabled.map { .string($0) }),
            "templates_loaded": .array(templatesLoaded.map { .string($0) }),
        ]
    }

    var humanSummary: String {
        var lines: [String] = []
        lines.append("providers added: " + (providersAdded.isEmpty ? "none" : providersAdded.joined(separator: ", ")))
        lines.append("keys registered from the environment: " + (keysRegistered.isEmpty ? "none" : keysRegistered.joined(separator: ", ")))
        if !providersEnabled.isEmpty { lines.append("providers enabled: " + providersEnabled.joined(separator: ", ")) }
        lines.append("templates loaded: " + (templatesLoaded.isEmpty ? "none" : templatesLoaded.joined(separator: ", ")))
        return lines.joined(separator: "\n")
    }
}
