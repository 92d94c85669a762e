/// Why templates could not be loaded or used.
public enum TemplateLibraryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTemplate(String)
    case unknownBase(template: String, base: String)
    case baseCycle([String])
    /// A `template.yaml` with a wrong key or value.
    case invalidMetadata(file: String, message: String)
    case yaml(file: String, YAMLError)
    case template(TemplateError)
    /// A `.jinja` file whose name is not a part, or a path too deep.
    case unexpectedFile(String)
    case unreadable(path: String, message: String)
    case invalidBudget(Int)

    public var description: String {
        switch self {
        case .unknownTemplate(let name): return "no template named '\(name)'"
        case .unknownBase(let template, let base): return "template '\(template)' names base '\(base)', which does not exist"
        case .baseCycle(let chain): return "templates inherit from each other in a cycle: \(chain.joined(separator: " -> "))"
        case .invalidMetadata(let file, let message): return "\(file): \(message)"
        case .yaml(let file, let error): return "\(file): \(error)"
        case .template(let error): return error.description
        case .unexpectedFile(let path): return "unexpected file '\(path)' (parts are system.jinja, developer.jinja, user.jinja, assistant.jinja)"
        case .unreadable(let path, let message): return "cannot read '\(path)': \(message)"
        case .invalidBudget(let budget): return "the input budget must be zero or more characters, got \(budget)"
        }
    }
}
