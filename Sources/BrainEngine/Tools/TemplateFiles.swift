import BrainCore
import BrainPrompt
import Foundation

/// Templates as files in the `templates/` folder layout (relative path -> contents).
public enum TemplateFiles {
    /// Every `template.yaml` and `*.jinja` two levels under `directory`; empty when the folder is missing.
    public static func read(directory: URL) -> [String: String] {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: directory.path) else { return [:] }
        var files: [String: String] = [:]
        for folder in folders where !folder.hasPrefix(".") {
            let folderURL = directory.appendingPathComponent(folder)
            guard let entries = try? manager.contentsOfDirectory(atPath: folderURL.path) else { continue }
            for entry in entries where entry == "template.yaml" || entry.hasSuffix(".jinja") {
                guard let data = manager.contents(atPath: folderURL.appendingPathComponent(entry).path) else { continue }
                files[folder + "/" + entry] = String(decoding: data, as: UTF8.self)
            }
        }
        return files
    }

    /// One resolved template written out on its own, with its base chain already applied.
    ///
    /// Parts with empty text are left out: they render to nothing either way.
    public static func flattened(_ template: ResolvedTemplate) -> [String: String] {
        var yaml = "task: \(template.task.rawValue)\n"
        yaml += "output_schema: \(template.outputSchema ?? "none")\n"
        yaml += "strict: \(template.strict)\n"
        yaml += "prefill: \(template.prefill)\n"
        yaml += "undefined: \(template.undefined.rawValue)\n"
        if !template.description.isEmpty {
            yaml += "description: \(JSONValue.string(template.description).serialized())\n"
        }
        var files = [template.name + "/template.yaml": yaml]
        for (part, value) in template.parts where !value.source.isEmpty {
            files[template.name + "/" + part.fileName] = value.source
        }
        return files
    }

    /// The files of the templates named `names`, taken from `files`.
    public static func subset(_ names: Set<String>, of files: [String: String]) -> [String: String] {
        files.filter { path, _ in
            guard let slash = path.firstIndex(of: "/") else { return false }
            return names.contains(String(path[..<slash]))
        }
    }
}
