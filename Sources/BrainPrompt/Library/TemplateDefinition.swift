import BrainCore

/// One template folder as written: its metadata and the parts it defines itself.
struct TemplateDefinition: Sendable {
    /// An explicit choice of output schema (`none` differs from not saying, which inherits).
    enum SchemaSetting: Sendable, Equatable {
        case none
        case named(String)
    }

    var name: String
    var base: String?
    var description: String = ""
    var outputSchema: SchemaSetting?
    var strict: Bool?
    var prefill: Bool?
    var task: TaskType?
    var undefined: UndefinedBehavior?
    var parts: [TemplatePart: Template] = [:]

    static let schemaNames: Set<String> = ["resume", "jd"]
    static let metadataKeys = ["base", "output_schema", "strict", "prefill", "task", "undefined", "description"]

    /// Reads `template.yaml`: `base`, `output_schema` (resume, jd or none), `strict`,
    /// `prefill`, `task`, `undefined` (strict or lenient) and `description`, all optional.
    mutating func readMetadata(_ text: String, file: String) throws(TemplateLibraryError) {
        let document: JSONValue
        do { document = try YAMLReader.parse(text) } catch { throw .yaml(file: file, error) }
        if document.isNull { return }
        guard let object = document.objectValue else { throw .invalidMetadata(file: file, message: "expected a mapping of settings") }
        func invalid(_ message: String) -> TemplateLibraryError { .invalidMetadata(file: file, message: message) }
        for (key, value) in object {
            switch key {
            case "base":
                guard value.isNull || value.stringValue != nil else { throw invalid("'base' must be a template name") }
                base = value.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            case "output_schema":
                if value.isNull || value.stringValue == "none" {
                    outputSchema = SchemaSetting.none
                } else if let name = value.stringValue, Self.schemaNames.contains(name) {
                    outputSchema = .named(name)
                } else {
                    throw invalid("'output_schema' must be resume, jd or none")
                }
            case "strict", "prefill":
                guard let flag = value.boolValue else { throw invalid("'\(key)' must be true or false") }
                if key == "strict" { strict = flag } else { prefill = flag }
            case "task":
                guard let raw = value.stringValue, let parsed = TaskType(rawValue: raw) else {
                    throw invalid("'task' must be one of \(TaskType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                task = parsed
            case "undefined":
                guard let raw = value.stringValue, let parsed = UndefinedBehavior(rawValue: raw) else {
                    throw invalid("'undefined' must be strict or lenient")
                }
                undefined = parsed
            case "description":
                guard let text = value.stringValue else { throw invalid("'description' must be text") }
                description = text
            default:
                throw invalid("unknown setting '\(key)' (known: \(Self.metadataKeys.joined(separator: ", ")))")
            }
        }
    }
}
