import BrainCore

/// One compiled schema location: the keywords this validator checks, with sub-schemas as
/// indices into the owning `JSONSchema`'s node table (so `$ref` cycles need no references).
struct SchemaNode: Sendable {
    /// `true` / `false` boolean schemas; nil for an object schema.
    var constantResult: Bool?

    var types: [String]?
    var enumValues: [JSONValue]?
    /// `.some(.null)` is `const: null`; nil is "no const".
    var constValue: JSONValue?

    var properties: [(name: String, node: Int)] = []
    var patternProperties: [(pattern: SchemaPattern, node: Int)] = []
    var additionalProperties: Int?
    var required: [String] = []
    var minProperties: Int?
    var maxProperties: Int?

    var prefixItems: [Int] = []
    var items: Int?
    var minItems: Int?
    var maxItems: Int?
    var uniqueItems = false

    var minLength: Int?
    var maxLength: Int?
    var pattern: SchemaPattern?
    var format: String?

    var minimum: Double?
    var maximum: Double?
    var exclusiveMinimum: Double?
    var exclusiveMaximum: Double?
    var multipleOf: Double?

    var allOf: [Int] = []
    var anyOf: [Int] = []
    var oneOf: [Int] = []
    var not: Int?
    var ref: Int?
    /// The `$ref` text as written, for messages.
    var refText: String?

    /// The `description` annotation (the normaliser reads it; validation ignores it).
    var description: String?

    init(constantResult: Bool? = nil) { self.constantResult = constantResult }

    /// Whether any of `allOf`, `anyOf`, `oneOf` or `not` is present.
    @inline(__always) var hasCombinators: Bool { !allOf.isEmpty || !anyOf.isEmpty || !oneOf.isEmpty || not != nil }

    func property(_ name: String) -> Int? {
        for property in properties where property.name == name { return property.node }
        return nil
    }
}
