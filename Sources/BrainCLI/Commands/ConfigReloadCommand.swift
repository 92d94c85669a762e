import BrainEngine

/// `brain config reload`: re-read templates and environment keys.
struct ConfigReloadCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["config", "reload"], summary: "re-read templates and environment keys",
        arguments: "[--templates DIR] [--no-env-keys]",
        options: [
            .value("templates", "DIR", "load templates from DIR (default: ./templates, else the built-in set)"),
            .flag("no-env-keys", "do not register keys from well-known environment variables"),
            .json,
        ])

    var templatesDirectory: String?
    var registerEnvironmentKeys: Bool

    init(_ arguments: ParsedArguments) throws(UsageError) {
        templatesDirectory = arguments.value("templates")
        registerEnvironmentKeys = !arguments.flag("no-env-keys")
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase()
        var report = SetupReport()
        let setup = Setup(db: db, clock: context.clock)
        try db.transaction {
            if registerEnvironmentKeys { try setup.registerEnvironmentKeys(context.environment, into: &report) }
            try TemplateSetup.load(directory: templatesDirectory, db: db, clock: context.clock, into: &report)
        }
        if context.json {
            context.outJSON(report.json(database: context.databasePath, created: false))
        } else {
            context.out(report.humanSummary)
        }
        return .ok
    }
}
