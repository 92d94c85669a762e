import BrainCore

/// A template read from the original system's `templates.yaml`.
public struct ImportedTemplate: Sendable, Equatable {
    public var name: String
    public var base: String?
    public var description: String?
    /// The parts the file defines (others are inherited from the base).
    public var parts: [TemplatePart: String]
    /// Keys of the template's entry that brain does not use.
    public var ignoredKeys: [String]

    public init(name: String, base: String?, description: String?, parts: [TemplatePart: String], ignoredKeys: [String] = []) {
        self.name = name
        self.base = base
        self.description = description
        self.parts = parts
        self.ignoredKeys = ignoredKeys
    }

    /// The template in the `templates/` folder layout (relative path -> contents). Undefined
    /// variables are lenient, as they were under the original system's Jinja environment.
    public var files: [String: String] {
        var metadata = "# imported from the original system's templates.yaml\n"
        if let base { metadata += "base: \(Self.yamlQuoted(base))\n" }
        metadata += "undefined: lenient\n"
        if let description { metadata += "description: \(Self.yamlQuoted(description))\n" }
        var files = [name + "/template.yaml": metadata]
        for (part, text) in parts {
            // Written as is: the text the original system gave to Jinja, so it renders the same.
            files[name + "/" + part.fileName] = text
        }
        return files
    }

    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += "\\x" + PythonText.hex(scalar.value, width: 2) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

extension TemplateLibrary {
    /// A library of imported templates layered over existing files (imported ones win).
    public static func load(imported: [ImportedTemplate], over files: [String: String] = [:], limits: TemplateLimits = .standard) throws(TemplateLibraryError) -> TemplateLibrary {
        var merged = files
        for template in imported {
            for key in merged.keys where key.hasPrefix(template.name + "/") { merged[key] = nil }
            for (path, contents) in template.files { merged[path] = contents }
        }
        return try load(files: merged, limits: limits)
    }
}
