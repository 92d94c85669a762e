/// The result of scanning a damaged file for `N G obj` headers and `trailer` dictionaries.
struct PDFRecovery {
    /// The last offset seen for each object number (later definitions win, as in updates).
    var offsets: [Int: Int] = [:]
    /// Objects that look like object streams (`/ObjStm`); the document indexes their contents.
    var objectStreams: [Int] = []
    var trailers: [PDFDict] = []
    /// An object that looks like the catalog, when no trailer names one.
    var catalogNumber: Int?

    static func scan(_ bytes: [UInt8], deadline: Deadline) throws(ExtractionError) -> PDFRecovery {
        var result = PDFRecovery()
        let count = bytes.count
        var i = 0
        while i + 3 <= count {
            if i & 0xFFFFF == 0 { try deadline.check() }
            if bytes[i] == 0x6F, i + 2 < count, bytes[i + 1] == 0x62, bytes[i + 2] == 0x6A,
               i + 3 == count || !PDFLexer.isRegular(bytes[i + 3]),
               let (num, start) = header(bytes, before: i) {
                result.offsets[num] = start
                let window = bytes[(i + 3)..<min(count, i + 400)]
                if contains(window, "/ObjStm") { result.objectStreams.append(num) }
                if contains(window, "/Catalog") { result.catalogNumber = num }
                i += 3
                continue
            }
            if bytes[i] == 0x74, i + 7 <= count, bytes[i..<(i + 7)].elementsEqual("trailer".utf8) {
                var parser = PDFParser(bytes, from: i + 7)
                if let dict = parser.parseObject()?.dict { result.trailers.append(dict) }
            }
            i += 1
        }
        return result
    }

    /// Parses `num gen` backwards from the `obj` keyword at `objIndex`.
    private static func header(_ bytes: [UInt8], before objIndex: Int) -> (Int, Int)? {
        var j = objIndex - 1
        func skipWhite() { while j >= 0, PDFLexer.isWhite(bytes[j]) { j -= 1 } }
        func digits() -> (value: Int, start: Int)? {
            var value = 0, scale = 1, n = 0
            while j >= 0, bytes[j] >= 0x30, bytes[j] <= 0x39, n < 10 {
                value += Int(bytes[j] - 0x30) * scale
                scale *= 10
                n += 1
                j -= 1
            }
            return n == 0 ? nil : (value, j + 1)
        }
        skipWhite()
        guard j < objIndex - 1 || objIndex == 0 else { return nil }
        guard digits() != nil else { return nil }
        let afterGen = j
        skipWhite()
        guard j < afterGen, let num = digits() else { return nil }
        if j >= 0, PDFLexer.isRegular(bytes[j]) { return nil }
        return (num.value, num.start)
    }

    private static func contains(_ window: ArraySlice<UInt8>, _ text: String) -> Bool {
        let pattern = Array(text.utf8)
        guard let first = pattern.first, window.count >= pattern.count else { return false }
        var i = window.startIndex
        while i + pattern.count <= window.endIndex {
            if window[i] == first, window[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
            i += 1
        }
        return false
    }
}
