/// Byte ranges of the WordDocument stream whose characters are hidden (`fVanish`) or deleted
/// tracked changes (`fRMarkDel`), read from the character-property FKPs (PlcBteChpx).
struct HiddenTextRuns {
    private var ranges: [Range<Int>] = []

    static let none = HiddenTextRuns()

    private init() {}

    /// Reads the runs; damaged property pages are ignored (the text is then kept).
    init(wordStream: [UInt8], table: [UInt8], fcPlcfBteChpx: Int, lcbPlcfBteChpx: Int) {
        let plc = ByteReader(table)
        guard lcbPlcfBteChpx >= 8, (lcbPlcfBteChpx - 4) % 8 == 0, plc.slice(fcPlcfBteChpx, lcbPlcfBteChpx) != nil else { return }
        let count = (lcbPlcfBteChpx - 4) / 8
        let stream = ByteReader(wordStream)
        for index in 0..<min(count, wordStream.count / 512 + 1) {
            guard let pageNumber = plc.u32(fcPlcfBteChpx + (count + 1) * 4 + index * 4) else { continue }
            let page = Int(pageNumber & 0x3F_FFFF) * 512
            guard let runCount = stream.u8(page + 511), page + 512 <= wordStream.count else { continue }
            for run in 0..<Int(runCount) {
                guard let start = stream.u32(page + run * 4), let end = stream.u32(page + (run + 1) * 4),
                      let wordOffset = stream.u8(page + (Int(runCount) + 1) * 4 + run), wordOffset != 0 else { continue }
                let chpx = page + Int(wordOffset) * 2
                guard let size = stream.u8(chpx), chpx + 1 + Int(size) <= page + 511 else { continue }
                if Self.hides(stream, from: chpx + 1, to: chpx + 1 + Int(size)), start < end {
                    ranges.append(Int(start)..<Int(end))
                }
            }
        }
        ranges.sort { $0.lowerBound < $1.lowerBound }
    }

    /// Whether the character stored at this stream offset is hidden or deleted.
    func contains(_ offset: Int) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low > 0 && ranges[low - 1].contains(offset)
    }

    /// Walks a grpprl looking for sprmCFVanish (0x083C) or sprmCFRMarkDel (0x0800) switched on.
    private static func hides(_ reader: ByteReader, from start: Int, to end: Int) -> Bool {
        var cursor = start
        while cursor + 2 <= end, let sprm = reader.u16(cursor) {
            cursor += 2
            let operandSize = SprmOperand.size(sprm, reader, at: cursor)
            if (sprm == 0x083C || sprm == 0x0800), let value = reader.u8(cursor), value == 1 || value == 0x81 {
                return true
            }
            cursor += operandSize
        }
        return false
    }
}
