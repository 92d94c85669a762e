import Foundation

/// Locates the shared corpus (`../shared/corpus` beside the repository) from this file's path.
enum CorpusFiles {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let corpus: URL = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    /// Whether the corpus is present (it is in CI and on developer machines).
    static var available: Bool { FileManager.default.fileExists(atPath: corpus.path) }

    static func dev(_ name: String) throws -> Data {
        try Data(contentsOf: corpus.appendingPathComponent("dev").appendingPathComponent(name))
    }

    static func reference(_ name: String, tool: String) throws -> String {
        try String(contentsOf: corpus.appendingPathComponent("reference/dev/\(name).\(tool).txt"), encoding: .utf8)
    }

    /// Every dev file with one of the given extensions, sorted by name.
    static func devFiles(extensions: Set<String>) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("dev").path)) ?? []
        return names.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
    }
}
