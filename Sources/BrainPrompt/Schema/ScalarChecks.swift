import BrainCore

/// The string and number keywords: lengths, pattern, format, bounds, multipleOf.
enum ScalarChecks {
    static func string(_ node: SchemaNode, _ string: String, path: String) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        let length = node.minLength == nil && node.maxLength == nil ? 0 : string.unicodeScalars.count
        if let min = node.minLength, length < min {
            let message = length == 0 ? "string is empty, but needs at least \(min) character\(min == 1 ? "" : "s")"
                : "string has \(length) characters, fewer than the minimum \(min)"
            out.append(.init(path: path, keyword: "minLength", message: message))
        }
        if let max = node.maxLength, length > max {
            out.append(.init(path: path, keyword: "maxLength", message: "string has \(length) characters, more than the maximum \(max)"))
        }
        if let pattern = node.pattern, !pattern.matches(string) {
            var message = "\(ValuePreview.short(.string(string))) does not match the pattern \(pattern.source)"
            if let hint = node.description, hint.count <= 160 { message += " (\(hint))" }
            out.append(.init(path: path, keyword: "pattern", message: message))
        }
        if let format = node.format, let problem = FormatChecks.problem(with: string, format: format) {
            out.append(.init(path: path, keyword: "format", message: "\(ValuePreview.short(.string(string))) \(problem)"))
        }
        return out
    }

    static func number(_ node: SchemaNode, _ n: Double, path: String) -> [SchemaViolation] {
        var out: [SchemaViolation] = []
        let shown = ValuePreview.short(.number(n))
        if let min = node.minimum, n < min {
            out.append(.init(path: path, keyword: "minimum", message: "\(shown) is less than the minimum \(ValuePreview.short(.number(min)))"))
        }
        if let max = node.maximum, n > max {
            out.append(.init(path: path, keyword: "maximum", message: "\(shown) is greater than the maximum \(ValuePreview.short(.number(max)))"))
        }
        if let min = node.exclusiveMinimum, n <= min {
            out.append(.init(path: path, keyword: "exclusiveMinimum", message: "\(shown) must be greater than \(ValuePreview.short(.number(min)))"))
        }
        if let max = node.exclusiveMaximum, n >= max {
            out.append(.init(path: path, keyword: "exclusiveMaximum", message: "\(shown) must be less than \(ValuePreview.short(.number(max)))"))
        }
        if let step = node.multipleOf, !isMultiple(n, of: step) {
            out.append(.init(path: path, keyword: "multipleOf", message: "\(shown) is not a multiple of \(ValuePreview.short(.number(step)))"))
        }
        return out
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
