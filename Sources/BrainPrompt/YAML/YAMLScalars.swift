import BrainCore

/// Scalar rules of the YAML subset: core-schema typing, quoted-scalar escapes, line folding.
enum YAMLScalars {
    /// Types a plain scalar per the YAML 1.2 core schema.
    static func resolvePlain(_ text: String, line: Int) throws(YAMLError) -> JSONValue {
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        let lower = text.lowercased()
        if [".inf", "+.inf", "-.inf", ".nan"].contains(lower) {
            throw YAMLError.unsupported(line: line, message: "'\(text)' cannot be represented in JSON; quote it to keep it as text")
        }
        let body = text.hasPrefix("-") || text.hasPrefix("+") ? Substring(text.dropFirst()) : Substring(text)
        if !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) {
            return .number(Double(text) ?? 0)
        }
        if text.hasPrefix("0x"), text.count > 2, let value = UInt64(text.dropFirst(2), radix: 16) { return .number(Double(value)) }
        if text.hasPrefix("0o"), text.count > 2, let value = UInt64(text.dropFirst(2), radix: 8) { return .number(Double(value)) }
        if isCoreFloat(body), let value = Double(text) { return .number(value) }
        return .string(text)
    }

    /// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?` without the sign.
    private static func isCoreFloat(_ s: Substring) -> Bool {
        let chars = Array(s)
        var i = 0
        func digits() -> Int {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            return i - start
        }
        let whole = digits()
        if i < chars.count, chars[i] == "." {
            i += 1
            let fraction = digits()
            if whole == 0 && fraction == 0 { return false }
        } else if whole == 0 {
            return false
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            i += 1
            if i < chars.count, chars[i] == "+" || chars[i] == "-" { i += 1 }
            if digits() == 0 { return false }
        }
        return i == chars.count
    }

    /// Folds the lines of a multi-line flow scalar: a single break becomes a space, each empty
    /// line a newline; continuation lines lose their surrounding spaces.
    static func fold(_ lines: [String]) -> String {
        var out = ""
        var pendingEmpty = 0
        for (i, raw) in lines.enumerated() {
            var line = raw
            if i > 0 { line = String(line.drop(while: { $0 == " " || $0 == "\t" })) }
            if i < lines.count - 1 { while line.last == " " || line.last == "\t" { line.removeLast() } }
            if i > 0 && line.isEmpty && i < lines.count - 1 { pendingEmpty += 1; continue }
            if i > 0 { out += pendingEmpty == 0 ? " " : String(repeating: "\n", count: pendingEmpty) }
            pendingEmpty = 0
            out += line
        }
        return out
    }

    /// The body of a double-quoted scalar (between the quotes), folded and escapes resolved.
    /// A backslash at the end of a line joins the next line without a space.
    static func unescapeDouble(_ lines: [String], line: Int) throws(YAMLError) -> String {
        var raw = ""
        var pendingEmpty = 0
        var joinNext = false
        for (i, original) in lines.enumerated() {
            var piece = original
            if i > 0 { piece = String(piece.drop(while: { $0 == " " || $0 == "\t" })) }
            let isLast = i == lines.count - 1
            if !isLast { while piece.last == " " || piece.last == "\t" { piece.removeLast() } }
            if i > 0 && !isLast && piece.isEmpty && !joinNext { pendingEmpty += 1; continue }
            if i > 0 && !joinNext { raw += pendingEmpty == 0 ? " " : String(repeating: "\n", count: pendingEmpty) }
            pendingEmpty = 0
            joinNext = false
            if !isLast, piece.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 {
                piece.removeLast()
                joinNext = true
            }
            raw += piece
        }
        var out = ""
        let chars = Array(raw)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            i += 1
            guard c == "\\" else { out.append(c); continue }
            guard i < chars.count else { throw YAMLError.malformed(line: line, message: "unfinished escape in a double-quoted string") }
            let e = chars[i]
            i += 1
            switch e {
            case "0": out += "\0"
            case "a": out += "\u{07}"
            case "b": out += "\u{08}"
            case "t", "\t": out += "\t"
            case "n": out += "\n"
            case "v": out += "\u{0B}"
            case "f": out += "\u{0C}"
            case "r": out += "\r"
            case "e": out += "\u{1B}"
            case " ": out += " "
            case "\"": out += "\""
            case "/": out += "/"
            case "\\": out += "\\"
            case "N": out += "\u{85}"
            case "_": out += "\u{A0}"
            case "L": out += "\u{2028}"
            case "P": out += "\u{2029}"
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                guard i + width <= chars.count, let code = UInt32(String(chars[i..<(i + width)]), radix: 16),
                    let scalar = Unicode.Scalar(code)
                else { throw YAMLError.malformed(line: line, message: "invalid '\\\(e)' escape in a double-quoted string") }
                out.unicodeScalars.append(scalar)
                i += width
            default:
                throw YAMLError.malformed(line: line, message: "unknown escape '\\\(e)' in a double-quoted string")
            }
        }
        return out
    }
}
