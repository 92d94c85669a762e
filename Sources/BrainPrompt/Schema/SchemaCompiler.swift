import BrainCore
import Foundation

/// Turns a schema document into the node table of a `JSONSchema`. Every schema location is
/// compiled once, keyed by its JSON Pointer; `$ref` targets are compiled on demand and shared.
struct SchemaCompiler {
    static let maxDepth = 128
    static let knownTypes: Set<String> = ["null", "boolean", "object", "array", "number", "string", "integer"]

    let document: JSONValue
    private(set) var nodes: [SchemaNode] = []
    private var indexByPointer: [String: Int] = [:]
    private var patterns: [String: SchemaPattern] = [:]
    private var pendingRefs: [(node: Int, ref: String, path: String)] = []

    init(document: JSONValue) { self.document = document }

    /// Compiles the whole document; the root is node 0.
    mutating func compileDocument() throws(SchemaCompileError) {
        _ = try compile(document, pointer: "", depth: 0)
        while let pending = pendingRefs.popLast() {
            let target = try resolve(pending.ref, at: pending.path)
            nodes[pending.node].ref = target
        }
    }

    private mutating func resolve(_ ref: String, at path: String) throws(SchemaCompileError) -> Int {
        guard ref.hasPrefix("#") else { throw .unsupportedReference(path: path, ref: ref) }
        let fragment = String(ref.dropFirst()).removingPercentEncoding ?? String(ref.dropFirst())
        if let known = indexByPointer[fragment] { return known }
        guard let tokens = JSONPointer.tokens(fragment) else { throw .unsupportedReference(path: path, ref: ref) }
        var target = document
        for token in tokens {
            switch target {
            case .object(let object):
                guard let next = object[token] else { throw .unresolvedReference(path: path, ref: ref) }
                target = next
            case .array(let array):
                guard let i = Int(token), array.indices.contains(i) else { throw .unresolvedReference(path: path, ref: ref) }
                target = array[i]
            default:
                throw .unresolvedReference(path: path, ref: ref)
            }
        }
        return try compile(target, pointer: fragment, depth: tokens.count)
    }

    private mutating func compile(_ value: JSONValue, pointer: String, depth: Int) throws(SchemaCompileError) -> Int {
        if let known = indexByPointer[pointer] { return known }
        guard depth <= Self.maxDepth else { throw .tooDeep(path: pointer) }
        let index = nodes.count
        indexByPointer[pointer] = index
        switch value {
        case .bool(let b):
            nodes.append(SchemaNode(constantResult: b))
            return index
        case .object(let object):
            nodes.append(SchemaNode())
            let node = try compileKeywords(object, pointer: pointer, depth: depth, index: index)
            nodes[index] = node
            return index
        default:
            throw .notASchema(path: pointer)
        }
    }

    private mutating func sub(_ object: JSONObject, _ keyword: String, pointer: String, depth: Int) throws(SchemaCompileError) -> Int? {
        guard let value = object[keyword] else { return nil }
        return try compile(value, pointer: JSONPointer.appending(keyword, to: pointer), depth: depth + 1)
    }

    private mutating func subList(_ object: JSONObject, _ keyword: String, pointer: String, depth: Int) throws(SchemaCompileError) -> [Int] {
        guard let value = object[keyword] else { return [] }
        guard case .array(let list) = value, !list.isEmpty else {
            throw .invalidKeyword(path: pointer, keyword: keyword, reason: "must be a non-empty array of schemas")
        }
        let base = JSONPointer.appending(keyword, to: pointer)
        var result: [Int] = []
        for (i, item) in list.enumerated() {
            result.append(try compile(item, pointer: JSONPointer.appending(i, to: base), depth: depth + 2))
        }
        return result
    }

    private mutating func compilePattern(_ source: String, pointer: String) throws(SchemaCompileError) -> SchemaPattern {
        if let cached = patterns[source] { return cached }
        guard let compiled = SchemaPattern(source) else { throw .invalidPattern(path: pointer, pattern: source) }
        patterns[source] = compiled
        return compiled
    }

    private mutating func compileKeywords(
        _ object: JSONObject, pointer: String, depth: Int, index: Int
    ) throws(SchemaCompileError) -> SchemaNode {
        var node = SchemaNode()
        let read = KeywordReader(object: object, pointer: pointer)
        node.description = object["description"]?.stringValue

        if let type = object["type"] {
            let names: [String]
            switch type {
            case .string(let s): names = [s]
            case .array(let list): names = list.compactMap(\.stringValue)
            default: names = []
            }
            guard !names.isEmpty, names.count == type.arrayValue?.count ?? 1,
                names.allSatisfy({ Self.knownTypes.contains($0) })
            else { throw .invalidKeyword(path: pointer, keyword: "type", reason: "must name JSON types") }
            node.types = names
        }
        if let values = object["enum"] {
            guard case .array(let list) = values else {
                throw .invalidKeyword(path: pointer, keyword: "enum", reason: "must be an array")
            }
            node.enumValues = list
        }
        node.constValue = object["const"]

        if let properties = object["properties"] {
            guard case .object(let map) = properties else {
                throw .invalidKeyword(path: pointer, keyword: "properties", reason: "must be an object")
            }
            let base = JSONPointer.appending("properties", to: pointer)
            for (name, schema) in map {
                let child = try compile(schema, pointer: JSONPointer.appending(name, to: base), depth: depth + 2)
                node.properties.append((name, child))
            }
        }
        if let patternProperties = object["patternProperties"] {
            guard case .object(let map) = patternProperties else {
                throw .invalidKeyword(path: pointer, keyword: "patternProperties", reason: "must be an object")
            }
            let base = JSONPointer.appending("patternProperties", to: pointer)
            for (source, schema) in map {
                let childPointer = JSONPointer.appending(source, to: base)
                let regex = try compilePattern(source, pointer: childPointer)
                node.patternProperties.append((regex, try compile(schema, pointer: childPointer, depth: depth + 2)))
            }
        }
        node.additionalProperties = try sub(object, "additionalProperties", pointer: pointer, depth: depth)
        node.required = try read.strings("required")
        node.minProperties = try read.count("minProperties")
        node.maxProperties = try read.count("maxProperties")

        node.prefixItems = try subList(object, "prefixItems", pointer: pointer, depth: depth)
        if case .array = object["items"] {
            // Draft 4-7 tuple form: `items` is a list and `additionalItems` covers the rest.
            node.prefixItems = try subList(object, "items", pointer: pointer, depth: depth)
            node.items = try sub(object, "additionalItems", pointer: pointer, depth: depth)
        } else {
            node.items = try sub(object, "items", pointer: pointer, depth: depth)
        }
        node.minItems = try read.count("minItems")
        node.maxItems = try read.count("maxItems")
        node.uniqueItems = object["uniqueItems"]?.boolValue ?? false

        node.minLength = try read.count("minLength")
        node.maxLength = try read.count("maxLength")
        if let pattern = object["pattern"] {
            guard case .string(let source) = pattern else {
                throw .invalidKeyword(path: pointer, keyword: "pattern", reason: "must be a string")
            }
            node.pattern = try compilePattern(source, pointer: pointer)
        }
        node.format = object["format"]?.stringValue

        node.minimum = try read.number("minimum")
        node.maximum = try read.number("maximum")
        // Draft 4 wrote exclusiveMinimum/Maximum as booleans modifying minimum/maximum.
        if object["exclusiveMinimum"]?.boolValue == true {
            node.exclusiveMinimum = node.minimum
            node.minimum = nil
        } else if object["exclusiveMinimum"]?.boolValue == nil {
            node.exclusiveMinimum = try read.number("exclusiveMinimum")
        }
        if object["exclusiveMaximum"]?.boolValue == true {
            node.exclusiveMaximum = node.maximum
            node.maximum = nil
        } else if object["exclusiveMaximum"]?.boolValue == nil {
            node.exclusiveMaximum = try read.number("exclusiveMaximum")
        }
        node.multipleOf = try read.number("multipleOf")
        if let m = node.multipleOf, !(m > 0) {
            throw .invalidKeyword(path: pointer, keyword: "multipleOf", reason: "must be greater than 0")
        }

        node.allOf = try subList(object, "allOf", pointer: pointer, depth: depth)
        node.anyOf = try subList(object, "anyOf", pointer: pointer, depth: depth)
        node.oneOf = try subList(object, "oneOf", pointer: pointer, depth: depth)
        node.not = try sub(object, "not", pointer: pointer, depth: depth)
        if let ref = object["$ref"] {
            guard case .string(let text) = ref else {
                throw .invalidKeyword(path: pointer, keyword: "$ref", reason: "must be a string")
            }
            node.refText = text
            pendingRefs.append((index, text, pointer))
        }
        return node
    }
}

/// Reads scalar keyword values, rejecting values of the wrong kind.
private struct KeywordReader {
    let object: JSONObject
    let pointer: String

    func count(_ keyword: String) throws(SchemaCompileError) -> Int? {
        guard let value = object[keyword] else { return nil }
        guard let n = value.intValue, n >= 0 else {
            throw .invalidKeyword(path: pointer, keyword: keyword, reason: "must be a non-negative integer")
        }
        return n
    }

    func number(_ keyword: String) throws(SchemaCompileError) -> Double? {
        guard let value = object[keyword] else { return nil }
        guard let n = value.doubleValue, n.isFinite else {
            throw .invalidKeyword(path: pointer, keyword: keyword, reason: "must be a number")
        }
        return n
    }

    func strings(_ keyword: String) throws(SchemaCompileError) -> [String] {
        guard let value = object[keyword] else { return [] }
        guard case .array(let list) = value, list.allSatisfy({ $0.stringValue != nil }) else {
            throw .invalidKeyword(path: pointer, keyword: keyword, reason: "must be an array of strings")
        }
        return list.compactMap(\.stringValue)
    }
}
