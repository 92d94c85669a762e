/// Splits PDF bytes (file body or content stream) into tokens. Never traps on hostile input.
struct PDFLexer {
    /// One lexical token. Keywords are packed into a `UInt64` (first 8 bytes) for fast matching.
    enum Token {
        case int(Int)
        case real(Double)
        case string([UInt8])
        case name(String)
        case keyword(UInt64)
        case arrayOpen, arrayClose, dictOpen, dictClose
        case eof
    }

    let bytes: [UInt8]
    var pos: Int
    let end: Int

    init(_ bytes: [UInt8], from: Int = 0, to: Int? = nil) {
        self.bytes = bytes
        self.pos = max(0, min(from, bytes.count))
        self.end = max(self.pos, min(to ?? bytes.count, bytes.count))
    }

    /// Packs a keyword the way the lexer does, for comparisons: up to 8 bytes as they are;
    /// longer ones as their first 7 bytes plus `0x80 | length` in the top byte.
    static func keyword(_ text: StaticString) -> UInt64 {
        text.withUTF8Buffer { buffer in pack(buffer, from: 0, to: buffer.count) }
    }

    @inline(__always) static func pack<C: RandomAccessCollection>(_ bytes: C, from: Int, to: Int) -> UInt64 where C.Element == UInt8, C.Index == Int {
        let length = to - from
        var value: UInt64 = 0
        let count = length > 8 ? 7 : length
        for i in 0..<count { value |= UInt64(bytes[from + i]) << (8 * UInt64(i)) }
        if length > 8 { value |= UInt64(0x80 | min(length, 127)) << 56 }
        return value
    }

    @inline(__always) static func isWhite(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 || b == 0x0C || b == 0x00
    }

    @inline(__always) static func isDelimiter(_ b: UInt8) -> Bool {
        switch b {
        case 0x28, 0x29, 0x3C, 0x3E, 0x5B, 0x5D, 0x7B, 0x7D, 0x2F, 0x25: return true
        default: return false
        }
    }

    @inline(__always) static func isRegular(_ b: UInt8) -> Bool { !isWhite(b) && !isDelimiter(b) }

    mutating func skipWhitespaceAndComments() {
        while pos < end {
            let b = bytes[pos]
            if PDFLexer.isWhite(b) {
                pos += 1
            } else if b == 0x25 {
                while pos < end, bytes[pos] != 0x0A, bytes[pos] != 0x0D { pos += 1 }
            } else {
                return
            }
        }
    }

    mutating func next() -> Token {
        skipWhitespaceAndComments()
        guard pos < end else { return .eof }
        let b = bytes[pos]
        switch b {
        case 0x5B: pos += 1; return .arrayOpen
        case 0x5D: pos += 1; return .arrayClose
        case 0x28: pos += 1; return .string(literalString())
        case 0x2F: pos += 1; return .name(nameToken())
        case 0x3C:
            if pos + 1 < end, bytes[pos + 1] == 0x3C { pos += 2; return .dictOpen }
            pos += 1
            return .string(hexString())
        case 0x3E:
            pos += (pos + 1 < end && bytes[pos + 1] == 0x3E) ? 2 : 1
            return .dictClose
        case 0x7B, 0x7D, 0x29:
            pos += 1
            return .keyword(UInt64(b))
        case 0x30...0x39, 0x2B, 0x2D, 0x2E:
            return number()
        default:
            let start = pos
            while pos < end, PDFLexer.isRegular(bytes[pos]) { pos += 1 }
            return .keyword(PDFLexer.pack(bytes, from: start, to: pos))
        }
    }

    private mutating func number() -> Token {
        var negative = false
        while pos < end, bytes[pos] == 0x2B || bytes[pos] == 0x2D {
            if bytes[pos] == 0x2D { negative.toggle() }
            pos += 1
        }
        var intPart = 0
        var digits = 0
        while pos < end, bytes[pos] >= 0x30, bytes[pos] <= 0x39 {
            if digits < 18 { intPart = intPart &* 10 &+ Int(bytes[pos] - 0x30) }
            digits += 1
            pos += 1
        }
        var isReal = false
        var fraction = 0.0
        if pos < end, bytes[pos] == 0x2E {
            isReal = true
            pos += 1
            var scale = 0.1
            while pos < end, bytes[pos] >= 0x30, bytes[pos] <= 0x39 {
                fraction += Double(bytes[pos] - 0x30) * scale
                scale *= 0.1
                pos += 1
            }
        }
        // Swallow junk glued to the number ("4.-3", "12a") so it cannot loop.
        while pos < end, PDFLexer.isRegular(bytes[pos]) { pos += 1 }
        if isReal {
            let value = Double(intPart) + fraction
            return .real(negative ? -value : value)
        }
        return .int(negative ? -intPart : intPart)
    }

    private mutating func literalString() -> [UInt8] {
        var out: [UInt8] = []
        var depth = 1
        while pos < end {
            let b = bytes[pos]
            pos += 1
            switch b {
            case 0x28:
                depth += 1
                out.append(b)
            case 0x29:
                depth -= 1
                if depth == 0 { return out }
                out.append(b)
            case 0x5C:
                guard pos < end else { return out }
                let e = bytes[pos]
                pos += 1
                switch e {
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x0D:
                    if pos < end, bytes[pos] == 0x0A { pos += 1 }
                case 0x0A: break
                case 0x30...0x37:
                    var value = Int(e - 0x30)
                    var count = 1
                    while count < 3, pos < end, bytes[pos] >= 0x30, bytes[pos] <= 0x37 {
                        value = value * 8 + Int(bytes[pos] - 0x30)
                        pos += 1
                        count += 1
                    }
                    out.append(UInt8(truncatingIfNeeded: value))
                default: out.append(e)
                }
            default:
                out.append(b)
            }
        }
        return out
    }

    private mutating func hexString() -> [UInt8] {
        var out: [UInt8] = []
        var high: UInt8? = nil
        while pos < end {
            let b = bytes[pos]
            pos += 1
            if b == 0x3E { break }
            guard let v = PDFLexer.hexValue(b) else { continue }
            if let h = high {
                out.append(h << 4 | v)
                high = nil
            } else {
                high = v
            }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b - 0x30
        case 0x41...0x46: return b - 0x37
        case 0x61...0x66: return b - 0x57
        default: return nil
        }
    }

    private mutating func nameToken() -> String {
        var raw: [UInt8] = []
        while pos < end, PDFLexer.isRegular(bytes[pos]) {
            let b = bytes[pos]
            if b == 0x23, pos + 2 < end, let h = PDFLexer.hexValue(bytes[pos + 1]), let l = PDFLexer.hexValue(bytes[pos + 2]) {
                raw.append(h << 4 | l)
                pos += 3
            } else {
                raw.append(b)
                pos += 1
            }
        }
        return String(decoding: raw, as: UTF8.self)
    }
}
