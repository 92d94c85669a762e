/// One subcommand: validates its arguments when made, then runs.
protocol CLICommand {
    static var spec: CommandSpec { get }
    /// Checks the arguments; throws `UsageError` for anything a person typed wrong.
    init(_ arguments: ParsedArguments) throws(UsageError)
    /// Does the work. Errors become one line on stderr and exit code 1.
    func run(_ context: CommandContext) async throws -> ExitCode
}

/// A word that groups subcommands (`providers`, `keys`, ...): prints its subcommands.
struct CommandGroup: Sendable {
    var name: String
    var summary: String
}
