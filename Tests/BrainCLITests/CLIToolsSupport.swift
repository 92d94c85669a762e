import Foundation

/// A `brain` process left running (e.g. `brain fake-provider`), read line by line.
final class RunningBrain {
    let process = Process()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffered = Data()

    /// Starts `brain ARGS` in `brain`'s folder. A watchdog kills it after `limit` seconds so a
    /// broken command cannot hang the suite.
    init(_ arguments: [String], in brain: BrainProcess, limit: Double = 60) throws {
        process.executableURL = BrainProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = brain.folder
        process.environment = brain.environment
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let pid = process.processIdentifier
        let watched = process
        DispatchQueue.global().asyncAfter(deadline: .now() + limit) {
            if watched.isRunning { kill(pid, SIGKILL) }
        }
    }

    /// The next line of standard output, or nil at end of file.
    func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
                buffered = Data(buffered[buffered.index(after: newline)...])
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffered.append(chunk)
        }
    }

    /// Sends `signal`, waits for the exit, and returns the rest of stdout and all of stderr.
    func stop(signal: Int32 = SIGTERM) -> (status: Int32, reason: Process.TerminationReason, stdout: String, stderr: String) {
        kill(process.processIdentifier, signal)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason,
                String(decoding: buffered + rest, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }
}

extension BrainProcess.Output {
    /// Standard output parsed as JSON (nil when it is not one JSON document).
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) }
    var jsonObject: [String: Any]? { json as? [String: Any] }
    var jsonArray: [[String: Any]]? { json as? [[String: Any]] }
}

extension BrainProcess {
    /// Writes `text` to `name` in the process's folder and returns the path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// A one-page PDF with a correct cross-reference table, built in memory.
enum TinyPDF {
    static func make(text: String) -> String {
        let content = "BT /F1 12 Tf 72 720 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var pdf = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (i, body) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(i + 1) 0 obj\n\(body)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf
    }
}
