/// An opened PDF file: resolves indirect objects through the xref (or a recovery scan), object
/// streams and decryption, and decodes streams within the document's inflation budget.
final class PDFDocument {
    let bytes: [UInt8]
    let limits: ExtractionLimits
    let deadline: Deadline
    private(set) var entries: [Int: PDFXrefEntry] = [:]
    private(set) var trailer = PDFDict()
    private var cache: [Int: PDFObject] = [:]
    private var objectStreams: [Int: PDFObjectStream] = [:]
    private var recovery: PDFRecovery?
    private var resolving = Set<Int>()
    private var inflatedTotal = 0
    /// Decrypts strings and streams of objects stored directly in the file (not in object streams).
    private(set) var decryption: PDFObjectDecryption?
    var warnings: [String] = []

    init(bytes: [UInt8], limits: ExtractionLimits, deadline: Deadline) throws(ExtractionError) {
        self.bytes = bytes
        self.limits = limits
        self.deadline = deadline
        var reader = PDFXrefReader(bytes: bytes, maxObjects: limits.maxPDFObjects) { [limits] stream in
            (try? PDFFilters.decode(stream.data, dict: stream.dict, resolve: { $0 }, maxOutput: limits.maxInflatedBytes)) ?? nil
        }
        if let start = PDFXrefReader.startXref(bytes), reader.read(from: start) {
            entries = reader.entries
            trailer = reader.trailer
        }
        if entries.count > limits.maxPDFObjects { throw .limitExceeded(what: "PDF objects", limit: limits.maxPDFObjects) }
        if catalog == nil { try recover() }
        guard catalog != nil else { throw .corrupt(format: .pdf, detail: "no document catalog found") }
    }

    /// The document catalog (`/Root`).
    var catalog: PDFDict? { resolve(trailer["Root"])?.dict }

    /// Rebuilds the object table by scanning the whole file for `N G obj`.
    private func recover() throws(ExtractionError) {
        let scan = try recoveryScan()
        let previous = entries
        entries = scan.offsets.mapValues { .offset($0) }
        cache.removeAll()
        objectStreams.removeAll()
        var contained: [Int: PDFXrefEntry] = [:]
        for streamNumber in scan.objectStreams {
            guard let s = object(streamNumber)?.stream, let data = try? decode(s) else { continue }
            let objStm = PDFObjectStream(dict: s.dict, data: data)
            objectStreams[streamNumber] = objStm
            for (index, num) in objStm.numbers.enumerated() where entries[num] == nil {
                contained[num] = .compressed(stream: streamNumber, index: index)
            }
        }
        for (num, entry) in contained { entries[num] = entry }
        for (num, entry) in previous where entries[num] == nil { entries[num] = entry }
        if entries.count > limits.maxPDFObjects { throw .limitExceeded(what: "PDF objects", limit: limits.maxPDFObjects) }
        cache.removeAll()
        for dict in scan.trailers.reversed() where resolve(dict["Root"])?.dict != nil {
            for (k, v) in dict.entries { trailer.entries[k] = v }
            break
        }
        if catalog == nil, let root = scan.catalogNumber { trailer.entries["Root"] = .ref(root, 0) }
        warnings.append("the cross-reference table was damaged; objects were recovered by scanning the file")
    }

    private func recoveryScan() throws(ExtractionError) -> PDFRecovery {
        if let recovery { return recovery }
        let scan = try PDFRecovery.scan(bytes, deadline: deadline)
        recovery = scan
        return scan
    }

    /// Starts decrypting; objects read before (the catalog check) are read again.
    func install(_ decryption: PDFObjectDecryption) {
        self.decryption = decryption
        cache.removeAll()
        objectStreams.removeAll()
    }

    /// Follows references (a chain of at most 8) to a direct object.
    func resolve(_ object: PDFObject?) -> PDFObject? {
        var current = object
        var hops = 0
        while case .ref(let n, _)? = current {
            hops += 1
            if hops > 8 { return nil }
            current = self.object(n)
        }
        return current
    }

    /// The object with number `num`, or nil.
    func object(_ num: Int) -> PDFObject? {
        if let cached = cache[num] { return cached }
        guard !resolving.contains(num), resolving.count < limits.maxRecursionDepth, !deadline.hasPassed else { return nil }
        resolving.insert(num)
        defer { resolving.remove(num) }
        var result: PDFObject?
        switch entries[num] {
        case .offset(let offset)?:
            result = readDirect(num, at: offset)
            if result == nil, let fallback = try? recoveryScan().offsets[num], fallback != offset {
                result = readDirect(num, at: fallback)
            }
        case .compressed(let stream, let index)?:
            result = compressedObject(num, stream: stream, index: index)
        case nil:
            result = nil
        }
        if let result { cache[num] = result }
        return result
    }

    private func readDirect(_ num: Int, at offset: Int) -> PDFObject? {
        guard let (id, object) = PDFObjectReader.readIndirect(
            bytes, at: offset, expected: num, maxDepth: limits.maxRecursionDepth,
            resolveLength: { [unowned self] length in
                if case .ref(let n, _) = length { return n == num ? nil : self.object(n)?.int }
                return length.int
            })
        else { return nil }
        guard let decryption, !decryption.exempt(num) else { return object }
        return decryption.decrypt(object, objectNumber: id.0, generation: id.1)
    }

    private func compressedObject(_ num: Int, stream: Int, index: Int) -> PDFObject? {
        if objectStreams[stream] == nil {
            guard let s = self.object(stream)?.stream, let data = try? decode(s) else { return nil }
            objectStreams[stream] = PDFObjectStream(dict: s.dict, data: data)
        }
        guard let objStm = objectStreams[stream] else { return nil }
        return objStm.object(number: num, index: index, maxDepth: limits.maxRecursionDepth)
    }

    /// Decodes a stream's filters; nil for image filters or unreadable data. Counts toward the
    /// document's inflation budget.
    func decode(_ stream: PDFStream) throws(ExtractionError) -> [UInt8]? {
        let remaining = limits.maxInflatedBytes - inflatedTotal
        guard remaining > 0 else { throw .limitExceeded(what: "inflated size", limit: limits.maxInflatedBytes) }
        let data = try PDFFilters.decode(stream.data, dict: stream.dict, resolve: { [unowned self] in self.resolve($0) }, maxOutput: remaining)
        inflatedTotal += data?.count ?? 0
        return data
    }
}
