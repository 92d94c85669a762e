import BrainCore
import Foundation

/// Values that start on a line: block scalars, flow collections, quoted and plain scalars.
extension YAMLBlockParser {
    /// Parses the value whose text starts the current line's content (or follows `key:`);
    /// continuation lines must be indented more than `parentIndent`.
    mutating func parseValue(text: String, parentIndent: Int) throws(YAMLError) -> JSONValue {
        let lineNumber = lines[index].number
        guard let first = text.first else { index += 1; return .null }
        switch first {
        case "&": throw unsupported("anchors ('&') are not supported")
        case "*": throw unsupported("aliases ('*') are not supported")
        case "!": throw unsupported("tags ('!') are not supported")
        case "@", "`": throw error("'\(first)' cannot start a plain value; quote it")
        case "|", ">": return .string(try parseBlockScalar(header: text, parentIndent: parentIndent))
        case "[", "{":
            var collected = stripComment(text)
            var flow = YAMLFlowParser(text: collected, line: lineNumber, maxDepth: maxDepth)
            while !flow.isBalanced {
                index += 1
                guard index < lines.count else { throw error("unclosed flow collection", line: lineNumber) }
                collected += " " + stripComment(lines[index].text(from: 0))
                flow = YAMLFlowParser(text: collected, line: lineNumber, maxDepth: maxDepth)
            }
            index += 1
            return try flow.parseAll()
        case "\"", "'":
            return .string(try parseQuoted(text: text, quote: first, lineNumber: lineNumber))
        default:
            return try parsePlain(text: text, parentIndent: parentIndent, lineNumber: lineNumber)
        }
    }

    /// Text up to a ` #` comment that is outside quotes.
    func stripComment(_ text: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var out = ""
        for c in text {
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (previous == " " || previous == "\t") {
                break
            }
            out.append(c)
            previous = c
        }
        return out
    }

    private mutating func parsePlain(text: String, parentIndent: Int, lineNumber: Int) throws(YAMLError) -> JSONValue {
        var parts = [stripComment(text).trimmingCharacters(in: .whitespaces)]
        let commentEnded = parts[0].count < text.trimmingCharacters(in: .whitespaces).count
        index += 1
        if !commentEnded {
            var lookahead = index
            var blanks = 0
            while lookahead < lines.count {
                let line = lines[lookahead]
                if line.isEmpty { blanks += 1; lookahead += 1; continue }
                guard line.indent > parentIndent, !line.isBlankOrComment else { break }
                if try mappingKey(in: line) != nil || Self.isSequenceEntry(line) { break }
                parts.append(contentsOf: Array(repeating: "", count: blanks))
                let content = stripComment(line.text(from: line.indent)).trimmingCharacters(in: .whitespaces)
                parts.append(content)
                blanks = 0
                lookahead += 1
                index = lookahead
                if content.count < line.text(from: line.indent).trimmingCharacters(in: .whitespaces).count { break }
            }
        }
        let value = parts.count == 1 ? parts[0] : YAMLScalars.fold(parts)
        if value.contains(": ") || value.hasSuffix(":") {
            throw error("':' followed by a space inside a plain value; quote the value", line: lineNumber)
        }
        return try YAMLScalars.resolvePlain(value, line: lineNumber)
    }

    private mutating func parseQuoted(text: String, quote: Character, lineNumber: Int) throws(YAMLError) -> String {
        var bodyLines: [String] = []
        var current = Array(text.dropFirst())
        while true {
            var i = 0
            var closed: Int?
            while i < current.count {
                if quote == "\"" && current[i] == "\\" { i += 2; continue }
                if current[i] == quote {
                    if quote == "'" && i + 1 < current.count && current[i + 1] == "'" { i += 2; continue }
                    closed = i
                    break
                }
                i += 1
            }
            if let closed {
                bodyLines.append(String(current[0..<closed]))
                let rest = String(current[(closed + 1)...]).trimmingCharacters(in: .whitespaces)
                guard rest.isEmpty || rest.hasPrefix("#") else {
                    throw error("unexpected text after a quoted value")
                }
                index += 1
                break
            }
            bodyLines.append(String(current))
            index += 1
            guard index < lines.count else { throw error("unterminated quoted value", line: lineNumber) }
            current = lines[index].chars
        }
        if quote == "'" {
            return YAMLScalars.fold(bodyLines).replacingOccurrences(of: "''", with: "'")
        }
        return try YAMLScalars.unescapeDouble(bodyLines, line: lineNumber)
    }
}
