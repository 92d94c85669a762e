import BrainCore
import BrainEngine
import Foundation

/// `brain results export`: every result as JSON Lines, a JSON array or CSV, to stdout or a file.
struct ResultsExportCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["results", "export"], summary: "export results as jsonl (default), json or csv, oldest first",
        arguments: "[--format jsonl|csv|json] [--task T] [--out FILE]",
        options: [
            .value("format", "F", "jsonl (one result per line, default), json (one array) or csv (RFC 4180)"),
            ReportOptions.task,
            .value("out", "FILE", "write FILE (replaced only when the export completes) instead of stdout"),
        ],
        discussion: """
            jsonl and json records: result_id, job_id, task, document, provider, model, verdict, parsed,
            validation_errors, warnings, created_at.
            csv has a header row and flattens the main fields; columns:
              \(ResultFlattener.commonColumns.joined(separator: ", "))
              resumes: \(ResultFlattener.resumeColumns.joined(separator: ", "))
              job descriptions: \(ResultFlattener.jdColumns.joined(separator: ", "))
            Without --task a csv holds both tasks' columns (the task column says which apply);
            with --task only that task's. Lists inside a field are joined with "; ".
            """)

    var format: ExportFormat
    var task: String?
    var out: String?

    init(_ a: ParsedArguments) throws(UsageError) {
        let name = try a.choice("format", ExportFormat.allCases.map(\.rawValue)) ?? ExportFormat.jsonl.rawValue
        format = ExportFormat(rawValue: name) ?? .jsonl
        task = try ReportOptions.task(a)
        out = a.value("out")
        if out?.isEmpty == true { throw UsageError("--out needs a file name") }
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase(mode: .readOnly)
        let exporter = ResultExporter(format: format, task: task)
        guard let out else {
            let stdout = FileHandle.standardOutput
            try exporter.export(from: db) { text in try stdout.write(contentsOf: Data(text.utf8)) }
            return .ok
        }
        let count = try Self.writeFile(at: out) { handle in
            try exporter.export(from: db) { text in try handle.write(contentsOf: Data(text.utf8)) }
        }
        context.err("exported \(count) result\(count == 1 ? "" : "s") to \(out)")
        return .ok
    }

    /// Writes through a temporary file beside `path` and renames it over `path` once `body` finished.
    static func writeFile(at path: String, _ body: (FileHandle) throws -> Int) throws -> Int {
        let temporary = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw CommandError.failed("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            let count = try body(handle)
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw CommandError.failed("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            return count
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
