/// Splits template source into tokens the way Jinja's lexer does with its default settings.
///
/// Defaults reproduced: one trailing newline of the source is dropped (keep_trailing_newline
/// false), `\r\n` and `\r` become `\n`, trim_blocks and lstrip_blocks are off, `-` after an
/// opening delimiter strips all whitespace before the tag and `-` before a closing delimiter
/// strips all whitespace after it; `+` is accepted and changes nothing.
struct TemplateLexer {
    private let scalars: [Unicode.Scalar]
    private let templateName: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var tokens: [TemplateToken] = []

    init(source: String, templateName: String) {
        var normalized = source.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if normalized.hasSuffix("\n") { normalized.removeLast() }
        scalars = Array(normalized.unicodeScalars)
        self.templateName = templateName
    }

    static func tokenize(_ source: String, templateName: String) throws(TemplateError) -> [TemplateToken] {
        var lexer = TemplateLexer(source: source, templateName: templateName)
        try lexer.run()
        return lexer.tokens
    }

    private var position: SourcePosition { SourcePosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < scalars.count ? scalars[i] : nil
    }

    private func starts(with text: String, at offset: Int = 0) -> Bool {
        var i = index + offset
        for s in text.unicodeScalars {
            guard i < scalars.count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
            index += 1
        }
    }

    private mutating func skipWhitespace() {
        while let s = peek(), PythonText.isSpace(s) { advance() }
    }

    private func error(_ message: String, at position: SourcePosition) -> TemplateError {
        TemplateError(.syntax, template: templateName, line: position.line, column: position.column, message: message)
    }

    private mutating func run() throws(TemplateError) {
        var text = String.UnicodeScalarView()
        var textStart = position
        func flushText(stripTrailing: Bool) {
            let value = stripTrailing ? PythonText.strip(String(text), leading: false) : String(text)
            if !value.isEmpty { tokens.append(TemplateToken(kind: .data(value), position: textStart)) }
            text = String.UnicodeScalarView()
        }
        while index < scalars.count {
            guard scalars[index] == "{", let next = peek(1), next == "{" || next == "%" || next == "#" else {
                text.append(scalars[index])
                advance()
                continue
            }
            flushText(stripTrailing: peek(2) == "-")
            let tagStart = position
            advance(peek(2) == "-" || peek(2) == "+" ? 3 : 2)
            let stripAfter: Bool
            switch next {
            case "#":
                stripAfter = try skipComment(openedAt: tagStart)
            case "%":
                if try lexRawBlock(openedAt: tagStart) {
                    stripAfter = false
                } else {
                    tokens.append(TemplateToken(kind: .blockBegin, position: tagStart))
                    stripAfter = try lexTag(closing: "%", openedAt: tagStart)
                }
            default:
                tokens.append(TemplateToken(kind: .variableBegin, position: tagStart))
                stripAfter = try lexTag(closing: "}", openedAt: tagStart)
            }
            if stripAfter { skipWhitespace() }
            textStart = position
        }
        flushText(stripTrailing: false)
        tokens.append(TemplateToken(kind: .end, position: position))
    }

    /// Skips a comment body; returns whether it ended with `-#}`.
    private mutating func skipComment(openedAt start: SourcePosition) throws(TemplateError) -> Bool {
        while index < scalars.count {
            if starts(with: "-#}") { advance(3); return true }
            if starts(with: "#}") { advance(2); return false }
            advance()
        }
        throw error("missing end of comment tag", at: start)
    }

    /// Handles `{% raw %}...{% endraw %}`, emitting its body as text. Returns false (and consumes
    /// nothing) when the tag is not `raw`.
    private mutating func lexRawBlock(openedAt start: SourcePosition) throws(TemplateError) -> Bool {
        let saved = (index, line, column)
        skipWhitespace()
        guard starts(with: "raw"), let after = peek(3), PythonText.isSpace(after) || after == "-" || after == "%" || after == "+" else {
            (index, line, column) = saved
            return false
        }
        advance(3)
        skipWhitespace()
        if peek() == "-" || peek() == "+" {
            let strip = peek() == "-"
            advance()
            guard starts(with: "%}") else { throw error("expected '%}' after 'raw'", at: position) }
            advance(2)
            if strip { skipWhitespace() }
        } else if starts(with: "%}") {
            advance(2)
        } else {
            throw error("expected '%}' after 'raw'", at: position)
        }
        let bodyStart = position
        var body = String.UnicodeScalarView()
        while index < scalars.count {
            if starts(with: "{%"), let (length, stripBefore, stripAfter) = endRawTag() {
                var value = String(body)
                if stripBefore { value = PythonText.strip(value, leading: false) }
                if !value.isEmpty { tokens.append(TemplateToken(kind: .data(value), position: bodyStart)) }
                advance(length)
                if stripAfter { skipWhitespace() }
                return true
            }
            body.append(scalars[index])
            advance()
        }
        throw error("missing end of raw block", at: start)
    }

    /// If an `{% endraw %}` tag starts here, its length and whitespace-control flags.
    private func endRawTag() -> (Int, Bool, Bool)? {
        var i = index + 2
        var stripBefore = false
        if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { stripBefore = scalars[i] == "-"; i += 1 }
        while i < scalars.count, PythonText.isSpace(scalars[i]) { i += 1 }
        for s in "endraw".unicodeScalars {
            guard i < scalars.count, scalars[i] == s else { return nil }
            i += 1
        }
        while i < scalars.count, PythonText.isSpace(scalars[i]) { i += 1 }
        var stripAfter = false
        if i < scalars.count, scalars[i] == "-" || scalars[i] == "+" { stripAfter = scalars[i] == "-"; i += 1 }
        guard i + 1 < scalars.count, scalars[i] == "%", scalars[i + 1] == "}" else { return nil }
        return (i + 2 - index, stripBefore, stripAfter)
    }

    /// Lexes the inside of `{{ }}` or `{% %}` up to its closing delimiter; returns whether the
    /// closing delimiter asked to strip following whitespace.
    private mutating func lexTag(closing: Unicode.Scalar, openedAt start: SourcePosition) throws(TemplateError) -> Bool {
        let closer = String(closing) + "}"
        let endKind: TemplateToken.Kind = closing == "%" ? .blockEnd : .variableEnd
        var depth = 0
        while true {
            skipWhitespace()
            guard let c = peek() else {
                throw error(closing == "%" ? "missing '%}' to close the block tag" : "missing '}}' to close the expression", at: start)
            }
            if depth == 0 {
                if c == "-" && starts(with: closer, at: 1) {
                    tokens.append(TemplateToken(kind: endKind, position: position))
                    advance(3)
                    return true
                }
                if c == "+" && closing == "%" && starts(with: closer, at: 1) {
                    tokens.append(TemplateToken(kind: endKind, position: position))
                    advance(3)
                    return false
                }
                if starts(with: closer) {
                    tokens.append(TemplateToken(kind: endKind, position: position))
                    advance(2)
                    return false
                }
            }
            let tokenStart = position
            if c == "_" || c.properties.isAlphabetic && c.isASCII {
                var name = ""
                while let s = peek(), s == "_" || (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s))) {
                    name.unicodeScalars.append(s)
                    advance()
                }
                tokens.append(TemplateToken(kind: .name(name), position: tokenStart))
            } else if ("0"..."9").contains(c) {
                tokens.append(TemplateToken(kind: try lexNumber(), position: tokenStart))
            } else if c == "'" || c == "\"" {
                tokens.append(TemplateToken(kind: .string(try lexString(quote: c)), position: tokenStart))
            } else if let symbol = lexSymbol() {
                if symbol == "(" || symbol == "[" || symbol == "{" { depth += 1 }
                if symbol == ")" || symbol == "]" || symbol == "}" { depth = max(0, depth - 1) }
                tokens.append(TemplateToken(kind: .symbol(symbol), position: tokenStart))
            } else {
                throw error("unexpected character '\(Character(c))'", at: tokenStart)
            }
        }
    }

    private mutating func lexSymbol() -> String? {
        for symbol in ["//", "==", "!=", "<=", ">=", "**"] where starts(with: symbol) {
            advance(2)
            return symbol
        }
        guard let c = peek(), "()[]{},.:|~=+-*/%<>".unicodeScalars.contains(c) else { return nil }
        advance()
        return String(c)
    }

    private mutating func lexNumber() throws(TemplateError) -> TemplateToken.Kind {
        let start = position
        var digits = ""
        var isFloat = false
        func takeDigits() {
            while let s = peek(), ("0"..."9").contains(s) || (s == "_" && peek(1).map { ("0"..."9").contains($0) } == true) {
                if s != "_" { digits.unicodeScalars.append(s) }
                advance()
            }
        }
        takeDigits()
        if peek() == ".", let d = peek(1), ("0"..."9").contains(d) {
            isFloat = true
            digits += "."
            advance()
            takeDigits()
        }
        if peek() == "e" || peek() == "E" {
            let signOffset = peek(1) == "+" || peek(1) == "-" ? 1 : 0
            if let d = peek(1 + signOffset), ("0"..."9").contains(d) {
                isFloat = true
                digits += "e"
                if signOffset == 1, let sign = peek(1) { digits.unicodeScalars.append(sign) }
                advance(1 + signOffset)
                takeDigits()
            }
        }
        if isFloat {
            guard let value = Double(digits) else { throw error("invalid number '\(digits)'", at: start) }
            return .float(value)
        }
        guard let value = Int(digits) else { throw error("integer '\(digits)' is too large", at: start) }
        return .integer(value)
    }

    private mutating func lexString(quote: Unicode.Scalar) throws(TemplateError) -> String {
        let start = position
        advance()
        var value = String.UnicodeScalarView()
        while let c = peek() {
            advance()
            if c == quote { return String(value) }
            guard c == "\\" else { value.append(c); continue }
            guard let e = peek() else { break }
            advance()
            switch e {
            case "n": value.append("\n")
            case "t": value.append("\t")
            case "r": value.append("\r")
            case "0": value.append("\0")
            case "\\", "'", "\"": value.append(e)
            case "\n": break
            case "x", "u", "U":
                let width = e == "x" ? 2 : e == "u" ? 4 : 8
                var hex = ""
                for _ in 0..<width {
                    guard let h = peek(), h.properties.isASCIIHexDigit else { throw error("invalid '\\\(e)' escape in string", at: position) }
                    hex.unicodeScalars.append(h)
                    advance()
                }
                guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                    throw error("invalid '\\\(e)' escape in string", at: position)
                }
                value.append(scalar)
            default:
                value.append("\\")
                value.append(e)
            }
        }
        throw error("unterminated string", at: start)
    }
}
