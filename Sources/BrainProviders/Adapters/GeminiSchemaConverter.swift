import BrainCore

/// Converts a JSON Schema into Gemini's `Schema` (an OpenAPI 3.0 subset; providers.md §7.2).
///
/// `$ref`s to `$defs` / `definitions` are inlined (sibling keywords such as `description`
/// win), type names become upper case, `["string","null"]` becomes `nullable`, `const` becomes
/// a one-value `enum`, and `propertyOrdering` keeps the properties' order. Keywords Gemini does
/// not take are dropped: `additionalProperties`, `pattern`, `minLength`/`maxLength`,
/// `minProperties`, `uniqueItems`, `$schema`, `$id`, `title`, `format` other than `date-time`/`enum`.
public struct GeminiSchemaConverter: Sendable {
    /// Deeper schemas (or `$ref` chains) are refused so hostile input cannot exhaust the stack.
    public static let maxDepth = 48
    /// More nodes after inlining are refused (a chain of `$ref`s can grow a schema exponentially).
    public static let maxNodes = 5_000

    private let definitions: JSONObject

    private init(definitions: JSONObject) { self.definitions = definitions }

    /// The Gemini schema for `schema`; throws a reason when a `$ref` cannot be resolved or recurses.
    public static func convert(_ schema: JSONValue) throws(SchemaConversionError) -> JSONValue {
        var definitions = JSONObject()
        for key in ["definitions", "$defs"] {
            for (name, value) in schema[key]?.objectValue ?? JSONObject() { definitions[key + "/" + name] = value }
        }
        var budget = GeminiSchemaConverter.maxNodes
        return try GeminiSchemaConverter(definitions: definitions).convert(schema, depth: 0, refs: [], budget: &budget)
    }

    private func convert(_ node: JSONValue, depth: Int, refs: [String], budget: inout Int)
        throws(SchemaConversionError) -> JSONValue
    {
        guard depth < GeminiSchemaConverter.maxDepth else { throw .tooDeep }
        budget -= 1
        guard budget >= 0 else { throw .tooLarge }
        guard let object = node.objectValue else { return .object(JSONObject()) }
        if let ref = object["$ref"]?.stringValue {
            guard let key = ref.hasPrefix("#/") ? String(ref.dropFirst(2)) : nil, let target = definitions[key] else {
                throw .unresolvedReference(ref)
            }
            guard !refs.contains(key) else { throw .recursiveReference(ref) }
            var merged = target.objectValue ?? JSONObject()
            for (name, value) in object where name != "$ref" { merged[name] = value }
            return try convert(.object(merged), depth: depth + 1, refs: refs + [key], budget: &budget)
        }
        var out = JSONObject()
        var nullable = object["nullable"]?.boolValue ?? false
        var type = object["type"]?.stringValue
        if let types = object["type"]?.arrayValue {
            let names = types.compactMap(\.stringValue)
            nullable = nullable || names.contains("null")
            type = names.first(where: { $0 != "null" }) ?? "null"
        }
        var enumValues = (object["enum"]?.arrayValue ?? []).compactMap { $0.stringValue.map(JSONValue.string) }
        if let constant = object["const"]?.stringValue { enumValues = [.string(constant)] }
        if type == nil {
            if !enumValues.isEmpty { type = "string" }
            else if object["properties"] != nil { type = "object" }
            else if object["items"] != nil { type = "array" }
        }
        if let type { out["type"] = .string(type.uppercased()) }
        if let format = object["format"]?.stringValue, format == "date-time" || format == "enum" {
            out["format"] = .string(format)
        }
        if let description = object["description"]?.stringValue { out["description"] = .string(description) }
        if nullable { out["nullable"] = true }
        if !enumValues.isEmpty, type == nil || type == "string" { out["enum"] = .array(enumValues) }
        if let properties = object["properties"]?.objectValue {
            var converted = JSONObject()
            for (name, value) in properties {
                converted[name] = try convert(value, depth: depth + 1, refs: refs, budget: &budget)
            }
            out["properties"] = .object(converted)
            let required = (object["required"]?.arrayValue ?? []).compactMap(\.stringValue)
                .filter { properties[$0] != nil }
            if !required.isEmpty { out["required"] = .array(required.map(JSONValue.string)) }
            if !properties.isEmpty { out["propertyOrdering"] = .array(properties.keys.map(JSONValue.string)) }
        }
        if let items = object["items"], items.objectValue != nil {
            out["items"] = try convert(items, depth: depth + 1, refs: refs, budget: &budget)
        }
        for key in ["minItems", "maxItems"] {
            if let count = object[key]?.intValue, count >= 0 { out[key] = .int(count) }
        }
        for key in ["minimum", "maximum"] {
            if let bound = object[key]?.doubleValue, bound.isFinite { out[key] = .number(bound) }
        }
        if let choices = (object["anyOf"] ?? object["oneOf"])?.arrayValue {
            var converted: [JSONValue] = []
            for choice in choices.prefix(64) { converted.append(try convert(choice, depth: depth + 1, refs: refs, budget: &budget)) }
            out["anyOf"] = .array(converted)
        }
        return .object(out)
    }
}

/// Why a JSON Schema could not be turned into a Gemini schema.
public enum SchemaConversionError: Error, Sendable, Equatable, CustomStringConvertible {
    case unresolvedReference(String)
    case recursiveReference(String)
    case tooDeep
    case tooLarge

    public var description: String {
        switch self {
        case .unresolvedReference(let ref): return "output schema: cannot resolve $ref \(ref)"
        case .recursiveReference(let ref): return "output schema: recursive $ref \(ref) cannot be inlined for gemini"
        case .tooDeep: return "output schema: nested deeper than \(GeminiSchemaConverter.maxDepth) levels"
        case .tooLarge: return "output schema: more than \(GeminiSchemaConverter.maxNodes) nodes once references are inlined"
        }
    }
}
