import BrainCore

/// A provider read from the original system's `providers.yaml`.
public struct ImportedProvider: Sendable, Equatable {
    public var name: String
    /// Names of environment variables holding API keys (never the keys themselves).
    public var apiKeyEnvs: [String]
    public var models: [String]
    public var priority: Int
    public var enabled: Bool
    public var baseURL: String?
    public var kind: String?
    public var dailyLimit: Int?
}

/// Why an original-format file could not be imported.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    case yaml(YAMLError)
    /// `path` is the dotted place in the document, e.g. `providers.groq.models`.
    case invalid(path: String, message: String)

    public var description: String {
        switch self {
        case .yaml(let error): return error.description
        case .invalid(let path, let message): return "\(path): \(message)"
        }
    }
}

/// Reads the original system's `templates.yaml` and `providers.yaml`.
public enum OriginalFormatImporter {
    /// The kind of an original-format file, from its top-level key.
    public enum FileKind: String, Sendable, Equatable { case templates, providers }

    /// Which kind of file this is, from its top-level key (`templates:` or `providers:`).
    public static func kind(ofYAML text: String) throws(ImportError) -> FileKind {
        let document = try parse(text)
        if document["templates"] != nil { return .templates }
        if document["providers"] != nil { return .providers }
        throw .invalid(path: "(top level)", message: "expected a 'templates:' or 'providers:' mapping")
    }

    /// `templates:` name -> {base, system, developer, user, assistant, description}.
    public static func templates(fromYAML text: String) throws(ImportError) -> [ImportedTemplate] {
        let entries = try topLevelMapping(try parse(text), key: "templates")
        var result: [ImportedTemplate] = []
        for (name, value) in entries {
            let path = "templates.\(name)"
            guard isSafeName(name) else { throw .invalid(path: path, message: "template names use letters, digits, '_' and '-'") }
            guard let fields = value.objectValue else { throw .invalid(path: path, message: "expected a mapping of parts") }
            var template = ImportedTemplate(name: name, base: nil, description: nil, parts: [:])
            for (key, field) in fields {
                if let part = TemplatePart(rawValue: key) {
                    guard !field.isNull else { continue }
                    guard let text = field.stringValue else { throw .invalid(path: "\(path).\(key)", message: "expected text") }
                    template.parts[part] = text
                } else if key == "base" || key == "description" {
                    guard field.isNull || field.stringValue != nil else { throw .invalid(path: "\(path).\(key)", message: "expected text") }
                    if key == "base" { template.base = field.stringValue } else { template.description = field.stringValue }
                } else {
                    template.ignoredKeys.append(key)
                }
            }
            if let base = template.base, !isSafeName(base) { throw .invalid(path: "\(path).base", message: "not a template name") }
            result.append(template)
        }
        return result
    }

    /// `providers:` name -> {api_key_envs, models, priority, enabled, base_url, kind, daily_limit}.
    public static func providers(fromYAML text: String) throws(ImportError) -> [ImportedProvider] {
        let entries = try topLevelMapping(try parse(text), key: "providers")
        var result: [ImportedProvider] = []
        for (offset, entry) in entries.entries.enumerated() {
            let path = "providers.\(entry.key)"
            guard let fields = entry.value.objectValue else { throw .invalid(path: path, message: "expected a mapping") }
            func strings(_ key: String) throws(ImportError) -> [String] {
                switch fields[key] {
                case nil, .null?: return []
                case .string(let single)?: return [single]
                case .array(let items)?:
                    var out: [String] = []
                    for item in items {
                        guard let s = item.stringValue else { throw .invalid(path: "\(path).\(key)", message: "expected a list of text") }
                        out.append(s)
                    }
                    return out
                default: throw .invalid(path: "\(path).\(key)", message: "expected a list of text")
                }
            }
            func integer(_ key: String) throws(ImportError) -> Int? {
                guard let value = fields[key], !value.isNull else { return nil }
                guard let i = value.intValue else { throw .invalid(path: "\(path).\(key)", message: "expected a whole number") }
                return i
            }
            func text(_ key: String) throws(ImportError) -> String? {
                guard let value = fields[key], !value.isNull else { return nil }
                guard let s = value.stringValue else { throw .invalid(path: "\(path).\(key)", message: "expected text") }
                return s
            }
            var enabled = true
            if let flag = fields["enabled"], !flag.isNull {
                guard let b = flag.boolValue else { throw .invalid(path: "\(path).enabled", message: "expected true or false") }
                enabled = b
            }
            result.append(ImportedProvider(
                name: entry.key, apiKeyEnvs: try strings("api_key_envs"), models: try strings("models"),
                priority: try integer("priority") ?? offset + 1, enabled: enabled, baseURL: try text("base_url"),
                kind: try text("kind"), dailyLimit: try integer("daily_limit")))
        }
        return result
    }

    private static func parse(_ text: String) throws(ImportError) -> JSONValue {
        do { return try YAMLReader.parse(text) } catch { throw .yaml(error) }
    }

    private static func topLevelMapping(_ document: JSONValue, key: String) throws(ImportError) -> JSONObject {
        guard let value = document[key] else { throw .invalid(path: "(top level)", message: "missing '\(key):'") }
        if value.isNull { return JSONObject() }
        guard let object = value.objectValue else { throw .invalid(path: key, message: "expected a mapping by name") }
        return object
    }

    private static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }
}
