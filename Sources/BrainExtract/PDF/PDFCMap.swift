import Foundation

/// A CMap: codespace ranges (how many bytes make one code), code-to-Unicode entries (ToUnicode)
/// and code-to-CID entries (encoding CMaps), with `usecmap` parents merged in.
struct PDFCMap: Sendable {
    /// One codespace range; `low`/`high` hold one bound byte per code byte.
    struct CodeSpace: Sendable {
        let low: [UInt8]
        let high: [UInt8]
    }

    var codeSpaces: [CodeSpace] = []
    var unicode: [UInt32: String] = [:]
    var cids: [UInt32: UInt32] = [:]
    var cidRanges: [(low: UInt32, high: UInt32, cid: UInt32)] = []
    /// Whether this is the Identity-H/V CMap (two-byte codes, CID = code).
    var isIdentity = false

    static let identity: PDFCMap = {
        var map = PDFCMap()
        map.codeSpaces = [CodeSpace(low: [0, 0], high: [0xFF, 0xFF])]
        map.isIdentity = true
        return map
    }()

    /// Splits the next code off `bytes` at `index`; returns the code and its byte length.
    @inline(__always) func nextCode(_ bytes: [UInt8], at index: Int) -> (code: UInt32, length: Int) {
        if isIdentity || codeSpaces.isEmpty {
            let length = codeSpaces.isEmpty && !isIdentity ? 1 : 2
            var code: UInt32 = 0
            for k in 0..<length { code = code << 8 | UInt32(index + k < bytes.count ? bytes[index + k] : 0) }
            return (code, min(length, bytes.count - index))
        }
        var code: UInt32 = 0
        for length in 1...4 {
            guard index + length - 1 < bytes.count else { break }
            code = code << 8 | UInt32(bytes[index + length - 1])
            for space in codeSpaces where space.low.count == length {
                var inside = true
                for k in 0..<length where bytes[index + k] < space.low[k] || bytes[index + k] > space.high[k] {
                    inside = false
                    break
                }
                if inside { return (code, length) }
            }
        }
        let length = codeSpaces.map { $0.low.count }.min() ?? 1
        var fallback: UInt32 = 0
        for k in 0..<length { fallback = fallback << 8 | UInt32(index + k < bytes.count ? bytes[index + k] : 0) }
        return (fallback, max(1, min(length, bytes.count - index)))
    }

    func cid(for code: UInt32) -> UInt32 {
        if isIdentity { return code }
        if let c = cids[code] { return c }
        for r in cidRanges where code >= r.low && code <= r.high { return r.cid &+ (code - r.low) }
        return code
    }

    /// Parses CMap text; `parent` loads a named CMap for `usecmap`.
    static func parse(_ bytes: [UInt8], parent: (String) -> PDFCMap?, limit: Int = 200_000) -> PDFCMap {
        var map = PDFCMap()
        var lexer = PDFLexer(bytes)
        var lastName: String?
        let kwCodespace = PDFLexer.keyword("begincodespacerange")
        let kwBfchar = PDFLexer.keyword("beginbfchar"), kwBfrange = PDFLexer.keyword("beginbfrange")
        let kwCidchar = PDFLexer.keyword("begincidchar"), kwCidrange = PDFLexer.keyword("begincidrange")
        let kwUsecmap = PDFLexer.keyword("usecmap")
        var entries = 0
        while entries < limit {
            let token = lexer.next()
            entries += 1
            switch token {
            case .eof: return map
            case .name(let n): lastName = n
            case .keyword(let k):
                if k == kwUsecmap, let name = lastName, let base = parent(name) {
                    map.codeSpaces += base.codeSpaces
                    map.isIdentity = map.isIdentity || base.isIdentity
                    for (key, value) in base.unicode where map.unicode[key] == nil { map.unicode[key] = value }
                    for (key, value) in base.cids where map.cids[key] == nil { map.cids[key] = value }
                    map.cidRanges += base.cidRanges
                } else if k == kwCodespace {
                    while case .string(let low) = lexer.next(), case .string(let high) = lexer.next() {
                        if low.count == high.count, (1...4).contains(low.count) { map.codeSpaces.append(CodeSpace(low: low, high: high)) }
                        entries += 1
                        if entries >= limit { break }
                    }
                } else if k == kwBfchar {
                    while case .string(let src) = lexer.next() {
                        let dst = lexer.next()
                        entries += 1
                        if entries >= limit { break }
                        if case .string(let d) = dst { map.unicode[value(src)] = utf16(d) }
                        else if case .name(let n) = dst, let u = PDFGlyphNames.unicode(n) { map.unicode[value(src)] = u }
                    }
                } else if k == kwBfrange {
                    while case .string(let lowBytes) = lexer.next(), case .string(let highBytes) = lexer.next() {
                        let low = value(lowBytes), high = value(highBytes)
                        let dst = lexer.next()
                        guard high >= low, high - low < 65536 else { continue }
                        entries += Int(high - low) + 1
                        if entries >= limit { break }
                        if case .string(let d) = dst {
                            var units = utf16Units(d)
                            for code in low...high {
                                map.unicode[code] = String(decoding: units, as: UTF16.self)
                                if let last = units.last { units[units.count - 1] = last &+ 1 }
                            }
                        } else if case .arrayOpen = dst {
                            var code = low
                            while case .string(let d) = lexer.next() {
                                if code <= high { map.unicode[code] = utf16(d) }
                                code &+= 1
                            }
                        }
                    }
                } else if k == kwCidchar {
                    while case .string(let src) = lexer.next(), case .int(let cid) = lexer.next() {
                        map.cids[value(src)] = UInt32(truncatingIfNeeded: max(0, cid))
                        entries += 1
                        if entries >= limit { break }
                    }
                } else if k == kwCidrange {
                    while case .string(let low) = lexer.next(), case .string(let high) = lexer.next(), case .int(let cid) = lexer.next() {
                        map.cidRanges.append((value(low), value(high), UInt32(truncatingIfNeeded: max(0, cid))))
                        entries += 1
                        if entries >= limit { break }
                    }
                }
            default:
                break
            }
        }
        return map
    }

    static func value(_ bytes: [UInt8]) -> UInt32 {
        var v: UInt32 = 0
        for b in bytes.suffix(4) { v = v << 8 | UInt32(b) }
        return v
    }

    static func utf16Units(_ bytes: [UInt8]) -> [UInt16] {
        var units: [UInt16] = []
        var i = 0
        while i + 1 < bytes.count { units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])); i += 2 }
        if bytes.count % 2 == 1, let last = bytes.last { units.append(UInt16(last)) }
        return units
    }

    static func utf16(_ bytes: [UInt8]) -> String { String(decoding: utf16Units(bytes), as: UTF16.self) }

    /// A predefined CMap from poppler-data (`/usr/share/poppler/cMap/<collection>/<name>`).
    static func predefined(_ name: String, depth: Int = 0) -> PDFCMap? {
        if name == "Identity-H" || name == "Identity-V" { return identity }
        guard depth < 4, !name.contains("/"), !name.contains(".."),
              let collections = try? FileManager.default.contentsOfDirectory(atPath: "/usr/share/poppler/cMap") else { return nil }
        for collection in collections {
            let path = "/usr/share/poppler/cMap/\(collection)/\(name)"
            if let data = FileManager.default.contents(atPath: path) {
                return parse([UInt8](data), parent: { predefined($0, depth: depth + 1) }, limit: 2_000_000)
            }
        }
        return nil
    }
}
