/// A lenient HTML tokenizer in the spirit of the WHATWG one: it never fails, whatever the input.
///
/// Comments, doctypes and processing instructions are dropped. The contents of raw-text elements
/// (script, style, textarea, title, ...) come back as one text token, up to their end tag.
struct HTMLTokenizer {
    private static let rawText: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]
    private static let escapableRawText: Set<String> = ["textarea", "title"]

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var rawTextEnd: String?

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func next() -> HTMLToken? {
        if let name = rawTextEnd {
            rawTextEnd = nil
            return .text(readRawText(until: name))
        }
        guard index < scalars.count else { return nil }
        if scalars[index] == "<", let token = readMarkup() { return token }
        var text = String.UnicodeScalarView()
        if scalars[index] == "<" {
            text.append("<")
            index += 1
        }
        let start = index
        while index < scalars.count, scalars[index] != "<" { index += 1 }
        text.append(contentsOf: scalars[start..<index])
        return .text(HTMLCharacterReferences.decode(String(text)))
    }

    /// A tag, or nil when the `<` is plain text. Comments and declarations are skipped.
    private mutating func readMarkup() -> HTMLToken? {
        let after = index + 1
        guard after < scalars.count else { return nil }
        let next = scalars[after]
        if next == "!" {
            if hasPrefix("<!--", at: index) {
                index = find("-->", from: index + 4).map { $0 + 3 } ?? scalars.count
            } else {
                index = find(">", from: after).map { $0 + 1 } ?? scalars.count
            }
            return .text("")
        }
        if next == "?" {
            index = find(">", from: after).map { $0 + 1 } ?? scalars.count
            return .text("")
        }
        if next == "/" {
            guard after + 1 < scalars.count, isLetter(scalars[after + 1]) else {
                guard after + 1 < scalars.count else { return nil }
                index = find(">", from: after).map { $0 + 1 } ?? scalars.count
                return .text("")
            }
            index = after + 1
            let name = readName()
            index = find(">", from: index).map { $0 + 1 } ?? scalars.count
            return .endTag(name: name)
        }
        guard isLetter(next) else { return nil }
        index = after
        let name = readName()
        var attributes: [String: String] = [:]
        var selfClosing = false
        while index < scalars.count {
            skipSpace()
            guard index < scalars.count else { break }
            let scalar = scalars[index]
            if scalar == ">" {
                index += 1
                break
            }
            if scalar == "/" {
                selfClosing = index + 1 < scalars.count && scalars[index + 1] == ">"
                index += 1
                continue
            }
            let attribute = readAttributeName()
            skipSpace()
            var value = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                skipSpace()
                value = HTMLCharacterReferences.decode(readAttributeValue())
            }
            if attributes[attribute] == nil && !attribute.isEmpty { attributes[attribute] = value }
        }
        if Self.rawText.contains(name) || Self.escapableRawText.contains(name) { rawTextEnd = name }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func readRawText(until name: String) -> String {
        let start = index
        var cursor = index
        while let found = find("</", from: cursor) {
            let nameEnd = found + 2 + name.unicodeScalars.count
            if nameEnd <= scalars.count,
               String(String.UnicodeScalarView(scalars[(found + 2)..<nameEnd])).lowercased() == name,
               nameEnd == scalars.count || !isLetter(scalars[nameEnd]) {
                index = found
                let text = String(String.UnicodeScalarView(scalars[start..<found]))
                return Self.escapableRawText.contains(name) ? HTMLCharacterReferences.decode(text) : text
            }
            cursor = found + 2
        }
        index = scalars.count
        return String(String.UnicodeScalarView(scalars[start...]))
    }

    private mutating func readName() -> String {
        let start = index
        while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "/", scalars[index] != ">" { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
    }

    private mutating func readAttributeName() -> String {
        let start = index
        index += 1
        while index < scalars.count, !isSpace(scalars[index]), !["/", ">", "="].contains(scalars[index]) { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index])).lowercased()
    }

    private mutating func readAttributeValue() -> String {
        guard index < scalars.count else { return "" }
        let quote = scalars[index]
        if quote == "\"" || quote == "'" {
            let start = index + 1
            let end = find(String(quote), from: start) ?? scalars.count
            index = min(scalars.count, end + 1)
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        let start = index
        while index < scalars.count, !isSpace(scalars[index]), scalars[index] != ">" { index += 1 }
        return String(String.UnicodeScalarView(scalars[start..<index]))
    }

    private mutating func skipSpace() {
        while index < scalars.count, isSpace(scalars[index]) { index += 1 }
    }

    private func find(_ needle: String, from start: Int) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard let first = pattern.first, start < scalars.count else { return nil }
        var position = start
        while position <= scalars.count - pattern.count {
            if scalars[position] == first && hasPrefix(needle, at: position) { return position }
            position += 1
        }
        return nil
    }

    private func hasPrefix(_ prefix: String, at position: Int) -> Bool {
        var cursor = position
        for scalar in prefix.unicodeScalars {
            guard cursor < scalars.count, scalars[cursor] == scalar else { return false }
            cursor += 1
        }
        return true
    }

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
    }
}
