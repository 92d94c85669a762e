import Foundation

/// A read-only OLE2 compound file (Microsoft's "structured storage"): sectors chained through a
/// FAT, small streams in a mini stream, and a directory of named streams.
///
/// Every sector number and chain is checked: a chain that loops or leaves the file is corrupt.
struct CompoundFile {
    /// One directory entry (the red-black tree is read as a flat list).
    struct Entry: Equatable {
        var name: String
        /// 1 storage, 2 stream, 5 root.
        var type: UInt8
        var startSector: UInt32
        var size: UInt64
    }

    /// A stream's bytes and what had to be mended to read them.
    struct StreamData {
        var bytes: [UInt8] = []
        /// A broken link was bridged by assuming the next sector follows, as Word writes streams.
        var relinked = false
        /// The file ended before the stream did; `bytes` holds what there was.
        var truncated = false
    }

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let maxRegularSector: UInt32 = 0xFFFF_FFFA

    let entries: [Entry]
    private let reader: ByteReader
    private let sectorShift: Int
    private let miniSectorShift: Int
    private let miniStreamCutoff: UInt64
    private let fat: [UInt32]
    private let miniFAT: [UInt32]
    private let miniStream: [UInt8]
    private let sectorsInFile: Int

    init(_ data: Data) throws(ExtractionError) {
        let reader = ByteReader([UInt8](data))
        self.reader = reader
        guard reader.bytes.count >= 512, reader.bytes.starts(with: Self.signature) else {
            throw Self.corrupt("the compound file header is missing")
        }
        guard reader.u16(0x1C) == 0xFFFE else { throw Self.corrupt("the compound file byte order mark is wrong") }
        let shift = Int(reader.u16(0x1E) ?? 0)
        guard shift == 9 || shift == 12 else { throw Self.corrupt("the sector size is not 512 or 4096") }
        sectorShift = shift
        let miniShift = Int(reader.u16(0x20) ?? 0)
        guard miniShift == 6 else { throw Self.corrupt("the mini sector size is not 64") }
        miniSectorShift = miniShift
        miniStreamCutoff = UInt64(reader.u32(0x38) ?? 4096)
        let sectorsInFile = (reader.bytes.count + (1 << shift) - 1) / (1 << shift)
        self.sectorsInFile = sectorsInFile
        fat = try Self.readFAT(reader, sectorShift: shift, sectorsInFile: sectorsInFile)

        let partial = PartialFile(reader: reader, sectorShift: shift, fat: fat, sectorsInFile: sectorsInFile)
        let directoryBytes = try partial.chain(from: reader.u32(0x30) ?? Self.endOfChain).bytes
        var entries: [Entry] = []
        var offset = 0
        while offset + 128 <= directoryBytes.count {
            let entry = ByteReader(Array(directoryBytes[offset..<(offset + 128)]))
            offset += 128
            let type = entry.u8(66) ?? 0
            guard type == 1 || type == 2 || type == 5 else { continue }
            let nameLength = min(64, Int(entry.u16(64) ?? 0))
            var units: [UInt16] = []
            var index = 0
            while index + 1 < nameLength, let unit = entry.u16(index), unit != 0 {
                units.append(unit)
                index += 2
            }
            let sizeLow = UInt64(entry.u32(120) ?? 0)
            let sizeHigh = shift == 12 ? UInt64(entry.u32(124) ?? 0) : 0
            entries.append(Entry(
                name: String(decoding: units, as: UTF16.self), type: type,
                startSector: entry.u32(116) ?? Self.endOfChain, size: sizeHigh << 32 | sizeLow))
        }
        guard let root = entries.first(where: { $0.type == 5 }) else { throw Self.corrupt("the root directory entry is missing") }
        self.entries = entries
        miniFAT = try Self.words(partial.chain(from: reader.u32(0x3C) ?? Self.endOfChain).bytes)
        miniStream = try partial.chain(from: root.startSector, size: root.size).bytes
    }

    /// The stream with this name, or nil when there is none.
    func stream(named name: String) throws(ExtractionError) -> StreamData? {
        guard let entry = entries.first(where: { $0.type == 2 && $0.name == name }) else { return nil }
        if entry.size < miniStreamCutoff {
            return try miniChain(from: entry.startSector, size: entry.size)
        }
        let partial = PartialFile(reader: reader, sectorShift: sectorShift, fat: fat, sectorsInFile: sectorsInFile)
        return try partial.chain(from: entry.startSector, size: entry.size)
    }

    private func miniChain(from start: UInt32, size: UInt64) throws(ExtractionError) -> StreamData {
        var out = StreamData()
        var sector = start
        let miniSize = 1 << miniSectorShift
        var visited = [Bool](repeating: false, count: miniFAT.count)
        while sector != Self.endOfChain && UInt64(out.bytes.count) < size {
            guard sector <= Self.maxRegularSector, Int(sector) < miniFAT.count else { throw Self.corrupt("a mini stream chain leaves the file") }
            guard !visited[Int(sector)] else { throw Self.corrupt("a mini stream chain loops") }
            visited[Int(sector)] = true
            let offset = Int(sector) << miniSectorShift
            guard offset + miniSize <= miniStream.count else { break }
            out.bytes.append(contentsOf: miniStream[offset..<(offset + miniSize)])
            sector = miniFAT[Int(sector)]
        }
        out.truncated = UInt64(out.bytes.count) < size
        out.bytes = Array(out.bytes.prefix(Int(min(size, UInt64(out.bytes.count)))))
        return out
    }

    private static func readFAT(_ reader: ByteReader, sectorShift: Int, sectorsInFile: Int) throws(ExtractionError) -> [UInt32] {
        let fatSectorCount = Int(reader.u32(0x2C) ?? 0)
        let perSector = (1 << sectorShift) / 4
        guard fatSectorCount <= sectorsInFile else { throw corrupt("the FAT claims more sectors than the file has") }
        var fatSectors: [UInt32] = []
        for index in 0..<109 where fatSectors.count < fatSectorCount {
            fatSectors.append(reader.u32(0x4C + index * 4) ?? endOfChain)
        }
        var difat = reader.u32(0x44) ?? endOfChain
        var seen = Set<UInt32>()
        while fatSectors.count < fatSectorCount && difat <= maxRegularSector {
            guard seen.insert(difat).inserted else { throw corrupt("the DIFAT chain loops") }
            let base = (Int(difat) + 1) << sectorShift
            guard base + (1 << sectorShift) <= reader.bytes.count else { throw corrupt("a DIFAT sector lies outside the file") }
            for index in 0..<(perSector - 1) where fatSectors.count < fatSectorCount {
                fatSectors.append(reader.u32(base + index * 4) ?? endOfChain)
            }
            difat = reader.u32(base + (perSector - 1) * 4) ?? endOfChain
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(fatSectors.count * perSector)
        for sector in fatSectors {
            guard sector <= maxRegularSector else { throw corrupt("a FAT sector number is invalid") }
            let base = (Int(sector) + 1) << sectorShift
            guard let bytes = reader.slice(base, 1 << sectorShift) else { throw corrupt("a FAT sector lies outside the file") }
            fat.append(contentsOf: words(Array(bytes)))
        }
        return fat
    }

    private static func words(_ bytes: [UInt8]) -> [UInt32] {
        let reader = ByteReader(bytes)
        return (0..<(bytes.count / 4)).map { reader.u32($0 * 4) ?? 0 }
    }

    static func corrupt(_ detail: String) -> ExtractionError { .corrupt(format: .doc, detail: detail) }

    /// Sector-chain reading, usable while the directory is still being read.
    private struct PartialFile {
        let reader: ByteReader
        let sectorShift: Int
        let fat: [UInt32]
        let sectorsInFile: Int
        /// Follows a FAT chain. With `size` (a stream's length), stops there, bridges a broken link
        /// by assuming the next sector follows, and returns a short read when the file ends early.
        func chain(from start: UInt32, size: UInt64? = nil) throws(ExtractionError) -> StreamData {
            var out = StreamData()
            var sector = start
            var visited = [Bool](repeating: false, count: sectorsInFile)
            var previous: Int?
            let sectorSize = 1 << sectorShift
            while sector != CompoundFile.endOfChain {
                if let size, UInt64(out.bytes.count) >= size { break }
                let usable = sector <= CompoundFile.maxRegularSector && Int(sector) < fat.count && Int(sector) < visited.count
                if !usable || visited[Int(sector)] {
                    guard size != nil, let last = previous, last + 1 < visited.count, !visited[last + 1] else {
                        throw CompoundFile.corrupt(usable ? "a sector chain loops" : "a sector chain leaves the file")
                    }
                    sector = UInt32(last + 1)
                    out.relinked = true
                }
                visited[Int(sector)] = true
                let offset = (Int(sector) + 1) << sectorShift
                guard offset < reader.bytes.count else { break }
                out.bytes.append(contentsOf: reader.bytes[offset..<min(reader.bytes.count, offset + sectorSize)])
                previous = Int(sector)
                sector = Int(sector) < fat.count ? fat[Int(sector)] : CompoundFile.endOfChain
            }
            guard let size else { return out }
            out.truncated = UInt64(out.bytes.count) < size
            out.bytes = Array(out.bytes.prefix(Int(min(size, UInt64(out.bytes.count)))))
            return out
        }
    }
}
