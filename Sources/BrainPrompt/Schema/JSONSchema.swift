import BrainCore

/// A JSON Schema compiled once and reused to validate many documents.
///
/// Covers the draft 2020-12 keywords the output schemas use (and their draft 4-7 spellings):
/// `type`, `enum`, `const`, `properties`, `patternProperties`, `additionalProperties`, `required`,
/// `min/maxProperties`, `prefixItems`, `items`, `min/maxItems`, `uniqueItems`, `min/maxLength`
/// (Unicode code points), `pattern`, `format` (date, date-time, email, uri, url: plausibility
/// checks), `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`,
/// `allOf`, `anyOf`, `oneOf`, `not`, and `$ref` to JSON Pointers in the same document
/// (`#/$defs/...`, `#/definitions/...`, `#`). Other keywords are annotations and are ignored.
///
/// ```swift
/// let schema = try JSONSchema(text: schemaText)
/// for violation in schema.validate(document) { print(violation) }  // "/work/0/startDate: ... (pattern)"
/// ```
public struct JSONSchema: Sendable {
    /// The schema document as given.
    public let document: JSONValue
    let nodes: [SchemaNode]
    static let rootNode = 0

    /// Compiles a schema document.
    public init(_ document: JSONValue) throws(SchemaCompileError) {
        var compiler = SchemaCompiler(document: document)
        try compiler.compileDocument()
        self.document = document
        self.nodes = compiler.nodes
    }

    /// Parses and compiles schema text.
    public init(text: String) throws(SchemaCompileError) {
        let value: JSONValue
        do { value = try JSONValue.parse(text) } catch { throw .invalidJSON(error.description) }
        try self.init(value)
    }

    /// Every way `value` fails the schema, in document order; empty when it is valid.
    public func validate(_ value: JSONValue) -> [SchemaViolation] {
        nodes.withUnsafeBufferPointer { buffer in
            var evaluator = SchemaEvaluator(nodes: buffer)
            return evaluator.violations(of: Self.rootNode, value)
        }
    }

    /// Whether `value` satisfies the schema.
    public func isValid(_ value: JSONValue) -> Bool { validate(value).isEmpty }
}
