import BrainCore

/// Walks a document against compiled schema nodes and collects violations.
///
/// Nodes are read in place through a buffer (a node is never copied), violations are appended
/// to one list, and the path of the visited value is rendered only when a violation needs it.
struct SchemaEvaluator {
    /// Deeper documents are reported, not walked, so programmatic values cannot exhaust the stack.
    static let maxDocumentDepth = 600
    let nodes: UnsafeBufferPointer<SchemaNode>
    /// The nodes applied to the value being visited through `$ref` and the combinators, from
    /// `chainStart` on; meeting one again means a reference loop that would never end.
    private var chain: [Int] = []
    private var trail = PathTrail()

    init(nodes: UnsafeBufferPointer<SchemaNode>) { self.nodes = nodes }

    /// Every violation of node `index` by `value` at the root of the document, in document order.
    mutating func violations(of index: Int, _ value: JSONValue) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        evaluate(index, value, chainStart: 0, depth: 0, into: &out)
        return out
    }

    // The recursive path (evaluate, evaluateObject, evaluateArray) keeps its frames small,
    // since documents may nest `maxDocumentDepth` deep: message building lives in helpers.
    private mutating func evaluate(_ index: Int, _ value: JSONValue, chainStart: Int, depth: Int, into out: inout [SchemaViolation]) {
        guard index >= 0, index < nodes.count else { return }
        guard let here = enter(index, chainStart: chainStart, depth: depth, into: &out) else { return }
        defer { chain.removeLast() }
        checkValue(index, value, into: &out)
        switch value {
        case .object(let object): evaluateObject(index, object, depth: depth, into: &out)
        case .array(let array): evaluateArray(index, array, depth: depth, into: &out)
        case .string(let string): ScalarChecks.string(node(index), string, at: trail, into: &out)
        case .number(let number): ScalarChecks.number(node(index), number, at: trail, into: &out)
        case .null, .bool: break
        }
        if nodes[index].hasCombinators { checkCombinators(index, value, chainStart: here, depth: depth, into: &out) }
        if let target = nodes[index].ref {
            evaluate(target, value, chainStart: here, depth: depth, into: &out)
        }
    }

    /// Puts node `index` on the chain and gives the chain start for its in-place sub-schemas;
    /// nil (with the reason recorded, if any) when the node ends the evaluation here.
    @inline(never)
    private mutating func enter(_ index: Int, chainStart: Int, depth: Int, into out: inout [SchemaViolation]) -> Int? {
        if chain[chainStart...].contains(index) {
            out.append(violation("$ref", "reference loop: the schema refers back to itself without reaching a value check"))
            return nil
        }
        if let constant = nodes[index].constantResult {
            if !constant { out.append(violation("false", "no value is allowed here")) }
            return nil
        }
        guard depth <= Self.maxDocumentDepth else {
            out.append(violation("depth", "document is nested too deeply to validate"))
            return nil
        }
        chain.append(index)
        return chainStart
    }

    /// `type`, `enum` and `const`.
    @inline(never)
    private func checkValue(_ index: Int, _ value: JSONValue, into out: inout [SchemaViolation]) {
        if let mask = nodes[index].typeMask, !mask.admits(value), let types = nodes[index].types {
            let expected = types.count == 1 ? types[0] : "one of " + types.joined(separator: ", ")
            out.append(violation("type", "expected \(expected), found \(value.typeName)"))
        }
        if let allowed = nodes[index].enumValues, !allowed.contains(value) {
            let shown = allowed.prefix(12).map { ValuePreview.short($0) }.joined(separator: ", ")
            out.append(violation("enum", "\(ValuePreview.short(value)) is not one of \(shown)\(allowed.count > 12 ? ", ..." : "")"))
        }
        if let expected = nodes[index].constValue, expected != value {
            out.append(violation("const", "expected \(ValuePreview.short(expected)), found \(ValuePreview.short(value))"))
        }
    }

    /// `allOf`, `anyOf`, `oneOf` and `not`, in that order.
    @inline(never)
    private mutating func checkCombinators(_ index: Int, _ value: JSONValue, chainStart here: Int, depth: Int, into out: inout [SchemaViolation]) {
        for sub in nodes[index].allOf { evaluate(sub, value, chainStart: here, depth: depth, into: &out) }
        if !nodes[index].anyOf.isEmpty {
            let results = alternatives(nodes[index].anyOf, value, chainStart: here, depth: depth)
            if let loop = Self.loopViolation(in: results) {
                out.append(loop)
            } else if !results.contains(where: \.isEmpty) {
                out.append(violation("anyOf", "matches none of the alternatives: " + Self.summary(results)))
            }
        }
        if !nodes[index].oneOf.isEmpty {
            let results = alternatives(nodes[index].oneOf, value, chainStart: here, depth: depth)
            let passing = results.indices.filter { results[$0].isEmpty }
            if let loop = Self.loopViolation(in: results) {
                out.append(loop)
            } else if passing.isEmpty {
                out.append(violation("oneOf", "matches none of the alternatives: " + Self.summary(results)))
            } else if passing.count > 1 {
                let which = passing.map { String($0 + 1) }.joined(separator: ", ")
                out.append(violation("oneOf", "matches alternatives \(which), but must match exactly one"))
            }
        }
        if let sub = nodes[index].not {
            let result = alternatives([sub], value, chainStart: here, depth: depth)
            if let loop = Self.loopViolation(in: result) {
                out.append(loop)
            } else if result.allSatisfy(\.isEmpty) {
                out.append(violation("not", "matches the schema it must not match"))
            }
        }
    }

    /// Each sub-schema's violations of the same value, separately.
    private mutating func alternatives(_ subs: [Int], _ value: JSONValue, chainStart: Int, depth: Int) -> [[SchemaViolation]] {
        subs.map { sub in
            var result: [SchemaViolation] = []
            evaluate(sub, value, chainStart: chainStart, depth: depth, into: &result)
            return result
        }
    }

    private mutating func evaluateObject(_ index: Int, _ object: JSONObject, depth: Int, into out: inout [SchemaViolation]) {
        checkObjectSize(index, object, into: &out)
        for (key, member) in object {
            trail.push(key)
            evaluateMember(index, key, member, depth: depth, into: &out)
            trail.pop()
        }
    }

    private mutating func evaluateMember(_ index: Int, _ key: String, _ member: JSONValue, depth: Int, into out: inout [SchemaViolation]) {
        let memberStart = chain.count
        var matched = false
        if let sub = nodes[index].property(key) {
            matched = true
            evaluate(sub, member, chainStart: memberStart, depth: depth + 1, into: &out)
        }
        if !nodes[index].patternProperties.isEmpty {
            for (pattern, sub) in nodes[index].patternProperties where pattern.matches(key) {
                matched = true
                evaluate(sub, member, chainStart: memberStart, depth: depth + 1, into: &out)
            }
        }
        if !matched, let extra = nodes[index].additionalProperties {
            if extra >= 0, extra < nodes.count, nodes[extra].constantResult == false {
                out.append(notAllowed(key))
            } else {
                evaluate(extra, member, chainStart: memberStart, depth: depth + 1, into: &out)
            }
        }
    }

    @inline(never)
    private func notAllowed(_ key: String) -> SchemaViolation {
        violation("additionalProperties", "property \"\(key)\" is not allowed here")
    }

    /// `required`, `minProperties` and `maxProperties`.
    @inline(never)
    private func checkObjectSize(_ index: Int, _ object: JSONObject, into out: inout [SchemaViolation]) {
        for name in nodes[index].required where object[name] == nil {
            out.append(violation("required", "missing required property \"\(name)\""))
        }
        if let min = nodes[index].minProperties, object.count < min {
            out.append(violation("minProperties", "object has \(object.count) properties, fewer than the minimum \(min)"))
        }
        if let max = nodes[index].maxProperties, object.count > max {
            out.append(violation("maxProperties", "object has \(object.count) properties, more than the maximum \(max)"))
        }
    }

    private mutating func evaluateArray(_ index: Int, _ array: [JSONValue], depth: Int, into out: inout [SchemaViolation]) {
        checkArraySize(index, array, into: &out)
        let prefixCount = nodes[index].prefixItems.count
        for i in array.indices {
            let sub = i < prefixCount ? nodes[index].prefixItems[i] : nodes[index].items
            guard let sub else { continue }
            trail.push(i)
            evaluate(sub, array[i], chainStart: chain.count, depth: depth + 1, into: &out)
            trail.pop()
        }
    }

    /// `minItems`, `maxItems` and `uniqueItems`.
    @inline(never)
    private func checkArraySize(_ index: Int, _ array: [JSONValue], into out: inout [SchemaViolation]) {
        if let min = nodes[index].minItems, array.count < min {
            out.append(violation("minItems", "array has \(array.count) items, fewer than the minimum \(min)"))
        }
        if let max = nodes[index].maxItems, array.count > max {
            out.append(violation("maxItems", "array has \(array.count) items, more than the maximum \(max)"))
        }
        if nodes[index].uniqueItems, let (first, second) = Self.firstDuplicate(array) {
            out.append(violation("uniqueItems", "items \(first) and \(second) are equal, but items must be unique"))
        }
    }

    /// Node `index`, which the caller has checked is in range.
    private func node(_ index: Int) -> UnsafePointer<SchemaNode> {
        nodes.baseAddress.unsafelyUnwrapped + index
    }

    /// A violation at the value being visited.
    private func violation(_ keyword: String, _ message: String) -> SchemaViolation {
        SchemaViolation(path: trail.pointer, keyword: keyword, message: message)
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

    /// The first pair of equal items, by index.
    static func firstDuplicate(_ array: [JSONValue]) -> (Int, Int)? {
        if array.count < 2 { return nil }
        if let strings = Self.strings(array) {
            // All strings (the usual case): compare text directly instead of hashing values.
            var firstIndex: [String: Int] = [:]
            firstIndex.reserveCapacity(strings.count)
            for (i, item) in strings.enumerated() {
                if let earlier = firstIndex[item] { return (earlier, i) }
                firstIndex[item] = i
            }
            return nil
        }
        var firstIndex: [JSONValue: Int] = [:]
        for (i, item) in array.enumerated() {
            if let earlier = firstIndex[item] { return (earlier, i) }
            firstIndex[item] = i
        }
        return nil
    }

    private static func strings(_ array: [JSONValue]) -> [String]? {
        var out: [String] = []
        out.reserveCapacity(array.count)
        for item in array {
            guard case .string(let s) = item else { return nil }
            out.append(s)
        }
        return out
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
