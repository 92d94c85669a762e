/// Reads one indirect object (`N G obj ... endobj`) at a byte offset, including stream data.
enum PDFObjectReader {
    static let kwObj = PDFLexer.keyword("obj")
    static let kwStream = PDFLexer.keyword("stream")
    static let kwEndstream = PDFLexer.keyword("endstream")

    /// Returns the object's number, generation and value, or nil when `offset` does not start
    /// `N G obj` (or starts a different object than `expected`).
    static func readIndirect(
        _ bytes: [UInt8], at offset: Int, expected: Int?, maxDepth: Int = 64,
        resolveLength: ((PDFObject) -> Int?)? = nil
    ) -> (number: (Int, Int), object: PDFObject)? {
        var parser = PDFParser(bytes, from: offset, maxDepth: maxDepth)
        guard case .int(let num) = parser.lexer.next(), case .int(let gen) = parser.lexer.next(),
              case .keyword(let k) = parser.lexer.next(), k == kwObj
        else { return nil }
        if let expected, expected != num { return nil }
        guard let object = parser.parseObject() else { return ((num, gen), .null) }
        guard case .dict(let dict) = object else { return ((num, gen), object) }
        let save = parser.lexer.pos
        guard case .keyword(let s) = parser.lexer.next(), s == kwStream else {
            parser.lexer.pos = save
            return ((num, gen), object)
        }
        var start = parser.lexer.pos
        if start < bytes.count, bytes[start] == 0x0D { start += 1 }
        if start < bytes.count, bytes[start] == 0x0A { start += 1 }
        let data = streamData(bytes, start: start, length: dict["Length"].flatMap { resolveLength?($0) ?? $0.int })
        return ((num, gen), .stream(PDFStream(dict: dict, data: data)))
    }

    /// Takes `length` bytes when `endstream` follows them; otherwise searches for `endstream`.
    private static func streamData(_ bytes: [UInt8], start: Int, length: Int?) -> [UInt8] {
        if let length, length >= 0, start + length <= bytes.count {
            var lexer = PDFLexer(bytes, from: start + length)
            if case .keyword(let k) = lexer.next(), k == kwEndstream || k == PDFLexer.keyword("endobj") {
                return Array(bytes[start..<(start + length)])
            }
        }
        guard let end = find(Array("endstream".utf8), in: bytes, from: start) else {
            return Array(bytes[min(start, bytes.count)...])
        }
        var stop = end
        if stop > start, bytes[stop - 1] == 0x0A { stop -= 1 }
        if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
        return Array(bytes[start..<stop])
    }

    /// The first index of `pattern` in `bytes` at or after `from`.
    static func find(_ pattern: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var i = max(0, from)
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count { return i }
            }
            i += 1
        }
        return nil
    }
}
