/// Reads an embedded TrueType font's `cmap` backwards: glyph id to text. Used to recover text
/// from Identity-H fonts that have no ToUnicode map.
enum PDFTrueTypeCmap {
    static func glyphText(_ font: [UInt8]) -> [UInt16: String] {
        let reader = ByteReader(bytes: font)
        guard let numTables = reader.u16(4), numTables < 512 else { return [:] }
        var cmapOffset: Int?
        for i in 0..<Int(numTables) {
            let record = 12 + 16 * i
            guard let tag = reader.u32(record) else { break }
            if tag == 0x636D_6170, let offset = reader.u32(record + 8) { cmapOffset = Int(offset) }
        }
        guard let cmap = cmapOffset, let count = reader.u16(cmap + 2) else { return [:] }
        var best: (rank: Int, offset: Int)?
        for i in 0..<Int(min(count, 64)) {
            let record = cmap + 4 + 8 * i
            guard let platform = reader.u16(record), let encoding = reader.u16(record + 2), let offset = reader.u32(record + 4) else { break }
            let rank: Int
            switch (platform, encoding) {
            case (3, 10): rank = 5
            case (3, 1): rank = 4
            case (0, _): rank = 3
            case (3, 0): rank = 2
            case (1, 0): rank = 1
            default: continue
            }
            if rank > (best?.rank ?? 0) { best = (rank, cmap + Int(offset)) }
        }
        guard let table = best else { return [:] }
        var result: [UInt16: String] = [:]
        func add(_ code: UInt32, _ gid: UInt16) {
            guard gid != 0, result[gid] == nil else { return }
            var value = code
            if table.rank == 2, value >= 0xF000, value <= 0xF0FF { value -= 0xF000 }
            if table.rank == 1, value >= 0x80 { return }
            guard let scalar = Unicode.Scalar(value), let text = PDFFont.clean(String(Character(scalar))) else { return }
            result[gid] = text
        }
        let start = table.offset
        switch reader.u16(start) {
        case 0?:
            for code in 0..<256 { if let gid = reader.u8(start + 6 + code) { add(UInt32(code), UInt16(gid)) } }
        case 4?:
            guard let segX2 = reader.u16(start + 6) else { break }
            let segs = Int(segX2) / 2
            let ends = start + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs, ranges = deltas + 2 * segs
            var visited = 0
            for s in 0..<segs where visited < 200_000 {
                guard let end = reader.u16(ends + 2 * s), let first = reader.u16(starts + 2 * s),
                      let delta = reader.u16(deltas + 2 * s), let rangeOffset = reader.u16(ranges + 2 * s), first <= end else { continue }
                visited += Int(end - first) + 1
                for code in UInt32(first)...UInt32(end) where code != 0xFFFF {
                    var gid: UInt16
                    if rangeOffset == 0 {
                        gid = UInt16(truncatingIfNeeded: code &+ UInt32(delta))
                    } else {
                        let at = ranges + 2 * s + Int(rangeOffset) + 2 * Int(code - UInt32(first))
                        guard let g = reader.u16(at), g != 0 else { continue }
                        gid = g &+ delta
                    }
                    add(code, gid)
                }
            }
        case 6?:
            guard let first = reader.u16(start + 6), let n = reader.u16(start + 8) else { break }
            for k in 0..<Int(n) { if let gid = reader.u16(start + 10 + 2 * k) { add(UInt32(first) + UInt32(k), gid) } }
        case 12?:
            guard let groups = reader.u32(start + 12) else { break }
            var total = 0
            for g in 0..<Int(min(groups, 100_000)) {
                let at = start + 16 + 12 * g
                guard let first = reader.u32(at), let last = reader.u32(at + 4), let gid = reader.u32(at + 8), first <= last else { break }
                total += Int(last - first)
                if total > 200_000 { break }
                for code in first...last { add(code, UInt16(truncatingIfNeeded: gid &+ (code - first))) }
            }
        default: break
        }
        return result
    }

    /// Bounds-checked big-endian reads.
    struct ByteReader {
        let bytes: [UInt8]
        func u8(_ at: Int) -> UInt8? { at >= 0 && at < bytes.count ? bytes[at] : nil }
        func u16(_ at: Int) -> UInt16? {
            guard at >= 0, at + 1 < bytes.count else { return nil }
            return UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
        }
        func u32(_ at: Int) -> UInt32? {
            guard at >= 0, at + 3 < bytes.count else { return nil }
            return UInt32(bytes[at]) << 24 | UInt32(bytes[at + 1]) << 16 | UInt32(bytes[at + 2]) << 8 | UInt32(bytes[at + 3])
        }
    }
}
