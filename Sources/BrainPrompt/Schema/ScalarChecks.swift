import BrainCore

/// The string and number keywords: lengths, pattern, format, bounds, multipleOf.
enum ScalarChecks {
    /// The node is read through a pointer so that no copy of it is made: only the fields
    /// a check needs are loaded.
    static func string(_ node: UnsafePointer<SchemaNode>, _ string: String, at trail: PathTrail, into out: inout [SchemaViolation]) {
        if needsLength(node.pointee.minLength, node.pointee.maxLength, string) {
            let length = scalarCount(string)
            if let min = node.pointee.minLength, length < min {
                let message = length == 0 ? "string is empty, but needs at least \(min) character\(min == 1 ? "" : "s")"
                    : "string has \(length) characters, fewer than the minimum \(min)"
                out.append(.init(path: trail.pointer, keyword: "minLength", message: message))
            }
            if let max = node.pointee.maxLength, length > max {
                out.append(.init(path: trail.pointer, keyword: "maxLength", message: "string has \(length) characters, more than the maximum \(max)"))
            }
        }
        if let pattern = node.pointee.pattern, !pattern.matches(string) {
            var message = "\(ValuePreview.short(.string(string))) does not match the pattern \(pattern.source)"
            if let hint = node.pointee.description, hint.count <= 160 { message += " (\(hint))" }
            out.append(.init(path: trail.pointer, keyword: "pattern", message: message))
        }
        if let format = node.pointee.format, let problem = FormatChecks.problem(with: string, format: format) {
            out.append(.init(path: trail.pointer, keyword: "format", message: "\(ValuePreview.short(.string(string))) \(problem)"))
        }
    }

    /// Whether the length bounds could fail: a string of n UTF-8 bytes has between n/4 and n
    /// scalars, so most strings pass without being counted.
    private static func needsLength(_ min: Int?, _ max: Int?, _ string: String) -> Bool {
        guard min != nil || max != nil else { return false }
        let bytes = string.utf8.count
        if let min, (bytes + 3) / 4 < min { return true }
        if let max, bytes > max { return true }
        return false
    }

    /// `string.unicodeScalars.count`, counted on the UTF-8 bytes: every byte that does not
    /// continue a multi-byte sequence starts a scalar.
    static func scalarCount(_ string: String) -> Int {
        var count = 0
        for byte in string.utf8 where byte & 0xC0 != 0x80 { count &+= 1 }
        return count
    }

    static func number(_ node: UnsafePointer<SchemaNode>, _ n: Double, at trail: PathTrail, into out: inout [SchemaViolation]) {
        var shown: String { ValuePreview.short(.number(n)) }
        if let min = node.pointee.minimum, n < min {
            out.append(.init(path: trail.pointer, keyword: "minimum", message: "\(shown) is less than the minimum \(ValuePreview.short(.number(min)))"))
        }
        if let max = node.pointee.maximum, n > max {
            out.append(.init(path: trail.pointer, keyword: "maximum", message: "\(shown) is greater than the maximum \(ValuePreview.short(.number(max)))"))
        }
        if let min = node.pointee.exclusiveMinimum, n <= min {
            out.append(.init(path: trail.pointer, keyword: "exclusiveMinimum", message: "\(shown) must be greater than \(ValuePreview.short(.number(min)))"))
        }
        if let max = node.pointee.exclusiveMaximum, n >= max {
            out.append(.init(path: trail.pointer, keyword: "exclusiveMaximum", message: "\(shown) must be less than \(ValuePreview.short(.number(max)))"))
        }
        if let step = node.pointee.multipleOf, !isMultiple(n, of: step) {
            out.append(.init(path: trail.pointer, keyword: "multipleOf", message: "\(shown) is not a multiple of \(ValuePreview.short(.number(step)))"))
        }
    }

    /// Division with a small tolerance, so 0.3 counts as a multiple of 0.1.
    private static func isMultiple(_ n: Double, of step: Double) -> Bool {
        let quotient = n / step
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= 1e-9 * max(1, abs(quotient))
    }
}

/// Short renderings of values for messages: long strings are cut, containers summarised.
enum ValuePreview {
    static func short(_ value: JSONValue) -> String {
        switch value {
        case .string(let s):
            let cut = s.count > 60 ? String(s.prefix(57)) + "..." : s
            return JSONValue.string(cut).serialized()
        case .array(let a): return "an array of \(a.count) items"
        case .object(let o): return "an object with \(o.count) properties"
        default: return value.serialized()
        }
    }
}
