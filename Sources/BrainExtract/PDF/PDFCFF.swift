/// Reads the built-in encoding of a bare CFF font program (`/FontFile3 /Subtype /Type1C`):
/// code to glyph name, from the charset and the custom encoding. Every read is bounds-checked.
enum PDFCFF {
    static let standardStrings: [String] = PDFGlyphData.cffStandardStrings.split(separator: "\n").map(String.init)

    /// Glyph names by code, or nil for CID-keyed fonts, the standard encoding or unreadable data.
    static func encoding(_ font: [UInt8]) -> [String?]? {
        let r = PDFTrueTypeCmap.ByteReader(bytes: font)
        guard let headerSize = r.u8(2) else { return nil }
        var pos = Int(headerSize)
        guard index(r, &pos) != nil, let topDicts = index(r, &pos), let strings = index(r, &pos),
              let top = topDicts.first else { return nil }
        let dict = topDict(r, from: top.lowerBound, to: top.upperBound)
        guard dict[0x0C1E] == nil, let charStringsAt = dict[17]?.first.map(Int.init) else { return nil }
        var charStringsPos = charStringsAt
        guard let glyphs = index(r, &charStringsPos)?.count, glyphs > 0 else { return nil }
        let encodingAt = Int(dict[16]?.first ?? 0)
        guard encodingAt > 1, let format = r.u8(encodingAt) else { return nil }
        func name(_ sid: Int) -> String? {
            if sid < standardStrings.count { return standardStrings[sid] }
            let i = sid - standardStrings.count
            guard i < strings.count else { return nil }
            return String(decoding: font[strings[i]], as: UTF8.self)
        }
        let sids = charset(r, at: Int(dict[15]?.first ?? 0), glyphs: glyphs)
        var names = [String?](repeating: nil, count: 256)
        var gid = 1
        var at = encodingAt + 1
        switch format & 0x7F {
        case 0:
            guard let count = r.u8(at) else { return nil }
            at += 1
            for _ in 0..<Int(count) {
                guard let code = r.u8(at) else { break }
                at += 1
                if gid < sids.count { names[Int(code)] = name(sids[gid]) }
                gid += 1
            }
        case 1:
            guard let ranges = r.u8(at) else { return nil }
            at += 1
            for _ in 0..<Int(ranges) {
                guard let first = r.u8(at), let left = r.u8(at + 1) else { break }
                at += 2
                for code in Int(first)...min(255, Int(first) + Int(left)) {
                    if gid < sids.count { names[code] = name(sids[gid]) }
                    gid += 1
                }
            }
        default:
            return nil
        }
        if format & 0x80 != 0, let supplements = r.u8(at) {
            at += 1
            for k in 0..<Int(supplements) {
                guard let code = r.u8(at + 3 * k), let sid = r.u16(at + 3 * k + 1) else { break }
                names[Int(code)] = name(Int(sid))
            }
        }
        return names
    }

    /// SIDs by glyph id (glyph 0 is `.notdef`).
    private static func charset(_ r: PDFTrueTypeCmap.ByteReader, at offset: Int, glyphs: Int) -> [Int] {
        var sids = [0]
        if offset == 0 { return Array(0..<min(glyphs, 229)) }
        guard offset > 2, let format = r.u8(offset) else { return sids }
        var at = offset + 1
        while sids.count < glyphs {
            switch format {
            case 0:
                guard let sid = r.u16(at) else { return sids }
                sids.append(Int(sid))
                at += 2
            case 1, 2:
                guard let first = r.u16(at) else { return sids }
                let left = format == 1 ? r.u8(at + 2).map(Int.init) : r.u16(at + 2).map(Int.init)
                guard let left else { return sids }
                at += format == 1 ? 3 : 4
                for k in 0...left where sids.count < glyphs { sids.append(Int(first) + k) }
            default:
                return sids
            }
        }
        return sids
    }

    /// The items of the INDEX at `pos` as byte ranges; moves `pos` past it.
    private static func index(_ r: PDFTrueTypeCmap.ByteReader, _ pos: inout Int) -> [Range<Int>]? {
        guard let count = r.u16(pos) else { return nil }
        if count == 0 { pos += 2; return [] }
        guard let offSize = r.u8(pos + 2), (1...4).contains(offSize) else { return nil }
        let size = Int(offSize)
        func offset(_ i: Int) -> Int? {
            var v = 0
            for k in 0..<size {
                guard let b = r.u8(pos + 3 + i * size + k) else { return nil }
                v = v << 8 | Int(b)
            }
            return v
        }
        let base = pos + 3 + (Int(count) + 1) * size - 1
        var items: [Range<Int>] = []
        guard var previous = offset(0) else { return nil }
        for i in 1...Int(count) {
            guard let next = offset(i), next >= previous, base + next <= r.bytes.count else { return nil }
            items.append((base + previous)..<(base + next))
            previous = next
        }
        pos = base + previous
        return items
    }

    /// Operator (escaped ones as 0x0C00 | second byte) to operands.
    private static func topDict(_ r: PDFTrueTypeCmap.ByteReader, from: Int, to: Int) -> [Int: [Double]] {
        var result: [Int: [Double]] = [:]
        var operands: [Double] = []
        var at = from
        while at < to, let b0 = r.u8(at) {
            at += 1
            switch b0 {
            case 0...21:
                var op = Int(b0)
                if b0 == 12, let b1 = r.u8(at) { op = 0x0C00 | Int(b1); at += 1 }
                result[op] = operands
                operands.removeAll()
            case 28:
                guard let v = r.u16(at) else { return result }
                operands.append(Double(Int16(bitPattern: v)))
                at += 2
            case 29:
                guard let v = r.u32(at) else { return result }
                operands.append(Double(Int32(bitPattern: v)))
                at += 4
            case 30:
                while let b = r.u8(at) {
                    at += 1
                    if b & 0x0F == 0x0F || b >> 4 == 0x0F { break }
                }
                operands.append(0)
            case 32...246: operands.append(Double(Int(b0) - 139))
            case 247...250:
                guard let b1 = r.u8(at) else { return result }
                operands.append(Double((Int(b0) - 247) * 256 + Int(b1) + 108))
                at += 1
            case 251...254:
                guard let b1 = r.u8(at) else { return result }
                operands.append(Double(-(Int(b0) - 251) * 256 - Int(b1) - 108))
                at += 1
            default:
                break
            }
            if operands.count > 48 { operands.removeFirst() }
        }
        return result
    }
}
