import Foundation

/// A read-only ZIP archive over bytes in memory, read through its central directory.
///
/// Every size and offset comes from hostile bytes, so each is checked before use; inflation is
/// capped per entry (declared size, compression ratio) and across the archive
/// (`ExtractionLimits.maxInflatedBytes`), so a zip bomb is refused before much work is done.
public struct ZipArchive: Sendable {
    /// The entries in central-directory order.
    public private(set) var entries: [ZipEntry]
    /// The document kind named in errors once the caller knows it (defaults to DOCX).
    public var format: DocumentFormat = .docx
    /// Bytes inflated so far across all reads.
    public private(set) var inflatedTotal = 0

    private let reader: LittleEndianReader
    private let limits: ExtractionLimits
    private let centralDirectoryOffset: Int
    private var index: [String: Int] = [:]

    /// Entries smaller than this are not held to the compression-ratio limit (tiny parts of
    /// repeated markup compress extremely well and are harmless).
    static let ratioExemptBytes = 256 << 10

    /// Reads the end record and central directory; entry data is only touched by `read`.
    public init(_ data: Data, limits: ExtractionLimits = .default) throws(ExtractionError) {
        reader = LittleEndianReader([UInt8](data))
        self.limits = limits
        // ODF puts a stored `mimetype` entry first, so a damaged ODT is still reported as one.
        let guess: DocumentFormat = reader.slice(30, 8).map { Array($0) == Array("mimetype".utf8) } == true ? .odt : .docx
        format = guess
        do throws(ExtractionError) {
            let end = try ZipEndRecord.locate(in: reader)
            if end.entryCount > limits.maxZipEntries {
                throw .limitExceeded(what: "zip entry count", limit: limits.maxZipEntries)
            }
            centralDirectoryOffset = end.directoryOffset
            entries = try ZipArchive.readDirectory(reader, end: end)
        } catch .corrupt(_, let detail) {
            throw .corrupt(format: guess, detail: detail)
        }
        for (position, entry) in entries.enumerated() where index[entry.name.lowercased()] == nil {
            index[entry.name.lowercased()] = position
        }
    }

    /// The entry with this name; OPC part names compare case-insensitively, and a leading `/` is ignored.
    public func entry(named name: String) -> ZipEntry? {
        let key = (name.hasPrefix("/") ? String(name.dropFirst()) : name).lowercased()
        guard let position = index[key] else { return nil }
        return entries[position]
    }

    /// The inflated, CRC-checked bytes of the named entry, or nil when there is no such entry.
    public mutating func data(named name: String) throws(ExtractionError) -> Data? {
        guard let entry = entry(named: name) else { return nil }
        return try read(entry)
    }

    /// The inflated, CRC-checked bytes of `entry`, counted against the archive's inflation budget.
    public mutating func read(_ entry: ZipEntry) throws(ExtractionError) -> Data {
        if entry.isEncrypted { throw .encrypted(detail: "zip entry \(entry.name) is encrypted") }
        let remaining = limits.maxInflatedBytes - inflatedTotal
        if entry.uncompressedSize > remaining {
            throw .limitExceeded(what: "total inflated size of the zip entries", limit: limits.maxInflatedBytes)
        }
        if entry.uncompressedSize > ZipArchive.ratioExemptBytes,
            entry.uncompressedSize / max(entry.compressedSize, 1) >= limits.maxCompressionRatio
        {
            throw .limitExceeded(what: "compression ratio of zip entry \(entry.name)", limit: limits.maxCompressionRatio)
        }
        let payload = try payload(of: entry)
        let output: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw corrupt("stored zip entry \(entry.name) has mismatched sizes")
            }
            output = Data(payload)
        case 8:
            do {
                output = try Inflater.inflate(Data(payload), format: .raw, maxOutput: entry.uncompressedSize)
            } catch .limitExceeded {
                throw corrupt("zip entry \(entry.name) inflates to more than its declared size")
            } catch {
                throw corrupt("zip entry \(entry.name) has damaged compressed data")
            }
        default:
            throw .unsupported(
                kind: "application/zip", reason: "zip entry \(entry.name) uses compression method \(entry.method)")
        }
        guard output.count == entry.uncompressedSize else {
            throw corrupt("zip entry \(entry.name) is shorter than its declared size")
        }
        guard Inflater.crc32(output) == entry.crc32 else {
            throw corrupt("zip entry \(entry.name) fails its crc check")
        }
        inflatedTotal += output.count
        return output
    }

    /// The compressed bytes of `entry`, located through its (validated) local header.
    private func payload(of entry: ZipEntry) throws(ExtractionError) -> ArraySlice<UInt8> {
        let offset = entry.localHeaderOffset
        guard offset < centralDirectoryOffset, reader.u32(offset) == 0x0403_4B50,
            let nameLength = reader.u16(offset + 26), let extraLength = reader.u16(offset + 28)
        else { throw corrupt("zip entry \(entry.name) has no valid local header") }
        let start = offset + 30 + Int(nameLength) + Int(extraLength)
        guard start <= centralDirectoryOffset, entry.compressedSize <= centralDirectoryOffset - start,
            let bytes = reader.slice(start, entry.compressedSize)
        else { throw corrupt("zip entry \(entry.name) runs past the end of the archive (truncated?)") }
        return bytes
    }

    private func corrupt(_ detail: String) -> ExtractionError { .corrupt(format: format, detail: detail) }

    private static func readDirectory(_ reader: LittleEndianReader, end: ZipEndRecord) throws(ExtractionError) -> [ZipEntry] {
        var entries: [ZipEntry] = []
        entries.reserveCapacity(min(end.entryCount, 4096))
        var offset = end.directoryOffset
        let limit = end.directoryOffset + end.directorySize
        for _ in 0..<end.entryCount {
            guard offset <= limit - 46, reader.u32(offset) == 0x0201_4B50,
                let flags = reader.u16(offset + 8), let method = reader.u16(offset + 10),
                let crc = reader.u32(offset + 16), let compressed = reader.u32(offset + 20),
                let uncompressed = reader.u32(offset + 24), let nameLength = reader.u16(offset + 28),
                let extraLength = reader.u16(offset + 30), let commentLength = reader.u16(offset + 32),
                let localOffset = reader.u32(offset + 42),
                let nameBytes = reader.slice(offset + 46, Int(nameLength)),
                let extra = reader.slice(offset + 46 + Int(nameLength), Int(extraLength))
            else {
                throw .corrupt(format: .docx, detail: "zip central directory is damaged or truncated")
            }
            var entry = ZipEntry(
                name: String(decoding: nameBytes, as: UTF8.self), method: method, flags: flags, crc32: crc,
                compressedSize: Int(compressed), uncompressedSize: Int(uncompressed),
                localHeaderOffset: Int(localOffset))
            try applyZip64(extra: LittleEndianReader(Array(extra)), to: &entry)
            entries.append(entry)
            offset += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        return entries
    }

    /// Replaces 0xFFFFFFFF sizes and offsets with their ZIP64 extra-field values.
    private static func applyZip64(extra: LittleEndianReader, to entry: inout ZipEntry) throws(ExtractionError) {
        let marker = Int(UInt32.max)
        guard entry.uncompressedSize == marker || entry.compressedSize == marker || entry.localHeaderOffset == marker
        else { return }
        var offset = 0
        while let tag = extra.u16(offset), let size = extra.u16(offset + 2) {
            if tag == 0x0001 {
                var field = offset + 4
                func next() throws(ExtractionError) -> Int {
                    guard let value = extra.u64(field), let result = Int(exactly: value), result < Int(Int32.max) * 4
                    else { throw .corrupt(format: .docx, detail: "zip64 field of entry \(entry.name) is out of range") }
                    field += 8
                    return result
                }
                if entry.uncompressedSize == marker { entry.uncompressedSize = try next() }
                if entry.compressedSize == marker { entry.compressedSize = try next() }
                if entry.localHeaderOffset == marker { entry.localHeaderOffset = try next() }
                return
            }
            offset += 4 + Int(size)
        }
        throw .corrupt(format: .docx, detail: "zip entry \(entry.name) lacks its zip64 sizes")
    }
}
