/// Word's piece table: where each run of character positions lives in the WordDocument stream,
/// and whether it is stored as 8-bit (Windows-1252) or UTF-16 text.
struct PieceTable {
    struct Piece: Equatable {
        var cpStart: Int
        var cpEnd: Int
        /// Byte offset in the WordDocument stream.
        var offset: Int
        var compressed: Bool
    }

    let pieces: [Piece]

    /// Parses the CLX: any number of Prc records (0x01), then one Pcdt (0x02) holding the PlcPcd.
    init(clx: ArraySlice<UInt8>) throws(ExtractionError) {
        let reader = ByteReader(Array(clx))
        var offset = 0
        while reader.u8(offset) == 0x01 {
            guard let size = reader.u16(offset + 1) else { throw Self.corrupt }
            offset += 3 + Int(Int16(bitPattern: size).magnitude)
        }
        guard reader.u8(offset) == 0x02, let lcb = reader.u32(offset + 1) else { throw Self.corrupt }
        let start = offset + 5
        let length = Int(lcb)
        guard length >= 4, length <= reader.bytes.count - start, (length - 4) % 12 == 0 else { throw Self.corrupt }
        let count = (length - 4) / 12
        var pieces: [Piece] = []
        pieces.reserveCapacity(count)
        for index in 0..<count {
            guard let cpStart = reader.u32(start + index * 4), let cpEnd = reader.u32(start + (index + 1) * 4),
                  let fc = reader.u32(start + (count + 1) * 4 + index * 8 + 2) else { throw Self.corrupt }
            guard cpEnd >= cpStart, Int(cpStart) >= (pieces.last?.cpEnd ?? 0) else {
                throw CompoundFile.corrupt("the Word piece table overlaps itself")
            }
            let compressed = fc & 0x4000_0000 != 0
            let raw = Int(fc & 0x3FFF_FFFF)
            pieces.append(Piece(
                cpStart: Int(cpStart), cpEnd: Int(cpEnd), offset: compressed ? raw / 2 : raw, compressed: compressed))
        }
        self.pieces = pieces
    }

    private static let corrupt = CompoundFile.corrupt("the Word piece table is damaged")

    /// The UTF-16 code units of character positions `range` (missing bytes end the text early).
    /// Output never exceeds the stream's size: real pieces never share bytes.
    func characters(
        _ range: Range<Int>, in stream: [UInt8], hidden: HiddenTextRuns = .none, deadline: Deadline,
        paragraphStart: (Int) -> [UInt16] = { _ in [] }
    ) throws(ExtractionError) -> [UInt16] {
        var out: [UInt16] = []
        var atParagraphStart = true
        func append(_ unit: UInt16, storedAt offset: Int) {
            if atParagraphStart { out += paragraphStart(offset) }
            out.append(unit)
            atParagraphStart = unit == 0x0D || unit == 0x07
        }
        for piece in pieces {
            try deadline.check()
            guard out.count < stream.count else { break }
            let low = max(range.lowerBound, piece.cpStart), high = min(range.upperBound, piece.cpEnd)
            guard low < high else { continue }
            let first = low - piece.cpStart
            let count = high - low
            if piece.compressed {
                let begin = piece.offset + first
                guard begin >= 0, begin < stream.count else { continue }
                for offset in begin..<min(stream.count, begin + count) where !hidden.contains(offset) {
                    append(UInt16(Windows1252.scalar(stream[offset]).value), storedAt: offset)
                }
            } else {
                let begin = piece.offset + first * 2
                guard begin >= 0, begin < stream.count else { continue }
                var index = begin
                let end = min(stream.count - 1, begin + count * 2)
                while index < end {
                    if !hidden.contains(index) { append(UInt16(stream[index]) | UInt16(stream[index + 1]) << 8, storedAt: index) }
                    index += 2
                }
            }
        }
        return out
    }
}
