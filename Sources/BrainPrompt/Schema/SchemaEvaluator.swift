import BrainCore

/// Walks a document against compiled schema nodes and collects violations.
struct SchemaEvaluator {
    /// Deeper documents are reported, not walked, so programmatic values cannot exhaust the stack.
    static let maxDocumentDepth = 600
    let nodes: [SchemaNode]

    /// `inPlace` lists the nodes already applied to this same value through `$ref` and the
    /// combinators; meeting one again means a reference loop that would never end.
    func evaluate(_ index: Int, _ value: JSONValue, path: String, inPlace: [Int], depth: Int) -> [SchemaViolation] {
        guard nodes.indices.contains(index) else { return [] }
        let node = nodes[index]
        if inPlace.contains(index) {
            return [SchemaViolation(path: path, keyword: "$ref", message: "reference loop: the schema refers back to itself without reaching a value check")]
        }
        if let constant = node.constantResult {
            return constant ? [] : [SchemaViolation(path: path, keyword: "false", message: "no value is allowed here")]
        }
        guard depth <= Self.maxDocumentDepth else {
            return [SchemaViolation(path: path, keyword: "depth", message: "document is nested too deeply to validate")]
        }
        let here = inPlace + [index]
        var out: [SchemaViolation] = []

        if let types = node.types, !types.contains(where: { Self.value(value, hasType: $0) }) {
            let expected = types.count == 1 ? types[0] : "one of " + types.joined(separator: ", ")
            out.append(.init(path: path, keyword: "type", message: "expected \(expected), found \(value.typeName)"))
        }
        if let allowed = node.enumValues, !allowed.contains(value) {
            let shown = allowed.prefix(12).map { ValuePreview.short($0) }.joined(separator: ", ")
            out.append(.init(path: path, keyword: "enum", message: "\(ValuePreview.short(value)) is not one of \(shown)\(allowed.count > 12 ? ", ..." : "")"))
        }
        if let expected = node.constValue, expected != value {
            out.append(.init(path: path, keyword: "const", message: "expected \(ValuePreview.short(expected)), found \(ValuePreview.short(value))"))
        }

        switch value {
        case .object(let object): out += evaluateObject(node, object, path: path, depth: depth)
        case .array(let array): out += evaluateArray(node, array, path: path, depth: depth)
        case .string(let string): out += ScalarChecks.string(node, string, path: path)
        case .number(let number): out += ScalarChecks.number(node, number, path: path)
        case .null, .bool: break
        }

        for sub in node.allOf { out += evaluate(sub, value, path: path, inPlace: here, depth: depth) }
        if !node.anyOf.isEmpty {
            let results = node.anyOf.map { evaluate($0, value, path: path, inPlace: here, depth: depth) }
            if let loop = Self.loopViolation(in: results) {
                out.append(loop)
            } else if !results.contains(where: \.isEmpty) {
                out.append(.init(path: path, keyword: "anyOf", message: "matches none of the alternatives: " + Self.summary(results)))
            }
        }
        if !node.oneOf.isEmpty {
            let results = node.oneOf.map { evaluate($0, value, path: path, inPlace: here, depth: depth) }
            let passing = results.indices.filter { results[$0].isEmpty }
            if let loop = Self.loopViolation(in: results) {
                out.append(loop)
            } else if passing.isEmpty {
                out.append(.init(path: path, keyword: "oneOf", message: "matches none of the alternatives: " + Self.summary(results)))
            } else if passing.count > 1 {
                let which = passing.map { String($0 + 1) }.joined(separator: ", ")
                out.append(.init(path: path, keyword: "oneOf", message: "matches alternatives \(which), but must match exactly one"))
            }
        }
        if let sub = node.not {
            let result = evaluate(sub, value, path: path, inPlace: here, depth: depth)
            if let loop = Self.loopViolation(in: [result]) {
                out.append(loop)
            } else if result.isEmpty {
                out.append(.init(path: path, keyword: "not", message: "matches the schema it must not match"))
            }
        }
        if let target = node.ref {
            out += evaluate(target, value, path: path, inPlace: here, depth: depth)
        }
        return out
    }

    private func evaluateObject(_ node: SchemaNode, _ object: JSONObject, path: String, depth: Int) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        for name in node.required where object[name] == nil {
            out.append(.init(path: path, keyword: "required", message: "missing required property \"\(name)\""))
        }
        if let min = node.minProperties, object.count < min {
            out.append(.init(path: path, keyword: "minProperties", message: "object has \(object.count) properties, fewer than the minimum \(min)"))
        }
        if let max = node.maxProperties, object.count > max {
            out.append(.init(path: path, keyword: "maxProperties", message: "object has \(object.count) properties, more than the maximum \(max)"))
        }
        for (key, member) in object {
            let memberPath = JSONPointer.appending(key, to: path)
            var matched = false
            if let sub = node.property(key) {
                matched = true
                out += evaluate(sub, member, path: memberPath, inPlace: [], depth: depth + 1)
            }
            for (pattern, sub) in node.patternProperties where pattern.matches(key) {
                matched = true
                out += evaluate(sub, member, path: memberPath, inPlace: [], depth: depth + 1)
            }
            if !matched, let extra = node.additionalProperties {
                if nodes.indices.contains(extra), nodes[extra].constantResult == false {
                    out.append(.init(path: memberPath, keyword: "additionalProperties", message: "property \"\(key)\" is not allowed here"))
                } else {
                    out += evaluate(extra, member, path: memberPath, inPlace: [], depth: depth + 1)
                }
            }
        }
        return out
    }

    private func evaluateArray(_ node: SchemaNode, _ array: [JSONValue], path: String, depth: Int) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        if let min = node.minItems, array.count < min {
            out.append(.init(path: path, keyword: "minItems", message: "array has \(array.count) items, fewer than the minimum \(min)"))
        }
        if let max = node.maxItems, array.count > max {
            out.append(.init(path: path, keyword: "maxItems", message: "array has \(array.count) items, more than the maximum \(max)"))
        }
        if node.uniqueItems, let (first, second) = Self.firstDuplicate(array) {
            out.append(.init(path: path, keyword: "uniqueItems", message: "items \(first) and \(second) are equal, but items must be unique"))
        }
        for (i, item) in array.enumerated() {
            let sub = i < node.prefixItems.count ? node.prefixItems[i] : node.items
            guard let sub else { continue }
            out += evaluate(sub, item, path: JSONPointer.appending(i, to: path), inPlace: [], depth: depth + 1)
        }
        return out
    }

    static func value(_ value: JSONValue, hasType type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("object", .object), ("array", .array),
            ("string", .string), ("number", .number):
            return true
        case ("integer", .number(let n)): return n.isFinite && n.rounded(.towardZero) == n
        default: return false
        }
    }

    private static func firstDuplicate(_ array: [JSONValue]) -> (Int, Int)? {
        var firstIndex: [JSONValue: Int] = [:]
        for (i, item) in array.enumerated() {
            if let earlier = firstIndex[item] { return (earlier, i) }
            firstIndex[item] = i
        }
        return nil
    }

    private static func loopViolation(in results: [[SchemaViolation]]) -> SchemaViolation? {
        results.lazy.flatMap { $0 }.first(where: { $0.keyword == "$ref" && $0.message.hasPrefix("reference loop") })
    }

    /// "[1] /a: expected string, found number; [2] ..." using each alternative's first problem.
    private static func summary(_ results: [[SchemaViolation]]) -> String {
        results.enumerated().map { i, violations in
            "[\(i + 1)] " + (violations.first.map { $0.description } ?? "ok") + (violations.count > 1 ? " (+\(violations.count - 1) more)" : "")
        }.joined(separator: "; ")
    }
}
