import BrainCore
import Foundation

/// Flow collections: `[a, "b", [c]]` and `{key: value, other: [1, 2]}`, on one or more lines.
struct YAMLFlowParser {
    private let chars: [Character]
    private let line: Int
    private let maxDepth: Int
    private var i = 0
    private var depth = 0

    init(text: String, line: Int, maxDepth: Int) {
        chars = Array(text)
        self.line = line
        self.maxDepth = maxDepth
    }

    /// Whether every bracket opened outside quotes is closed.
    var isBalanced: Bool {
        var level = 0
        var quote: Character?
        var k = 0
        while k < chars.count {
            let c = chars[k]
            if let q = quote {
                if c == "\\" && q == "\"" { k += 2; continue }
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "[" || c == "{" {
                level += 1
            } else if c == "]" || c == "}" {
                level -= 1
            }
            k += 1
        }
        return level <= 0 && quote == nil
    }

    private func error(_ message: String) -> YAMLError { .malformed(line: line, message: message) }

    private mutating func skipSpaces() { while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 } }

    mutating func parseAll() throws(YAMLError) -> JSONValue {
        let value = try parseNode()
        skipSpaces()
        guard i == chars.count else { throw error("unexpected text after a flow collection") }
        return value
    }

    private mutating func parseNode() throws(YAMLError) -> JSONValue {
        skipSpaces()
        guard i < chars.count else { throw error("missing value in a flow collection") }
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        switch chars[i] {
        case "[":
            i += 1
            var items: [JSONValue] = []
            while true {
                skipSpaces()
                if i < chars.count, chars[i] == "]" { i += 1; return .array(items) }
                items.append(try parseNode())
                skipSpaces()
                guard i < chars.count else { throw error("unclosed '['") }
                if chars[i] == "," { i += 1 } else if chars[i] != "]" { throw error("expected ',' or ']' in a flow sequence") }
            }
        case "{":
            i += 1
            var object = JSONObject()
            while true {
                skipSpaces()
                if i < chars.count, chars[i] == "}" { i += 1; return .object(object) }
                guard case .string(let key) = try parseScalar(isKey: true) else { throw error("flow mapping keys must be text") }
                skipSpaces()
                guard i < chars.count, chars[i] == ":" else { throw error("expected ':' after a flow mapping key") }
                i += 1
                if object[key] != nil { throw error("duplicate key '\(key)'") }
                skipSpaces()
                object[key] = i < chars.count && (chars[i] == "," || chars[i] == "}") ? .null : try parseNode()
                skipSpaces()
                guard i < chars.count else { throw error("unclosed '{'") }
                if chars[i] == "," { i += 1 } else if chars[i] != "}" { throw error("expected ',' or '}' in a flow mapping") }
            }
        default:
            return try parseScalar(isKey: false)
        }
    }

    private mutating func parseScalar(isKey: Bool) throws(YAMLError) -> JSONValue {
        skipSpaces()
        guard i < chars.count else { throw error("missing value in a flow collection") }
        let c = chars[i]
        if "&*!".contains(c) { throw YAMLError.unsupported(line: line, message: "anchors, aliases and tags are not supported") }
        if c == "\"" || c == "'" {
            let start = i + 1
            i += 1
            while i < chars.count {
                if c == "\"" && chars[i] == "\\" { i += 2; continue }
                if chars[i] == c {
                    if c == "'" && i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
                    break
                }
                i += 1
            }
            guard i < chars.count else { throw error("unterminated quoted value") }
            let body = String(chars[start..<i])
            i += 1
            if c == "'" { return .string(body.replacingOccurrences(of: "''", with: "'")) }
            return .string(try YAMLScalars.unescapeDouble([body], line: line))
        }
        let start = i
        while i < chars.count {
            let d = chars[i]
            if d == "," || d == "]" || d == "}" || d == "[" || d == "{" { break }
            if d == ":" && (i + 1 == chars.count || " ,]}".contains(chars[i + 1])) { break }
            i += 1
        }
        let text = String(chars[start..<i]).trimmingCharacters(in: .whitespaces)
        return isKey ? .string(text) : try YAMLScalars.resolvePlain(text, line: line)
    }
}
