/// Builds `PDFObject`s from lexer tokens, with nesting bounded by a depth limit.
struct PDFParser {
    var lexer: PDFLexer
    /// Whether `N G R` is read as a reference (file bodies) or not (content streams).
    let allowReferences: Bool
    let maxDepth: Int

    static let kwR = PDFLexer.keyword("R")
    static let kwTrue = PDFLexer.keyword("true")
    static let kwFalse = PDFLexer.keyword("false")
    static let kwNull = PDFLexer.keyword("null")

    init(_ bytes: [UInt8], from: Int = 0, to: Int? = nil, allowReferences: Bool = true, maxDepth: Int = 64) {
        lexer = PDFLexer(bytes, from: from, to: to)
        self.allowReferences = allowReferences
        self.maxDepth = maxDepth
    }

    /// Parses the next object; nil at the end or at a keyword that is not a value.
    mutating func parseObject(depth: Int = 0) -> PDFObject? {
        let token = lexer.next()
        return object(from: token, depth: depth)
    }

    mutating func object(from token: PDFLexer.Token, depth: Int) -> PDFObject? {
        switch token {
        case .int(let v):
            if allowReferences, v >= 0 {
                let save = lexer.pos
                if case .int(let g) = lexer.next(), g >= 0, case .keyword(let k) = lexer.next(), k == PDFParser.kwR {
                    return .ref(v, g)
                }
                lexer.pos = save
            }
            return .int(v)
        case .real(let v): return .real(v)
        case .string(let s): return .string(s)
        case .name(let n): return .name(n)
        case .arrayOpen:
            guard depth < maxDepth else { return .null }
            var items: [PDFObject] = []
            while true {
                let t = lexer.next()
                switch t {
                case .arrayClose, .eof: return .array(items)
                case .dictClose: continue
                default:
                    if let o = object(from: t, depth: depth + 1) { items.append(o) } else if case .keyword = t {
                        if isStructuralKeyword(t) { return .array(items) }
                    }
                }
            }
        case .dictOpen:
            guard depth < maxDepth else { return .null }
            return .dict(parseDictBody(depth: depth))
        case .keyword(let k):
            if k == PDFParser.kwTrue { return .bool(true) }
            if k == PDFParser.kwFalse { return .bool(false) }
            if k == PDFParser.kwNull { return .null }
            return nil
        case .arrayClose, .dictClose, .eof:
            return nil
        }
    }

    private func isStructuralKeyword(_ t: PDFLexer.Token) -> Bool {
        guard case .keyword(let k) = t else { return false }
        return k == PDFLexer.keyword("endobj") || k == PDFLexer.keyword("stream")
    }

    /// Reads `key value` pairs after `<<` up to `>>`.
    mutating func parseDictBody(depth: Int) -> PDFDict {
        var dict = PDFDict()
        while true {
            let t = lexer.next()
            switch t {
            case .dictClose, .eof: return dict
            case .name(let key):
                let save = lexer.pos
                let vt = lexer.next()
                if case .dictClose = vt { return dict }
                if case .name = vt {} else if case .keyword = vt {
                    if isStructuralKeyword(vt) { lexer.pos = save; return dict }
                }
                if let value = object(from: vt, depth: depth + 1), dict.entries[key] == nil {
                    dict.entries[key] = value
                }
            case .keyword:
                if isStructuralKeyword(t) { return dict }
            default:
                continue
            }
        }
    }
}
