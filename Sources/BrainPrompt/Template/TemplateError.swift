/// A template failure, with the template name and the 1-based line and column where it happened.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public enum Kind: String, Sendable, Equatable {
        /// The template text is not valid template syntax.
        case syntax
        /// A variable, attribute or item used by the template does not exist (strict mode).
        case undefined
        /// A value of the wrong type was given to an operator, filter or test.
        case type
        /// A render bound was exceeded (output size, loop iterations, nesting depth).
        case limit
    }

    public var kind: Kind
    /// The template's name (for files, the path relative to the templates folder).
    public var template: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(_ kind: Kind, template: String, line: Int, column: Int, message: String) {
        self.kind = kind
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        "\(kind.rawValue) error in template '\(template)' at line \(line), column \(column): \(message)"
    }
}

/// A position in template source (1-based).
struct SourcePosition: Sendable, Equatable {
    var line: Int
    var column: Int
}
