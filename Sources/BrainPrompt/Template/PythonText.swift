import BrainCore

/// How Python (and so Jinja) turns values into text: `str()`, `repr()`, `json.dumps`, `splitlines`.
enum PythonText {
    /// Python's `str(value)`, which is what `{{ value }}` prints.
    static func str(_ value: TemplateValue) -> String {
        switch value {
        case .string(let s): return s
        default: return repr(value)
        }
    }

    /// Python's `repr(value)`.
    static func repr(_ value: TemplateValue) -> String {
        switch value {
        case .undefined: return ""
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return float(d)
        case .string(let s): return reprString(s)
        case .list(let l): return "[" + l.map(repr).joined(separator: ", ") + "]"
        case .tuple(let l): return "(" + l.map(repr).joined(separator: ", ") + (l.count == 1 ? ",)" : ")")
        case .dict(let d):
            return "{" + d.entries.map { reprString($0.key) + ": " + repr($0.value) }.joined(separator: ", ") + "}"
        }
    }

    /// Python's float repr: shortest round-trip digits, exponent outside 1e-4 ..< 1e16.
    static func float(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d.description
    }

    static func reprString(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote {
                    out += "\\" + String(quote)
                } else if scalar.value < 0x20 || (0x7f...0xa0).contains(scalar.value) {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out.append(quote)
        return out
    }

    /// `json.dumps(value, sort_keys=True, indent=indent)` made HTML-safe as Jinja's `tojson` does.
    static func json(_ value: JSONValue, indent: Int?) -> String {
        var out = ""
        writeJSON(value, indent: indent, level: 0, into: &out)
        return out
    }

    private static func writeJSON(_ value: JSONValue, indent: Int?, level: Int, into out: inout String) {
        let newline: (Int) -> String = { depth in
            guard let indent else { return "" }
            return "\n" + String(repeating: " ", count: indent * depth)
        }
        let itemSeparator = indent == nil ? ", " : ","
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += value.intValue.map(String.init) ?? float(n)
        case .string(let s): writeJSONString(s, into: &out)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "["
            for (i, element) in a.enumerated() {
                if i > 0 { out += itemSeparator }
                out += newline(level + 1)
                writeJSON(element, indent: indent, level: level + 1, into: &out)
            }
            out += newline(level) + "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{"
            for (i, entry) in o.entries.sorted(by: { $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars) }).enumerated() {
                if i > 0 { out += itemSeparator }
                out += newline(level + 1)
                writeJSONString(entry.key, into: &out)
                out += ": "
                writeJSON(entry.value, indent: indent, level: level + 1, into: &out)
            }
            out += newline(level) + "}"
        }
    }

    private static func writeJSONString(_ s: String, into out: inout String) {
        out += "\""
        for unit in s.utf16 {
            switch unit {
            case 0x22: out += "\\\""
            case 0x5c: out += "\\\\"
            case 0x0a: out += "\\n"
            case 0x0d: out += "\\r"
            case 0x09: out += "\\t"
            case 0x08: out += "\\b"
            case 0x0c: out += "\\f"
            case 0x3c, 0x3e, 0x26, 0x27: out += "\\u" + hex(UInt32(unit), width: 4)
            case 0x20..<0x7f: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default: out += "\\u" + hex(UInt32(unit), width: 4)
            }
        }
        out += "\""
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Python's `str.splitlines()` (without keepends).
    static func splitlines(_ s: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in s.unicodeScalars {
            if previousWasCR && scalar == "\n" { previousWasCR = false; continue }
            previousWasCR = scalar == "\r"
            switch scalar.value {
            case 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            default:
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// Python's `str.isspace()` for one scalar.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0d, 0x1c...0x20, 0x85, 0xa0, 0x1680, 0x2000...0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000:
            return true
        default:
            return false
        }
    }

    static func strip(_ s: String, leading: Bool = true, trailing: Bool = true, where isStripped: (Unicode.Scalar) -> Bool = isSpace) -> String {
        let scalars = s.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        if leading { while start < end && isStripped(scalars[start]) { start = scalars.index(after: start) } }
        if trailing {
            while end > start {
                let before = scalars.index(before: end)
                guard isStripped(scalars[before]) else { break }
                end = before
            }
        }
        return String(scalars[start..<end])
    }
}
