/// The page count Word saved in the `\u{5}SummaryInformation` property set (PIDSI_PAGECOUNT).
enum SummaryInformation {
    static let streamName = "\u{5}SummaryInformation"
    private static let pageCountProperty: UInt32 = 14
    private static let typeInt32: UInt32 = 3

    /// The stated page count, or nil when the stream is missing, damaged or says zero.
    static func pageCount(_ stream: [UInt8]) -> Int? {
        let reader = ByteReader(stream)
        guard reader.u16(0) == 0xFFFE, let sets = reader.u32(24), sets >= 1, let setOffset = reader.u32(44) else { return nil }
        let base = Int(setOffset)
        guard let count = reader.u32(base + 4) else { return nil }
        for index in 0..<min(Int(count), 256) {
            guard let id = reader.u32(base + 8 + index * 8), let offset = reader.u32(base + 12 + index * 8) else { return nil }
            guard id == pageCountProperty else { continue }
            guard reader.u32(base + Int(offset)) == typeInt32, let value = reader.u32(base + Int(offset) + 4) else { return nil }
            let pages = Int(Int32(bitPattern: value))
            return pages > 0 ? pages : nil
        }
        return nil
    }
}
