/// Word list numbering: the "1." or bullet in front of list paragraphs, which Word stores as
/// list definitions (PlfLst, PlfLfo) referenced from paragraph properties (sprmPIlfo, sprmPIlvl).
struct ListLabels {
    /// One list level: the number format and the label template (chars 0-8 stand for level numbers).
    private struct Level {
        var start: Int
        var format: UInt8
        var template: [UInt16]
        var follow: UInt8
    }

    /// A paragraph's list membership, by the stream bytes it occupies.
    private struct Paragraph {
        var range: Range<Int>
        var ilfo: Int
        var ilvl: Int
    }

    private var lists: [Int32: [Level]] = [:]
    private var overrides: [Int32] = []
    private var paragraphs: [Paragraph] = []
    private var counters: [Int32: [Int?]] = [:]

    static let none = ListLabels()

    private init() {}

    /// Reads the list tables; anything damaged just means fewer labels.
    init(wordStream: [UInt8], table: [UInt8], fib: WordFIB) {
        let reader = ByteReader(table)
        readLists(reader, at: fib.fcPlfLst, length: fib.lcbPlfLst)
        if let count = reader.u32(fib.fcPlfLfo), fib.lcbPlfLfo >= 4 {
            for index in 0..<min(Int(count), 4096) {
                guard let lsid = reader.u32(fib.fcPlfLfo + 4 + index * 16) else { break }
                overrides.append(Int32(bitPattern: lsid))
            }
        }
        guard !lists.isEmpty, !overrides.isEmpty else { return }
        readParagraphs(ByteReader(wordStream), plc: reader, at: fib.fcPlcfBtePapx, length: fib.lcbPlcfBtePapx)
    }

    /// The label for the paragraph whose first character is stored at `offset`, counting it.
    mutating func label(at offset: Int) -> [UInt16] {
        guard let paragraph = paragraph(containing: offset), paragraph.ilfo >= 1, paragraph.ilfo <= overrides.count,
              paragraph.ilvl >= 0, paragraph.ilvl < 9 else { return [] }
        let lsid = overrides[paragraph.ilfo - 1]
        guard let levels = lists[lsid], paragraph.ilvl < levels.count else { return [] }
        var numbers = counters[lsid] ?? [Int?](repeating: nil, count: 9)
        let level = levels[paragraph.ilvl]
        numbers[paragraph.ilvl] = (numbers[paragraph.ilvl] ?? (level.start &- 1)) &+ 1
        for deeper in (paragraph.ilvl + 1)..<9 { numbers[deeper] = nil }
        counters[lsid] = numbers
        guard level.format != 255 else { return [] }
        var out: [UInt16] = []
        for unit in level.template {
            if unit < 9 {
                let index = Int(unit)
                let format = index < levels.count ? levels[index].format : 0
                let value = numbers[index] ?? (index < levels.count ? levels[index].start : 1)
                out += Array(Self.format(value, style: format).utf16)
            } else {
                out.append(unit)
            }
        }
        if !out.isEmpty && level.follow != 2 { out.append(0x20) }
        return out
    }

    private static func format(_ value: Int, style: UInt8) -> String {
        switch style {
        case 1: return roman(value).uppercased()
        case 2: return roman(value)
        case 3, 4:
            guard value >= 1 else { return String(value) }
            let letter = Character(Unicode.Scalar(UInt8(0x61 + (value - 1) % 26)))
            let text = String(repeating: letter, count: (value - 1) / 26 + 1)
            return style == 3 ? text.uppercased() : text
        case 22: return value < 10 ? "0\(value)" : String(value)
        default: return String(value)
        }
    }

    private static func roman(_ value: Int) -> String {
        guard value > 0 && value < 4000 else { return String(value) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = value
        var out = ""
        for (amount, text) in table {
            while rest >= amount {
                out += text
                rest -= amount
            }
        }
        return out
    }

    private func paragraph(containing offset: Int) -> Paragraph? {
        var low = 0, high = paragraphs.count
        while low < high {
            let middle = (low + high) / 2
            if paragraphs[middle].range.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, paragraphs[low - 1].range.contains(offset) else { return nil }
        return paragraphs[low - 1]
    }

    /// PlfLst: cLst, the LSTF records (28 bytes), then each list's LVL records right after.
    private mutating func readLists(_ reader: ByteReader, at offset: Int, length: Int) {
        guard length >= 2, let count = reader.u16(offset) else { return }
        var cursor = offset + length
        for index in 0..<min(Int(count), 1024) {
            let lstf = offset + 2 + index * 28
            guard let lsid = reader.u32(lstf), let flags = reader.u8(lstf + 26) else { return }
            var levels: [Level] = []
            for _ in 0..<(flags & 1 == 1 ? 1 : 9) {
                guard let start = reader.u32(cursor), let format = reader.u8(cursor + 4), let follow = reader.u8(cursor + 15),
                      let chpx = reader.u8(cursor + 24), let papx = reader.u8(cursor + 25) else { return }
                cursor += 28 + Int(chpx) + Int(papx)
                guard let length = reader.u16(cursor) else { return }
                let units = (0..<min(Int(length), 64)).compactMap { reader.u16(cursor + 2 + $0 * 2) }
                cursor += 2 + Int(length) * 2
                levels.append(Level(start: Int(Int32(bitPattern: start)), format: format, template: units, follow: follow))
            }
            lists[Int32(bitPattern: lsid)] = levels
        }
    }

    /// PlcBtePapx -> PAPX FKPs -> (stream range, ilfo, ilvl) for paragraphs in lists.
    private mutating func readParagraphs(_ stream: ByteReader, plc: ByteReader, at offset: Int, length: Int) {
        guard length >= 8, (length - 4) % 8 == 0 else { return }
        let count = (length - 4) / 8
        for index in 0..<min(count, stream.bytes.count / 512 + 1) {
            guard let pageNumber = plc.u32(offset + (count + 1) * 4 + index * 4) else { return }
            let page = Int(pageNumber & 0x3F_FFFF) * 512
            guard page + 512 <= stream.bytes.count, let runs = stream.u8(page + 511) else { continue }
            for run in 0..<Int(runs) {
                guard let start = stream.u32(page + run * 4), let end = stream.u32(page + (run + 1) * 4), start < end,
                      let wordOffset = stream.u8(page + (Int(runs) + 1) * 4 + run * 13), wordOffset != 0 else { continue }
                var papx = page + Int(wordOffset) * 2
                guard let first = stream.u8(papx) else { continue }
                var size = Int(first) * 2 - 1
                papx += 1
                if first == 0 {
                    guard let second = stream.u8(papx) else { continue }
                    size = Int(second) * 2
                    papx += 1
                }
                // Skip the 2-byte style index, then read the sprms.
                if let (ilfo, ilvl) = Self.listSprms(stream, from: papx + 2, to: min(papx + size, page + 511)), ilfo > 0 {
                    paragraphs.append(Paragraph(range: Int(start)..<Int(end), ilfo: ilfo, ilvl: ilvl))
                }
            }
        }
        paragraphs.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func listSprms(_ reader: ByteReader, from start: Int, to end: Int) -> (Int, Int)? {
        var cursor = start
        var ilfo: Int?
        var ilvl = 0
        while cursor + 2 <= end, let sprm = reader.u16(cursor) {
            cursor += 2
            switch sprm {
            case 0x460B: ilfo = reader.u16(cursor).map { Int(Int16(bitPattern: $0)) }
            case 0x260A: ilvl = Int(reader.u8(cursor) ?? 0)
            default: break
            }
            cursor += SprmOperand.size(sprm, reader, at: cursor)
        }
        return ilfo.map { ($0, ilvl) }
    }
}
