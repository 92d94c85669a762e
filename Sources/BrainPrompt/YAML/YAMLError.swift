/// Why a YAML document could not be read, with the 1-based line.
public enum YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Valid YAML outside the supported subset (anchors, aliases, tags, directives, several
    /// documents, complex keys, tabs as indentation, values JSON cannot hold).
    case unsupported(line: Int, message: String)
    /// Text that is not well-formed YAML.
    case malformed(line: Int, message: String)

    public var line: Int {
        switch self {
        case .unsupported(let line, _), .malformed(let line, _): return line
        }
    }

    public var message: String {
        switch self {
        case .unsupported(_, let message), .malformed(_, let message): return message
        }
    }

    public var description: String { "yaml error at line \(line): \(message)" }
}
