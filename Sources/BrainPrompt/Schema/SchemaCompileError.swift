/// Why a JSON document could not be compiled into a `JSONSchema`.
public enum SchemaCompileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The schema text is not JSON.
    case invalidJSON(String)
    /// A location that must hold a schema holds something else (a schema is an object or a boolean).
    case notASchema(path: String)
    /// A keyword has a value of the wrong kind, e.g. `"minLength": -1`.
    case invalidKeyword(path: String, keyword: String, reason: String)
    /// A `pattern` that is not a valid regular expression.
    case invalidPattern(path: String, pattern: String)
    /// A `$ref` whose target does not exist in this document.
    case unresolvedReference(path: String, ref: String)
    /// A `$ref` to another document or an anchor; only `#` and `#/json/pointer` refs are supported.
    case unsupportedReference(path: String, ref: String)
    /// Schema nesting deeper than the compiler accepts.
    case tooDeep(path: String)

    public var description: String {
        switch self {
        case .invalidJSON(let reason): return "schema is not valid JSON: \(reason)"
        case .notASchema(let path): return "schema at \(Self.show(path)) is neither an object nor a boolean"
        case .invalidKeyword(let path, let keyword, let reason):
            return "schema keyword \(keyword) at \(Self.show(path)) \(reason)"
        case .invalidPattern(let path, let pattern):
            return "schema pattern at \(Self.show(path)) is not a valid regular expression: \(pattern)"
        case .unresolvedReference(let path, let ref): return "schema $ref \(ref) at \(Self.show(path)) points nowhere"
        case .unsupportedReference(let path, let ref):
            return "schema $ref \(ref) at \(Self.show(path)) is not supported (only references inside the same schema, like #/$defs/name)"
        case .tooDeep(let path): return "schema nesting at \(Self.show(path)) is too deep"
        }
    }

    private static func show(_ path: String) -> String { path.isEmpty ? "#" : "#" + path }
}
