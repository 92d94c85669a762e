/// Where an object lives: at a byte offset, or inside an object stream.
enum PDFXrefEntry: Sendable {
    case offset(Int)
    case compressed(stream: Int, index: Int)
}

/// Reads the cross-reference chain (tables, streams, hybrids, `/Prev`) from `startxref`.
struct PDFXrefReader {
    let bytes: [UInt8]
    let maxObjects: Int
    var entries: [Int: PDFXrefEntry] = [:]
    var trailer = PDFDict()
    /// Decodes an xref stream's data (FlateDecode with predictors), set by the document.
    let decodeStream: (PDFStream) -> [UInt8]?

    init(bytes: [UInt8], maxObjects: Int, decodeStream: @escaping (PDFStream) -> [UInt8]?) {
        self.bytes = bytes
        self.maxObjects = maxObjects
        self.decodeStream = decodeStream
    }

    /// The offset after the last `startxref`, if any.
    static func startXref(_ bytes: [UInt8]) -> Int? {
        let pattern = Array("startxref".utf8)
        let lower = max(0, bytes.count - 4096)
        var i = bytes.count - pattern.count
        while i >= lower {
            if bytes[i] == 0x73, bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                var lexer = PDFLexer(bytes, from: i + pattern.count)
                if case .int(let v) = lexer.next() { return v }
                return nil
            }
            i -= 1
        }
        return nil
    }

    /// Follows the chain from `start`; returns false when the first section is unreadable.
    mutating func read(from start: Int) -> Bool {
        var visited = Set<Int>()
        var pending = [start]
        var first = true
        while let offset = pending.popLast() {
            guard offset >= 0, offset < bytes.count, !visited.contains(offset), visited.count < 256 else { continue }
            visited.insert(offset)
            guard let section = readSection(at: offset) else {
                if first { return false }
                continue
            }
            first = false
            for (key, value) in section.trailer.entries where trailer.entries[key] == nil {
                trailer.entries[key] = value
            }
            if let prev = section.trailer["Prev"]?.int { pending.append(prev) }
            // Hybrid files: the XRefStm entries come before the older /Prev sections but never
            // override this section's own table rows.
            if let stm = section.trailer["XRefStm"]?.int, !visited.contains(stm), let hidden = readSection(at: stm) {
                visited.insert(stm)
                merge(section.entries)
                merge(hidden.entries)
            } else {
                merge(section.entries)
            }
        }
        return !entries.isEmpty || trailer["Root"] != nil
    }

    private mutating func merge(_ new: [(Int, PDFXrefEntry)]) {
        for (num, entry) in new where entries[num] == nil { entries[num] = entry }
    }

    private func readSection(at offset: Int) -> (entries: [(Int, PDFXrefEntry)], trailer: PDFDict)? {
        var lexer = PDFLexer(bytes, from: offset)
        lexer.skipWhitespaceAndComments()
        let tokenStart = lexer.pos
        let token = lexer.next()
        if case .keyword(let k) = token, k == PDFLexer.keyword("xref") {
            return readTable(lexer: lexer)
        }
        lexer.pos = tokenStart
        return readStream(at: tokenStart)
    }

    private func readTable(lexer start: PDFLexer) -> (entries: [(Int, PDFXrefEntry)], trailer: PDFDict)? {
        var lexer = start
        var result: [(Int, PDFXrefEntry)] = []
        let trailerKeyword = PDFLexer.keyword("trailer")
        while true {
            let t = lexer.next()
            if case .keyword(let k) = t, k == trailerKeyword { break }
            guard case .int(let first) = t, case .int(let count) = lexer.next(), first >= 0, count >= 0 else { return nil }
            guard count <= maxObjects, result.count + count <= maxObjects else { return nil }
            for i in 0..<count {
                guard case .int(let off) = lexer.next(), case .int = lexer.next(), case .keyword(let kind) = lexer.next() else {
                    return nil
                }
                if kind == UInt64(0x6E) { result.append((first &+ i, .offset(off))) }
            }
        }
        var parser = PDFParser(bytes, from: lexer.pos)
        guard let trailer = parser.parseObject()?.dict else { return nil }
        return (result, trailer)
    }

    private func readStream(at offset: Int) -> (entries: [(Int, PDFXrefEntry)], trailer: PDFDict)? {
        guard let (_, object) = PDFObjectReader.readIndirect(bytes, at: offset, expected: nil), let stream = object.stream,
              let data = decodeStream(stream)
        else { return nil }
        let dict = stream.dict
        guard let w = dict["W"]?.array?.compactMap({ $0.int }), w.count >= 3, w.allSatisfy({ $0 >= 0 && $0 <= 8 }) else { return nil }
        let size = dict["Size"]?.int ?? 0
        var index = dict["Index"]?.array?.compactMap { $0.int } ?? [0, size]
        if index.count % 2 == 1 { index.removeLast() }
        let rowLength = w[0] + w[1] + w[2]
        guard rowLength > 0 else { return nil }
        var result: [(Int, PDFXrefEntry)] = []
        var position = 0
        var pair = 0
        while pair + 1 < index.count {
            let first = index[pair], count = index[pair + 1]
            pair += 2
            guard first >= 0, count >= 0, count <= maxObjects else { return nil }
            for i in 0..<count {
                guard position + rowLength <= data.count else { break }
                func field(_ start: Int, _ width: Int) -> Int {
                    var v = 0
                    for k in 0..<width { v = (v << 8) | Int(data[position + start + k]) }
                    return v
                }
                let type = w[0] == 0 ? 1 : field(0, w[0])
                let f2 = field(w[0], w[1])
                let f3 = field(w[0] + w[1], w[2])
                position += rowLength
                switch type {
                case 1: result.append((first &+ i, .offset(f2)))
                case 2: result.append((first &+ i, .compressed(stream: f2, index: f3)))
                default: break
                }
            }
        }
        return (result, dict)
    }
}
