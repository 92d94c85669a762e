/// Where in which template something went wrong (line and column are 1-based).
public struct TemplateLocation: Sendable, Equatable {
    /// The template's name (for files, the path relative to the templates folder).
    public var template: String
    public var line: Int
    public var column: Int

    public init(template: String, line: Int, column: Int) {
        self.template = template
        self.line = line
        self.column = column
    }
}

/// A template failure, with the template name, line and column where it happened.
public enum TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template text is not valid template syntax.
    case syntax(TemplateLocation, String)
    /// A variable, attribute or item used by the template does not exist (strict mode).
    case undefined(TemplateLocation, String)
    /// A value of the wrong type was given to an operator, filter or test.
    case type(TemplateLocation, String)
    /// A render bound was exceeded (output size, loop iterations, nesting depth).
    case limit(TemplateLocation, String)

    /// The case without its payload, for matching in tables.
    public enum Kind: String, Sendable, Equatable {
        case syntax, undefined, type, limit
    }

    public init(_ kind: Kind, template: String, line: Int, column: Int, message: String) {
        let location = TemplateLocation(template: template, line: line, column: column)
        switch kind {
        case .syntax: self = .syntax(location, message)
        case .undefined: self = .undefined(location, message)
        case .type: self = .type(location, message)
        case .limit: self = .limit(location, message)
        }
    }

    public var kind: Kind {
        switch self {
        case .syntax: return .syntax
        case .undefined: return .undefined
        case .type: return .type
        case .limit: return .limit
        }
    }

    public var location: TemplateLocation {
        switch self {
        case .syntax(let l, _), .undefined(let l, _), .type(let l, _), .limit(let l, _): return l
        }
    }

    public var message: String {
        switch self {
        case .syntax(_, let m), .undefined(_, let m), .type(_, let m), .limit(_, let m): return m
        }
    }

    public var template: String { location.template }
    public var line: Int { location.line }
    public var column: Int { location.column }

    public var description: String {
        "\(kind.rawValue) error in template '\(template)' at line \(line), column \(column): \(message)"
    }
}

/// A position in template source (1-based).
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
