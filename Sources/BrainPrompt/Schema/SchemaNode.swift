import BrainCore

/// One compiled schema location: the keywords this validator checks, with sub-schemas as
/// indices into the owning `JSONSchema`'s node table (so `$ref` cycles need no references).
struct SchemaNode: Sendable {
    /// `true` / `false` boolean schemas; nil for an object schema.
    var constantResult: Bool?

    var types: [String]? {
        didSet { typeMask = types.map(JSONTypeMask.init(names:)) }
    }
    /// `types` as bits, set with it, so checking a value's type compares no strings.
    private(set) var typeMask: JSONTypeMask?
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

/// JSON Schema type names as bits; a value matches a set when they share a bit.
struct JSONTypeMask: Sendable, Equatable {
    let bits: UInt8

    init(names: [String]) {
        var bits: UInt8 = 0
        for name in names {
            switch name {
            case "null": bits |= 1
            case "boolean": bits |= 2
            case "object": bits |= 4
            case "array": bits |= 8
            case "string": bits |= 16
            case "number": bits |= 32
            case "integer": bits |= 64
            default: break
            }
        }
        self.bits = bits
    }

    /// The bits of the types `value` has: a number is a "number", and an "integer" too when
    /// it is finite and whole (as `SchemaEvaluator.value(_:hasType:)` decides).
    init(of value: JSONValue) {
        switch value {
        case .null: bits = 1
        case .bool: bits = 2
        case .object: bits = 4
        case .array: bits = 8
        case .string: bits = 16
        case .number(let n): bits = n.isFinite && n.rounded(.towardZero) == n ? 32 | 64 : 32
        }
    }

    func admits(_ value: JSONValue) -> Bool { bits & JSONTypeMask(of: value).bits != 0 }
}
