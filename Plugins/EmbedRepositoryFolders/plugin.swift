import Foundation
import PackagePlugin

/// Compiles the repository's `templates/`, `schemas/` and `samples/` folders into the target
/// that uses this plugin, so the binary works from any folder with no files beside it.
/// The folders stay the one copy people edit; the build regenerates the embedding when they change.
@main
struct EmbedRepositoryFolders: BuildToolPlugin {
    static let folders = ["templates", "schemas", "samples"]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        var inputs: [URL] = []
        for folder in Self.folders {
            let directory = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
                continue
            }
            for case let url as URL in walker
            where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                inputs.append(url)
            }
            inputs.append(directory)
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(Self.folders.joined(separator: ", "))",
                executable: try context.tool(named: "EmbedTool").url,
                arguments: [root.path, output.path] + Self.folders,
                inputFiles: inputs, outputFiles: [output])
        ]
    }
}
