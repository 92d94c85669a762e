import Foundation
import Testing

@testable import BrainPrompt

/// Keeps `TemplateLibrary.defaultFiles` (compiled into the binary) identical to `templates/`.
@Suite struct LibraryEmbeddedCopyTests {
    static var sourceFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BrainPrompt/Library/DefaultTemplates.swift")
    }

    /// The Swift source `DefaultTemplates.swift` must have for the current `templates/` folder.
    static func expectedSource() throws -> String {
        let folder = LibraryTests.templatesFolder
        let manager = FileManager.default
        var lines = [
            "/// The repository's `templates/` folder compiled into the binary, so `brain init` works without it.",
            "///",
            "/// Generated: when `templates/` changes, `LibraryEmbeddedCopyTests` fails and writes the new",
            "/// version of this file to the temporary folder (the test says where); copy it here.",
            "extension TemplateLibrary {",
            "    /// Relative path -> contents of the default templates.",
            "    public static let defaultFiles: [String: String] = [",
        ]
        for name in try manager.contentsOfDirectory(atPath: folder.path).sorted() {
            let templateFolder = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: templateFolder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for file in try manager.contentsOfDirectory(atPath: templateFolder.path).sorted()
            where file == "template.yaml" || file.hasSuffix(".jinja") {
                let text = try String(contentsOf: templateFolder.appendingPathComponent(file), encoding: .utf8)
                lines.append("        \"\(name)/\(file)\": #\"\"\"")
                lines.append(contentsOf: text.components(separatedBy: "\n"))
                lines.append("\"\"\"#,")
            }
        }
        lines.append("    ]")
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func embeddedCopyMatchesFolder() throws {
        let expected = try Self.expectedSource()
        let actual = try? String(contentsOf: Self.sourceFile, encoding: .utf8)
        if actual != expected {
            let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("DefaultTemplates.swift")
            try expected.write(to: fresh, atomically: true, encoding: .utf8)
            Issue.record("templates/ changed: copy \(fresh.path) to Sources/BrainPrompt/Library/DefaultTemplates.swift")
        }
        let fromFolder = try TemplateLibrary.load(directory: LibraryTests.templatesFolder)
        let embedded = try TemplateLibrary.load(files: TemplateLibrary.defaultFiles)
        #expect(embedded.names == fromFolder.names)
        for name in fromFolder.names { #expect(embedded[name]?.version == fromFolder[name]?.version, "\(name)") }
    }

    @Test func defaultsRenderWithoutTheFolder() throws {
        let prompt = try TemplateLibrary.defaults().render(template: "chat", input: "What is a CV?")
        #expect(prompt.messages.map(\.role) == [.system, .user])
        #expect(prompt.messages[0].content.hasPrefix("You are a helpful assistant."))
        #expect(prompt.messages[1].content == "What is a CV?")
        #expect(prompt.templateVersion == (try LibraryTests.repositoryLibrary())["chat"]?.version)
    }
}
