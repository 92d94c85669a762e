import BrainCore
import Foundation

/// Line-oriented recursive parser for block structure (mappings, sequences, scalars).
struct YAMLBlockParser {
    var lines: [YAMLLine]
    /// Whether the text ended with a line break (a block scalar on the last line keeps it).
    let endsWithNewline: Bool
    let maxDepth: Int
    var index = 0
    var depth = 0
    /// Set once the optional leading `---` has been read; later markers are errors.
    var started = false

    init(text: String, maxDepth: Int) {
        var source = text.replacingOccurrences(of: "\r\n", with: "\n")
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        endsWithNewline = source.hasSuffix("\n")
        var raw = source.split(separator: "\n", omittingEmptySubsequences: false)
        if endsWithNewline { raw.removeLast() }
        lines = raw.enumerated().map { YAMLLine(number: $0.offset + 1, chars: Array($0.element)) }
        self.maxDepth = maxDepth
    }

    private var currentLine: Int { index < lines.count ? lines[index].number : (lines.last?.number ?? 1) }

    func error(_ message: String, line: Int? = nil) -> YAMLError { .malformed(line: line ?? currentLine, message: message) }

    func unsupported(_ message: String, line: Int? = nil) -> YAMLError { .unsupported(line: line ?? currentLine, message: message) }

    /// Moves to the next line with content; checks it is not indented with tabs.
    mutating func skipBlank() throws(YAMLError) {
        while index < lines.count, lines[index].isBlankOrComment { index += 1 }
        if started, index < lines.count, isDocumentMarker(lines[index], "---") || isDocumentMarker(lines[index], "...") {
            throw unsupported("multiple documents are not supported")
        }
        if index < lines.count, lines[index].indent < lines[index].chars.count, lines[index].chars[lines[index].indent] == "\t" {
            throw unsupported("tabs are not allowed for indentation")
        }
    }

    mutating func parseDocument() throws(YAMLError) -> JSONValue {
        try skipBlank()
        if index < lines.count, lines[index].chars.first == "%" { throw unsupported("directives are not supported") }
        if index < lines.count, isDocumentMarker(lines[index], "---") {
            let rest = lines[index].text(from: 3).trimmingCharacters(in: .whitespaces)
            guard rest.isEmpty || rest.hasPrefix("#") else { throw error("content on the '---' line is not supported") }
            index += 1
        }
        started = true
        let value = try parseBlockNode(parentIndent: -1)
        try skipBlank()
        if index < lines.count { throw error("unexpected content (check the indentation)") }
        return value
    }

    private func isDocumentMarker(_ line: YAMLLine, _ marker: String) -> Bool {
        let text = String(line.chars)
        return text == marker || text.hasPrefix(marker + " ")
    }

    static func isSequenceEntry(_ line: YAMLLine) -> Bool {
        let i = line.indent
        return i < line.chars.count && line.chars[i] == "-" && (i + 1 == line.chars.count || line.chars[i + 1] == " ")
    }

    /// The node starting at the next content line if it is indented more than `parentIndent`;
    /// otherwise `null` (an empty value).
    mutating func parseBlockNode(parentIndent: Int) throws(YAMLError) -> JSONValue {
        try skipBlank()
        guard index < lines.count, lines[index].indent > parentIndent else { return .null }
        depth += 1
        defer { depth -= 1 }
        if depth > maxDepth { throw error("nesting deeper than \(maxDepth) levels") }
        let line = lines[index]
        if Self.isSequenceEntry(line) { return try parseSequence(indent: line.indent) }
        if try mappingKey(in: line) != nil { return try parseMapping(indent: line.indent) }
        return try parseValue(text: line.text(from: line.indent), parentIndent: parentIndent)
    }

    private mutating func parseSequence(indent: Int) throws(YAMLError) -> JSONValue {
        var items: [JSONValue] = []
        while true {
            try skipBlank()
            guard index < lines.count, lines[index].indent == indent, Self.isSequenceEntry(lines[index]) else { break }
            var line = lines[index]
            var contentStart = indent + 1
            while contentStart < line.chars.count, line.chars[contentStart] == " " { contentStart += 1 }
            if contentStart >= line.chars.count || line.chars[contentStart] == "#" {
                index += 1
                items.append(try parseBlockNode(parentIndent: indent))
                continue
            }
            // Re-read the rest of the line as if it started at its own column.
            for i in 0..<contentStart { line.chars[i] = " " }
            lines[index] = line
            items.append(try parseBlockNode(parentIndent: indent))
        }
        if index < lines.count, lines[index].indent > indent {
            throw error("unexpected indentation in a sequence")
        }
        return .array(items)
    }

    private mutating func parseMapping(indent: Int) throws(YAMLError) -> JSONValue {
        var object = JSONObject()
        while true {
            try skipBlank()
            guard index < lines.count, lines[index].indent >= indent else { break }
            let line = lines[index]
            guard line.indent == indent else { throw error("unexpected indentation in a mapping") }
            if Self.isSequenceEntry(line) { throw error("a sequence entry where a mapping key was expected") }
            guard let (key, valueStart) = try mappingKey(in: line) else {
                throw error("expected 'key: value' in a mapping")
            }
            if object[key] != nil { throw error("duplicate key '\(key)'") }
            let rest = line.text(from: valueStart).trimmingCharacters(in: .whitespaces)
            if rest.isEmpty || rest.hasPrefix("#") {
                index += 1
                try skipBlank()
                if index < lines.count, lines[index].indent == indent, Self.isSequenceEntry(lines[index]) {
                    object[key] = try parseSequence(indent: indent)
                } else {
                    object[key] = try parseBlockNode(parentIndent: indent)
                }
            } else {
                object[key] = try parseValue(text: rest, parentIndent: indent)
            }
        }
        return .object(object)
    }

    /// If the line is `key: ...`, the key and where its value starts.
    func mappingKey(in line: YAMLLine) throws(YAMLError) -> (String, Int)? {
        let chars = line.chars
        let start = line.indent
        guard start < chars.count else { return nil }
        let first = chars[start]
        if first == "?" && (start + 1 == chars.count || chars[start + 1] == " ") {
            throw unsupported("complex keys ('? ') are not supported", line: line.number)
        }
        if first == "\"" || first == "'" {
            var i = start + 1
            while i < chars.count {
                if chars[i] == "\\" && first == "\"" { i += 2; continue }
                if chars[i] == first {
                    if first == "'" && i + 1 < chars.count && chars[i + 1] == "'" { i += 2; continue }
                    break
                }
                i += 1
            }
            guard i < chars.count else { return nil }
            var j = i + 1
            while j < chars.count, chars[j] == " " { j += 1 }
            guard j < chars.count, chars[j] == ":", j + 1 == chars.count || chars[j + 1] == " " || chars[j + 1] == "\t" else { return nil }
            let body = String(chars[(start + 1)..<i])
            let key = first == "'" ? body.replacingOccurrences(of: "''", with: "'") : try YAMLScalars.unescapeDouble([body], line: line.number)
            return (key, j + 1)
        }
        if "[{&*!|>%@`".contains(first) { return nil }
        var i = start
        while i < chars.count {
            if chars[i] == "#", i > start, chars[i - 1] == " " { return nil }
            if chars[i] == ":", i + 1 == chars.count || chars[i + 1] == " " || chars[i + 1] == "\t" {
                let key = String(chars[start..<i]).trimmingCharacters(in: .whitespaces)
                return (key, i + 1)
            }
            i += 1
        }
        return nil
    }
}
