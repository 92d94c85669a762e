import BrainCore
import BrainStore
import Foundation

/// What a running command may use: where the database is, the environment, the terminal.
final class CommandContext {
    let databasePath: String
    let environment: [String: String]
    let json: Bool
    let clock: any WallClock

    init(databasePath: String, environment: [String: String], json: Bool, clock: any WallClock = SystemClock()) {
        self.databasePath = databasePath
        self.environment = environment
        self.json = json
        self.clock = clock
    }

    /// The database path from --db, else $BRAIN_DB, else ./brain.db.
    static func resolveDatabasePath(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["BRAIN_DB"], !env.isEmpty { return env }
        return "brain.db"
    }

    /// Opens the database. Without `create`, a missing file is an error that says how to make one.
    func openDatabase(create: Bool = false, mode: Database.Mode = .readWrite) throws -> Database {
        if !create && !FileManager.default.fileExists(atPath: databasePath) {
            throw CommandError.noDatabase(databasePath)
        }
        return try Database(path: databasePath, mode: mode)
    }

    /// Writes a line to stdout.
    func out(_ text: String) { Swift.print(text) }

    /// Writes a line to stderr (human text, progress, warnings).
    func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `value` as the command's one JSON document.
    func outJSON(_ value: JSONValue) { out(value.serialized(pretty: true)) }

    /// Reads all of standard input.
    func readStandardInput() -> String {
        String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }

    var isStderrTerminal: Bool { isatty(2) != 0 }
    var colorEnabled: Bool { environment["NO_COLOR"] == nil && isStderrTerminal }
}

/// Failures of a command that are not usage errors: one clear line, exit code 1.
enum CommandError: Error, CustomStringConvertible {
    case noDatabase(String)
    case failed(String)

    var description: String {
        switch self {
        case .noDatabase(let path): return "no database at \(path); create one with: brain init"
        case .failed(let why): return why
        }
    }
}
