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
        let yaml = metadataYAML(
            task: template.task.rawValue, outputSchema: template.outputSchema, strict: template.strict,
            prefill: template.prefill, undefined: template.undefined.rawValue, description: template.description)
        var files = [template.name + "/template.yaml": yaml]
        for (part, value) in template.parts where !value.source.isEmpty {
            files[template.name + "/" + part.fileName] = value.source
        }
        return files
    }

    /// A `template.yaml` holding a resolved template's settings (no base: its parts are complete).
    public static func metadataYAML(
        task: String, outputSchema: String?, strict: Bool, prefill: Bool, undefined: String, description: String
    ) -> String {
        var yaml = "task: \(task)\n"
        yaml += "output_schema: \(outputSchema ?? "none")\n"
        yaml += "strict: \(strict)\n"
        yaml += "prefill: \(prefill)\n"
        yaml += "undefined: \(undefined)\n"
        if !description.isEmpty { yaml += "description: \(JSONValue.string(description).serialized())\n" }
        return yaml
    }

    /// The files of the templates named `names`, taken from `files`.
    public static func subset(_ names: Set<String>, of files: [String: String]) -> [String: String] {
        files.filter { path, _ in
            guard let slash = path.firstIndex(of: "/") else { return false }
            return names.contains(String(path[..<slash]))
        }
    }
}
