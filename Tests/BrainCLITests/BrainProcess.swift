import Foundation

/// Runs the built `brain` executable, as a person or a script would, in a temporary folder.
struct BrainProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `brain` binary next to the test bundle (SwiftPM builds both into the same folder).
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        for folder in candidates {
            var url = folder
            for _ in 0..<3 {
                let candidate = url.appendingPathComponent("brain")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
                url = url.deletingLastPathComponent()
            }
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/brain")
    }()

    let folder: URL
    var environment: [String: String]

    init(environment: [String: String] = [:]) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-cli-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BRAIN_") && !$0.key.hasSuffix("_API_KEY") && !$0.key.contains("_KEY_") }
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        self.environment = env
    }

    var databasePath: String { folder.appendingPathComponent("brain.db").path }

    /// Runs `brain ARGS` in the temporary folder, feeding `stdin`.
    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, extraEnvironment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = environment.merging(extraEnvironment) { $1 }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}
