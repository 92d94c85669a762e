import Foundation

/// The end-of-central-directory record (plain or ZIP64): where the directory is and how many entries it lists.
struct ZipEndRecord {
    var entryCount: Int
    var directoryOffset: Int
    var directorySize: Int

    /// Searches backwards from the end (past an archive comment of up to 64 KiB) for the end record.
    static func locate(in reader: LittleEndianReader) throws(ExtractionError) -> ZipEndRecord {
        let count = reader.bytes.count
        guard count >= 22 else { throw .corrupt(format: .docx, detail: "zip archive is truncated (no end record)") }
        let lowest = max(0, count - 22 - 0xFFFF)
        var offset = count - 22
        // A signature can also appear inside the comment, so candidates that do not hold up are
        // skipped; the most specific reason seen is reported when none does.
        var failure: ExtractionError?
        while offset >= lowest {
            if reader.bytes[offset] == 0x50, reader.u32(offset) == 0x0605_4B50 {
                switch parse(reader, at: offset) {
                case .success(let record): return record
                case .failure(let error): failure = failure ?? error
                }
            }
            offset -= 1
        }
        throw failure ?? .corrupt(format: .docx, detail: "zip archive is truncated or damaged (no end of central directory)")
    }

    /// The record at `offset`, or why its fields do not describe a directory inside the file.
    private static func parse(_ reader: LittleEndianReader, at offset: Int) -> Result<ZipEndRecord, ExtractionError> {
        let generic = ExtractionError.corrupt(
            format: .docx, detail: "zip archive is truncated or damaged (no end of central directory)")
        guard let disk = reader.u16(offset + 4), let entries = reader.u16(offset + 10),
            let size = reader.u32(offset + 12), let start = reader.u32(offset + 16)
        else { return .failure(generic) }
        if entries == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            do {
                guard let record = try parseZip64(reader, endOffset: offset) else { return .failure(generic) }
                return .success(record)
            } catch {
                return .failure(error)
            }
        }
        if disk != 0 {
            return .failure(.unsupported(kind: "application/zip", reason: "multi-part (spanned) zip archives are not supported"))
        }
        let record = ZipEndRecord(entryCount: Int(entries), directoryOffset: Int(start), directorySize: Int(size))
        return record.fits(before: offset) ? .success(record) : .failure(generic)
    }

    private static func parseZip64(_ reader: LittleEndianReader, endOffset: Int) throws(ExtractionError) -> ZipEndRecord? {
        let locator = endOffset - 20
        guard reader.u32(locator) == 0x0706_4B50, let recordOffset64 = reader.u64(locator + 8),
            let recordOffset = Int(exactly: recordOffset64), recordOffset < locator,
            reader.u32(recordOffset) == 0x0606_4B50,
            let entries = reader.u64(recordOffset + 32), let size = reader.u64(recordOffset + 40),
            let start = reader.u64(recordOffset + 48)
        else { throw .corrupt(format: .docx, detail: "zip64 end record is missing or damaged") }
        guard let entryCount = Int(exactly: min(entries, UInt64(Int32.max))),
            let directorySize = Int(exactly: min(size, UInt64(Int32.max))),
            let directoryOffset = Int(exactly: min(start, UInt64(Int32.max)))
        else { return nil }
        let record = ZipEndRecord(entryCount: entryCount, directoryOffset: directoryOffset, directorySize: directorySize)
        guard record.fits(before: recordOffset) else {
            throw .corrupt(format: .docx, detail: "zip64 central directory lies outside the archive")
        }
        return record
    }

    /// Whether the directory lies wholly before the end record and can hold the listed entries.
    private func fits(before end: Int) -> Bool {
        directoryOffset >= 0 && directorySize >= 0 && directoryOffset <= end && directorySize <= end - directoryOffset
            && entryCount <= directorySize / 46
    }
}
