import Foundation

@testable import BrainExtract

/// A tiny ZIP writer for tests: stored and deflated entries, with knobs to build broken archives.
struct ZipTestWriter {
    struct Entry {
        var name: String
        var data: Data
        var deflate = true
        var flags: UInt16 = 0
        /// Overrides the uncompressed size written in the headers (to build lying archives).
        var declaredSize: UInt32?
        /// Overrides the CRC written in the headers.
        var crc: UInt32?

        init(_ name: String, _ text: String, deflate: Bool = true) {
            self.name = name
            data = Data(text.utf8)
            self.deflate = deflate
        }

        init(_ name: String, data: Data, deflate: Bool = true) {
            self.name = name
            self.data = data
            self.deflate = deflate
        }
    }

    var entries: [Entry] = []
    var comment = ""
    /// Writes sizes and offsets as 0xFFFFFFFF with ZIP64 extra fields and a ZIP64 end record.
    var zip64 = false

    init(_ entries: [Entry] = [], comment: String = "", zip64: Bool = false) {
        self.entries = entries
        self.comment = comment
        self.zip64 = zip64
    }

    func data() -> Data {
        var out = Data()
        var central = Data()
        for entry in entries {
            let payload = entry.deflate ? Inflater.deflate(entry.data, format: .raw) : entry.data
            let crc = entry.crc ?? Inflater.crc32(entry.data)
            let size = entry.declaredSize ?? UInt32(entry.data.count)
            let name = Data(entry.name.utf8)
            let offset = out.count
            out.append(le32(0x0403_4B50))
            out.append(le16(20) + le16(entry.flags) + le16(entry.deflate ? 8 : 0) + le16(0) + le16(0))
            out.append(le32(crc) + le32(UInt32(payload.count)) + le32(size))
            out.append(le16(UInt16(name.count)) + le16(0) + name + payload)

            var extra = Data()
            if zip64 {
                extra = le16(1) + le16(24) + le64(UInt64(size)) + le64(UInt64(payload.count)) + le64(UInt64(offset))
            }
            central.append(le32(0x0201_4B50) + le16(45) + le16(20) + le16(entry.flags) + le16(entry.deflate ? 8 : 0))
            central.append(le16(0) + le16(0) + le32(crc))
            central.append(zip64 ? le32(.max) + le32(.max) : le32(UInt32(payload.count)) + le32(size))
            central.append(le16(UInt16(name.count)) + le16(UInt16(extra.count)) + le16(0) + le16(0) + le16(0) + le32(0))
            central.append(zip64 ? le32(.max) : le32(UInt32(offset)))
            central.append(name + extra)
        }
        let directoryOffset = out.count
        out.append(central)
        if zip64 {
            let recordOffset = out.count
            out.append(le32(0x0606_4B50) + le64(44) + le16(45) + le16(45) + le32(0) + le32(0))
            out.append(le64(UInt64(entries.count)) + le64(UInt64(entries.count)))
            out.append(le64(UInt64(central.count)) + le64(UInt64(directoryOffset)))
            out.append(le32(0x0706_4B50) + le32(0) + le64(UInt64(recordOffset)) + le32(1))
        }
        let count = zip64 ? UInt16.max : UInt16(entries.count)
        out.append(le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count))
        out.append(zip64 ? le32(.max) + le32(.max) : le32(UInt32(central.count)) + le32(UInt32(directoryOffset)))
        let commentBytes = Data(comment.utf8)
        out.append(le16(UInt16(commentBytes.count)) + commentBytes)
        return out
    }

    private func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    private func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
    private func le64(_ value: UInt64) -> Data { Data((0..<8).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
}

/// A deterministic pseudo-random generator (SplitMix64) so fuzz cases repeat exactly.
struct ZipSeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
