import BrainCore
import BrainEngine
import Foundation

/// The command-line front end: finds the subcommand, parses its options, runs it, maps errors to exit codes.
public enum BrainCLI {
    /// Every subcommand, in the order `brain --help` lists them.
    static var commands: [any CLICommand.Type] {
        [
            // Set-up and state.
            InitCommand.self, StatusCommand.self, ConfigReloadCommand.self, ImportCommand.self,
            ProvidersListCommand.self, ProvidersAddCommand.self, ProvidersSetCommand.self,
            ProvidersEnableCommand.self, ProvidersDisableCommand.self, ProvidersRemoveCommand.self,
            ProvidersTestCommand.self,
            KeysListCommand.self, KeysAddCommand.self, KeysRemoveCommand.self, KeysEnableCommand.self,
            KeysDisableCommand.self,
            TemplatesListCommand.self, TemplatesShowCommand.self, TemplatesRenderCommand.self,
            // The main job.
            ExtractCommand.self, ProcessCommand.self, IngestCommand.self, RunCommand.self, SyncCommand.self,
            JobsListCommand.self, RetryCommand.self,
            ResultsListCommand.self, ResultsShowCommand.self, ResultsExportCommand.self, LogsCommand.self,
            SQLCommand.self,
            // Demos, fakes and measurements.
            DemoCommand.self, FakeProviderCommand.self,
            BenchHTTPCommand.self, BenchExtractCommand.self, BenchPipelineCommand.self, ExtractDirCommand.self,
        ]
    }

    static let groups: [CommandGroup] = [
        CommandGroup(name: "providers", summary: "manage LLM providers"),
        CommandGroup(name: "keys", summary: "manage API keys (shown by fingerprint only)"),
        CommandGroup(name: "templates", summary: "list, show and render prompt templates"),
        CommandGroup(name: "config", summary: "re-read templates and environment keys"),
        CommandGroup(name: "jobs", summary: "inspect the job queue (re-queue with brain retry)"),
        CommandGroup(name: "results", summary: "read and export results"),
        CommandGroup(name: "bench", summary: "benchmarks that print figures"),
    ]

    static let version = "0.1.0"

    /// Runs the command named by `arguments` and returns the process exit code.
    public static func main(_ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) async -> Int32 {
        var tokens = arguments
        var leading: [String] = []
        // Global options may come before the command words.
        while let first = tokens.first, first.hasPrefix("-") {
            if first == "--version" {
                print("brain \(version)")
                return ExitCode.ok.rawValue
            }
            leading.append(tokens.removeFirst())
            if (first == "--db") , let value = tokens.first {
                leading.append(value)
                tokens.removeFirst()
            }
        }
        let words = tokens.prefix(while: { !$0.hasPrefix("-") })
        let match = commands
            .filter { words.starts(with: $0.spec.path) }
            .max(by: { $0.spec.path.count < $1.spec.path.count })
        guard let command = match else {
            return noCommand(words: Array(words), help: leading.contains("--help") || tokens.contains("--help") || tokens.contains("-h"))
        }
        let spec = command.spec
        let rest = leading + Array(tokens.dropFirst(spec.path.count))
        do {
            let parsed = try ParsedArguments.parse(rest, spec: spec)
            if parsed.flag("help") {
                print(spec.help, terminator: "")
                return ExitCode.ok.rawValue
            }
            let instance = try command.init(parsed)
            let context = CommandContext(
                databasePath: CommandContext.resolveDatabasePath(option: parsed.value("db"), environment: environment),
                environment: environment, json: parsed.flag("json"))
            return try await instance.run(context).rawValue
        } catch let error as UsageError {
            printError("brain: \(error.message)\nusage: \(spec.usage)\nsee: brain \(spec.path.joined(separator: " ")) --help")
            return ExitCode.usage.rawValue
        } catch {
            printError("brain: \(error)")
            return ExitCode.failure.rawValue
        }
    }

    private static func noCommand(words: [String], help: Bool) -> Int32 {
        if let first = words.first, let group = groups.first(where: { $0.name == first }) {
            let subcommands = commands.filter { $0.spec.path.first == group.name }
            var text = "usage: brain \(group.name) COMMAND\n\n\(group.summary)\n\ncommands:\n"
            text += list(subcommands)
            if help {
                print(text, terminator: "")
                return ExitCode.ok.rawValue
            }
            let what = words.count > 1 ? "unknown command '\(words[1])' for brain \(group.name)" : "brain \(group.name) needs a command"
            printError("brain: \(what)\n" + text)
            return ExitCode.usage.rawValue
        }
        if words.isEmpty {
            print(rootHelp, terminator: "")
            return help ? ExitCode.ok.rawValue : ExitCode.usage.rawValue
        }
        printError("brain: unknown command '\(words.joined(separator: " "))'\nusage: brain [--db PATH] COMMAND [OPTIONS]; see: brain --help")
        return ExitCode.usage.rawValue
    }

    static var rootHelp: String {
        """
        usage: brain [--db PATH] COMMAND [OPTIONS]

        brain turns folders of resumes and job descriptions into structured JSON through
        several LLM providers, and keeps everything in one SQLite file.

        commands:
        \(list(commands.filter { !$0.spec.summary.hasPrefix("(dev)") }))
        Every command has --help. The database is --db, else $BRAIN_DB, else ./brain.db.

        """
    }

    private static func list(_ commands: [any CLICommand.Type]) -> String {
        let width = commands.map { $0.spec.path.joined(separator: " ").count }.max() ?? 0
        return commands.map { c in
            let name = c.spec.path.joined(separator: " ")
            return "  " + name + String(repeating: " ", count: width - name.count + 2) + c.spec.summary
        }.joined(separator: "\n") + "\n"
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
