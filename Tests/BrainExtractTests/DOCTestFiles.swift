import Foundation

/// Builds OLE2 compound files and minimal Word 97 documents for the DOC tests.
enum DOCTestFiles {
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF
    static let fatSector: UInt32 = 0xFFFF_FFFD

    /// A compound file (512-byte sectors) holding these streams; streams under 4096 bytes go to
    /// the mini stream. `corruptFAT` lets a test damage the FAT before it is written.
    static func compoundFile(_ streams: [(name: String, bytes: [UInt8])], corruptFAT: ((inout [UInt32]) -> Void)? = nil) -> Data {
        var sectors: [[UInt8]] = []
        var fat: [UInt32] = []
        func addChain(_ bytes: [UInt8], unit: Int) -> UInt32 {
            guard !bytes.isEmpty else { return endOfChain }
            let first = UInt32(sectors.count)
            var offset = 0
            while offset < bytes.count {
                var sector = Array(bytes[offset..<min(bytes.count, offset + unit)])
                sector += [UInt8](repeating: 0, count: unit - sector.count)
                sectors.append(sector)
                fat.append(UInt32(sectors.count))
                offset += unit
            }
            fat[fat.count - 1] = endOfChain
            return first
        }
        var miniStream: [UInt8] = []
        var miniFAT: [UInt32] = []
        var starts: [UInt32] = []
        for stream in streams {
            if stream.bytes.count >= 4096 {
                starts.append(addChain(stream.bytes, unit: 512))
            } else if stream.bytes.isEmpty {
                starts.append(endOfChain)
            } else {
                let first = UInt32(miniStream.count / 64)
                var padded = stream.bytes
                padded += [UInt8](repeating: 0, count: (64 - padded.count % 64) % 64)
                miniStream += padded
                for index in 0..<(padded.count / 64) { miniFAT.append(first + UInt32(index) + 1) }
                miniFAT[miniFAT.count - 1] = endOfChain
                starts.append(first)
            }
        }
        let miniStreamStart = addChain(miniStream, unit: 512)
        let miniFATStart = addChain(miniFAT.flatMap(le32), unit: 512)
        var directory: [UInt8] = entry(name: "Root Entry", type: 5, child: streams.isEmpty ? freeSector : 1,
                                       right: freeSector, start: miniStreamStart, size: miniStream.count)
        for (index, stream) in streams.enumerated() {
            let right = index + 1 < streams.count ? UInt32(index + 2) : freeSector
            directory += entry(name: stream.name, type: 2, child: freeSector, right: right, start: starts[index], size: stream.bytes.count)
        }
        let directoryStart = addChain(directory, unit: 512)
        // FAT sectors cover every sector, themselves included.
        var fatSectorCount = 1
        while (sectors.count + fatSectorCount) > fatSectorCount * 128 { fatSectorCount += 1 }
        let firstFATSector = UInt32(sectors.count)
        for _ in 0..<fatSectorCount { fat.append(fatSector) }
        fat += [UInt32](repeating: freeSector, count: fatSectorCount * 128 - fat.count)
        corruptFAT?(&fat)
        for index in 0..<fatSectorCount { sectors.append(fat[(index * 128)..<((index + 1) * 128)].flatMap(le32)) }

        var header = [UInt8](repeating: 0, count: 512)
        header.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        put16(&header, 0x18, 0x003E)
        put16(&header, 0x1A, 3)
        put16(&header, 0x1C, 0xFFFE)
        put16(&header, 0x1E, 9)
        put16(&header, 0x20, 6)
        put32(&header, 0x2C, UInt32(fatSectorCount))
        put32(&header, 0x30, directoryStart)
        put32(&header, 0x38, 4096)
        put32(&header, 0x3C, miniFATStart)
        put32(&header, 0x40, UInt32((miniFAT.count * 4 + 511) / 512))
        put32(&header, 0x44, endOfChain)
        for index in 0..<109 {
            put32(&header, 0x4C + index * 4, index < fatSectorCount ? firstFATSector + UInt32(index) : freeSector)
        }
        return Data(header + sectors.flatMap { $0 })
    }

    /// Options for a minimal Word 97 document.
    struct WordOptions {
        var compressed = true
        var encrypted = false
        var nFib: UInt16 = 0x00C1
        var footnotes = ""
        /// Character ranges (8-bit text only) marked hidden with sprmCFVanish.
        var hidden: [Range<Int>] = []
        /// Paragraphs (character ranges, 8-bit text only) in a simple decimal list "N." of this format.
        var numbered: [Range<Int>] = []
        var numberFormat: UInt8 = 0
    }

    /// A Word 97 document whose main text is `text` (Word's own marks: \r paragraphs, \u{7} cells...).
    static func wordDocument(_ text: String, options: WordOptions = WordOptions()) -> Data {
        let all = Array((text + options.footnotes).utf16)
        var word = [UInt8](repeating: 0, count: 0x800)
        put16(&word, 0, 0xA5EC)
        put16(&word, 2, options.nFib)
        put16(&word, 0x0A, 0x0200 | (options.encrypted ? 0x0100 : 0))
        put16(&word, 32, 14) // csw
        put16(&word, 34 + 28, 22) // cslw
        let lw = 34 + 28 + 2
        put32(&word, lw + 12, UInt32(text.utf16.count))
        put32(&word, lw + 16, UInt32(options.footnotes.utf16.count))
        let blob = lw + 22 * 4
        put16(&word, blob, 93) // cbRgFcLcb
        let textOffset = word.count
        if options.compressed {
            word += all.map { UInt8(truncatingIfNeeded: $0) }
        } else {
            word += all.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }
        word += [UInt8](repeating: 0, count: (512 - word.count % 512) % 512)
        // Character and paragraph property pages (FKPs), one page each.
        let chpxPage = word.count / 512
        word += propertyPage(runs: options.hidden, base: textOffset, entrySize: 1, grpprl: [0x3C, 0x08, 0x01], istd: false)
        let papxPage = word.count / 512
        word += propertyPage(runs: options.numbered, base: textOffset, entrySize: 13, grpprl: [0x0B, 0x46, 0x01, 0x00], istd: true)
        word += [UInt8](repeating: 0, count: max(0, 4096 - word.count))
        // CLX: one Prc to skip, then the piece table with one piece.
        var clx: [UInt8] = [0x01, 0x02, 0x00, 0xAA, 0xBB, 0x02]
        clx += le32(4 * 2 + 8)
        clx += le32(0) + le32(UInt32(all.count))
        let fc = options.compressed ? UInt32(textOffset * 2) | 0x4000_0000 : UInt32(textOffset)
        clx += [0, 0] + le32(fc) + [0, 0]
        var table = [UInt8](repeating: 0x55, count: 16)
        func place(_ bytes: [UInt8], pair: Int) {
            put32(&word, blob + 2 + pair * 8, UInt32(table.count))
            put32(&word, blob + 2 + pair * 8 + 4, UInt32(bytes.count))
            table += bytes
        }
        let textEnd = UInt32(textOffset + all.count * (options.compressed ? 1 : 2))
        place(clx, pair: 33)
        place(le32(UInt32(textOffset)) + le32(textEnd) + le32(UInt32(chpxPage)), pair: 12)
        place(le32(UInt32(textOffset)) + le32(textEnd) + le32(UInt32(papxPage)), pair: 13)
        // One simple list whose single level reads "<number>." followed by a space.
        var lstf = le32(7) + le32(0) + [UInt8](repeating: 0xFF, count: 18) + [1, 0]
        lstf = [1, 0] + lstf
        var lvl = le32(1) + [options.numberFormat, 0] + [UInt8](repeating: 0, count: 9) + [1] + [UInt8](repeating: 0, count: 12)
        lvl += [2, 0, 0, 0, 0x2E, 0]
        place(lstf, pair: 73)
        table += lvl
        place(le32(1) + le32(7) + [UInt8](repeating: 0, count: 12), pair: 74)
        return compoundFile([("WordDocument", word), ("1Table", table)])
    }

    /// A 512-byte FKP: the given character ranges carry one grpprl, the gaps between them none.
    private static func propertyPage(runs: [Range<Int>], base: Int, entrySize: Int, grpprl: [UInt8], istd: Bool) -> [UInt8] {
        var page = [UInt8](repeating: 0, count: 512)
        let property = istd ? [UInt8((grpprl.count + 4) / 2)] + [0, 0] + grpprl : [UInt8(grpprl.count)] + grpprl
        let propertyOffset = 400
        page.replaceSubrange(propertyOffset..<(propertyOffset + property.count), with: property)
        let bounds = Array(Set(runs.flatMap { [$0.lowerBound, $0.upperBound] })).sorted()
        let count = max(0, bounds.count - 1)
        for (index, bound) in bounds.enumerated() { put32(&page, index * 4, UInt32(base + bound)) }
        for index in 0..<count where runs.contains(where: { $0.contains(bounds[index]) }) {
            page[(count + 1) * 4 + index * entrySize] = UInt8(propertyOffset / 2)
        }
        page[511] = UInt8(count)
        return page
    }

    private static func entry(name: String, type: UInt8, child: UInt32, right: UInt32, start: UInt32, size: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: 128)
        let units = Array(name.utf16.prefix(31))
        for (index, unit) in units.enumerated() { put16(&bytes, index * 2, unit) }
        put16(&bytes, 64, UInt16((units.count + 1) * 2))
        bytes[66] = type
        bytes[67] = 1
        put32(&bytes, 68, freeSector)
        put32(&bytes, 72, right)
        put32(&bytes, 76, child)
        put32(&bytes, 116, start)
        put32(&bytes, 120, UInt32(size))
        return bytes
    }

    static func le32(_ value: UInt32) -> [UInt8] {
        [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value >> 16 & 0xFF), UInt8(value >> 24)]
    }

    static func put16(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt16) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }

    static func put32(_ bytes: inout [UInt8], _ offset: Int, _ value: UInt32) {
        bytes.replaceSubrange(offset..<(offset + 4), with: le32(value))
    }
}
