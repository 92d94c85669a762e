/// The parts of a Word 97-2003 File Information Block that text extraction needs.
struct WordFIB: Equatable {
    var nFib: UInt16
    var encrypted: Bool
    /// True when the table stream is `1Table`, false for `0Table`.
    var usesTable1: Bool
    /// Character counts of the document parts, in order: main text, footnotes, headers, ...
    var ccpText: Int
    var ccpFtn: Int
    var ccpHdd: Int
    var fcClx: Int
    var lcbClx: Int
    var fcPlcfBteChpx: Int
    var lcbPlcfBteChpx: Int
    var fcPlcfBtePapx: Int
    var lcbPlcfBtePapx: Int
    var fcPlfLst: Int
    var lcbPlfLst: Int
    var fcPlfLfo: Int
    var lcbPlfLfo: Int

    /// nFib of Word 97; older values are Word 6 and Word 95.
    static let word97 = 0x00C1

    /// Reads the FIB at the start of the WordDocument stream.
    init(_ stream: [UInt8]) throws(ExtractionError) {
        let reader = ByteReader(stream)
        guard let ident = reader.u16(0), ident == 0xA5EC || ident == 0xA5DC else {
            throw CompoundFile.corrupt("the WordDocument stream does not start with a Word signature")
        }
        guard let nFib = reader.u16(2), let flags = reader.u16(0x0A) else {
            throw CompoundFile.corrupt("the Word file information block is cut short")
        }
        self.nFib = nFib
        encrypted = flags & 0x0100 != 0
        usesTable1 = flags & 0x0200 != 0
        ccpText = 0
        ccpFtn = 0
        ccpHdd = 0
        fcClx = 0
        lcbClx = 0
        fcPlcfBteChpx = 0
        lcbPlcfBteChpx = 0
        fcPlcfBtePapx = 0
        lcbPlcfBtePapx = 0
        fcPlfLst = 0
        lcbPlfLst = 0
        fcPlfLfo = 0
        lcbPlfLfo = 0
        guard !isPreWord97 else { return }
        // FibBase (32 bytes), csw + fibRgW, cslw + fibRgLw, cbRgFcLcb + fibRgFcLcbBlob.
        guard let csw = reader.u16(32) else { throw CompoundFile.corrupt("the Word file information block is cut short") }
        let lwStart = 34 + Int(csw) * 2
        guard let cslw = reader.u16(lwStart) else { throw CompoundFile.corrupt("the Word file information block is cut short") }
        let lw = lwStart + 2
        guard cslw >= 11, let text = reader.u32(lw + 12), let ftn = reader.u32(lw + 16), let hdd = reader.u32(lw + 20) else {
            throw CompoundFile.corrupt("the Word file information block has no character counts")
        }
        ccpText = Int(min(text, 0x7FFF_FFFF))
        ccpFtn = Int(min(ftn, 0x7FFF_FFFF))
        ccpHdd = Int(min(hdd, 0x7FFF_FFFF))
        let blobCountAt = lw + Int(cslw) * 4
        guard let pairs = reader.u16(blobCountAt), pairs > 33,
              let fc = reader.u32(blobCountAt + 2 + 33 * 8), let lcb = reader.u32(blobCountAt + 2 + 33 * 8 + 4) else {
            throw CompoundFile.corrupt("the Word file information block has no piece table location")
        }
        fcClx = Int(fc)
        lcbClx = Int(lcb)
        func pair(_ index: Int) -> (Int, Int) {
            guard index < Int(pairs) else { return (0, 0) }
            let at = blobCountAt + 2 + index * 8
            return (Int(reader.u32(at) ?? 0), Int(reader.u32(at + 4) ?? 0))
        }
        (fcPlcfBteChpx, lcbPlcfBteChpx) = pair(12)
        (fcPlcfBtePapx, lcbPlcfBtePapx) = pair(13)
        (fcPlfLst, lcbPlfLst) = pair(73)
        (fcPlfLfo, lcbPlfLfo) = pair(74)
    }

    /// Word 6.0 and Word 95 files have a different layout and are not read.
    var isPreWord97: Bool { Int(nFib) < 0x00C0 && nFib != 0 }
}
