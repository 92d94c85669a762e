import BrainCore
import BrainExtract
import Foundation

/// `brain extract FILE`: print the text brain extracts from a document.
struct ExtractCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["extract"], summary: "print the text extracted from a document (format decided by content)",
        arguments: "FILE [--json]", options: [.json], positionals: 1...1)

    var path: String
    init(_ a: ParsedArguments) throws(UsageError) { path = a.positionals[0] }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CommandError.failed("cannot read \(path): \(error.localizedDescription)")
        }
        let result = try DocumentExtractor.extract(data)
        if context.json {
            context.outJSON([
                "file": .string(path), "format": .string(result.format.rawValue),
                "pages": result.pageCount.map { .int($0) } ?? .null, "characters": .int(result.characterCount),
                "extractor": .string(result.extractor), "encoding": result.encoding.map { .string($0) } ?? .null,
                "warnings": .array(result.warnings.map { .string($0) }), "text": .string(result.text),
            ])
        } else {
            context.out(result.text)
            for warning in result.warnings { context.err("warning: \(warning)") }
        }
        return .ok
    }
}

/// `brain extract-dir IN OUT`: extract every file of a folder into OUT/<name>.txt (development and scoring).
struct ExtractDirCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["extract-dir"], summary: "(dev) extract every file of IN into OUT/<name>.txt with timings",
        arguments: "IN OUT", positionals: 2...2)

    var input: String
    var output: String
    init(_ a: ParsedArguments) throws(UsageError) {
        input = a.positionals[0]
        output = a.positionals[1]
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let inDir = URL(fileURLWithPath: input)
        let outDir = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: outDir, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: inDir.path).sorted()
        for name in names {
            let start = Date()
            let data = (try? Data(contentsOf: inDir.appendingPathComponent(name))) ?? Data()
            var text = ""
            var status = "ok"
            do { text = try DocumentExtractor.extract(data).text } catch { status = "\(error)" }
            try text.write(to: outDir.appendingPathComponent(name + ".txt"), atomically: true, encoding: .utf8)
            context.out(String(format: "%6.0fms  ", Date().timeIntervalSince(start) * 1000) + "\(name)  \(status)")
        }
        return .ok
    }
}
