import BrainCore
import BrainExtract
import Foundation

/// `brain bench extract DIR`: PDF extraction speed, next to `pdftotext` when it is installed.
struct BenchExtractCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["bench", "extract"], summary: "measure PDF extraction speed over a folder (and pdftotext's, when installed)",
        arguments: "DIR [--runs N] [--json]",
        options: [.value("runs", "N", "times to extract every file (default 3); figures are medians"), .json],
        positionals: 1...1,
        discussion: """
            Every file of DIR that is a PDF by content is read into memory, then extracted in this process
            N times. When pdftotext is on PATH, each run also times one `pdftotext FILE -` process per file
            (its output read through a pipe). Pages are those each extractor returned text for; files
            per second count every file, failed ones included.
            """)

    var directory: String
    var runs: Int

    init(_ a: ParsedArguments) throws(UsageError) {
        directory = a.positionals[0]
        runs = try a.int("runs", range: 1...1000) ?? 3
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let files = try pdfFiles()
        guard !files.isEmpty else { throw CommandError.failed("no PDF files in \(directory)") }
        let pdftotext = Self.executable(named: "pdftotext", path: context.environment["PATH"] ?? "")
        var brainSeconds: [Double] = []
        var toolSeconds: [Double] = []
        var pages = 0
        var failures = 0
        var toolPages = 0
        var toolFailures = 0
        for run in 1...runs {
            let clock = ContinuousClock()
            var runPages = 0
            var runFailures = 0
            let start = clock.now
            for file in files {
                do { runPages += try DocumentExtractor.extract(file.data).pageCount ?? 0 } catch { runFailures += 1 }
            }
            brainSeconds.append(Self.seconds(clock.now - start))
            (pages, failures) = (runPages, runFailures)
            if let pdftotext {
                let toolStart = clock.now
                let counts = files.map { Self.runTool(pdftotext, file: $0.url) }
                toolPages = counts.reduce(0) { $0 + ($1 ?? 0) }
                toolFailures = counts.filter { $0 == nil }.count
                toolSeconds.append(Self.seconds(clock.now - toolStart))
            }
            if !context.json { context.err("run \(run)/\(runs) done") }
        }
        let brain = Figures(seconds: Self.median(brainSeconds), files: files.count, pages: pages, failures: failures)
        let tool = pdftotext.map { _ in Figures(seconds: Self.median(toolSeconds), files: files.count, pages: toolPages, failures: toolFailures) }
        if context.json {
            context.outJSON([
                "directory": .string(directory), "runs": .int(runs), "files": .int(files.count), "pages": .int(pages),
                "failures": .int(failures), "brain": brain.json(runs: brainSeconds),
                "pdftotext": tool.map { $0.json(runs: toolSeconds) } ?? .null,
            ])
            return .ok
        }
        var table = TextTable(["", "BRAIN (IN PROCESS)"] + (tool == nil ? [] : ["PDFTOTEXT (PROCESS PER FILE)"]))
        let columns = [brain] + (tool.map { [$0] } ?? [])
        table.add(["files"] + columns.map { String($0.files) })
        table.add(["pages"] + columns.map { String($0.pages) })
        table.add(["failures"] + columns.map { String($0.failures) })
        table.add(["median seconds"] + columns.map { String(format: "%.3f", $0.seconds) })
        table.add(["pages/second"] + columns.map { String(format: "%.1f", $0.pagesPerSecond) })
        table.add(["files/second"] + columns.map { String(format: "%.1f", $0.filesPerSecond) })
        context.out(table.rendered)
        if tool == nil { context.err("pdftotext is not on PATH; only brain was measured") }
        return .ok
    }

    /// Median run figures for one extractor.
    struct Figures {
        var seconds: Double
        var files: Int
        var pages: Int
        var failures: Int
        var pagesPerSecond: Double { seconds > 0 ? Double(pages) / seconds : 0 }
        var filesPerSecond: Double { seconds > 0 ? Double(files) / seconds : 0 }

        func json(runs: [Double]) -> JSONValue {
            [
                "median_seconds": .number(seconds), "pages": .int(pages), "pages_per_second": .number(pagesPerSecond),
                "files_per_second": .number(filesPerSecond), "failures": .int(failures),
                "run_seconds": .array(runs.map { .number($0) }),
            ]
        }
    }

    private func pdfFiles() throws -> [(url: URL, data: Data)] {
        let folder = URL(fileURLWithPath: directory)
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder.path) } catch {
            throw CommandError.failed("cannot read the folder \(directory)")
        }
        return names.sorted().compactMap { name in
            let url = folder.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path), data.starts(with: Array("%PDF".utf8)) else { return nil }
            return (url, data)
        }
    }

    static func executable(named name: String, path: String) -> URL? {
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs `tool FILE -` and returns the pages it printed (it ends each page with a form feed),
    /// or nil when it failed.
    static func runTool(_ tool: URL, file: URL) -> Int? {
        let process = Process()
        let output = Pipe()
        process.executableURL = tool
        process.arguments = [file.path, "-"]
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let text = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit && process.terminationStatus == 0 else { return nil }
        return text.reduce(0) { $1 == 0x0C ? $0 + 1 : $0 }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
