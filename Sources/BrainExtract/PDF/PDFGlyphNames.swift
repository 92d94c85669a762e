/// Glyph names to Unicode (Adobe Glyph List plus `uniXXXX`, `uXXXX[XX]` and ligature names),
/// and the built-in simple-font encodings, parsed lazily from `PDFGlyphData`.
enum PDFGlyphNames {
    static let list: [String: String] = {
        var table: [String: String] = [:]
        table.reserveCapacity(4500)
        for line in PDFGlyphData.glyphList.split(separator: "\n") {
            guard let semi = line.firstIndex(of: ";") else { continue }
            let scalars = line[line.index(after: semi)...].split(separator: " ").compactMap { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            table[String(line[..<semi])] = text
        }
        return table
    }()

    /// The text for a glyph name, or nil when the name carries no meaning (`g12`, `cid34`, ...).
    static func unicode(_ name: String) -> String? {
        if let hit = list[name] { return hit }
        var base = Substring(name)
        if let dot = base.firstIndex(of: "."), dot != base.startIndex { base = base[..<dot] }
        if base != Substring(name), let hit = list[String(base)] { return hit }
        if base.hasPrefix("uni"), base.count >= 7, (base.count - 3) % 4 == 0 {
            var text = ""
            var rest = base.dropFirst(3)
            while !rest.isEmpty {
                guard let v = UInt32(rest.prefix(4), radix: 16), let s = Unicode.Scalar(v) else { return nil }
                text.unicodeScalars.append(s)
                rest = rest.dropFirst(4)
            }
            return text
        }
        if base.hasPrefix("u"), (5...7).contains(base.count), let v = UInt32(base.dropFirst(), radix: 16), let s = Unicode.Scalar(v) {
            return String(Character(s))
        }
        if base.contains("_") {
            let parts = base.split(separator: "_").map { unicode(String($0)) }
            if !parts.isEmpty, parts.allSatisfy({ $0 != nil }) { return parts.compactMap { $0 }.joined() }
        }
        return nil
    }

    static func encoding(_ raw: String) -> [Unicode.Scalar?] {
        var table = raw.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { UInt32($0, radix: 16).flatMap(Unicode.Scalar.init) }
        if table.count < 256 { table += Array(repeating: nil, count: 256 - table.count) }
        return Array(table.prefix(256))
    }

    static let standard = encoding(PDFGlyphData.standard)
    static let macRoman = encoding(PDFGlyphData.macRoman)
    static let winAnsi = encoding(PDFGlyphData.winAnsi)
    static let pdfDoc = encoding(PDFGlyphData.pdfDoc)
    static let symbol = encoding(PDFGlyphData.symbol)
    static let zapfDingbats = encoding(PDFGlyphData.zapfDingbats)

    /// Decodes a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding).
    static func textString(_ bytes: [UInt8]) -> String {
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            var units: [UInt16] = []
            var i = 2
            while i + 1 < bytes.count { units.append(UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])); i += 2 }
            return String(decoding: units, as: UTF16.self)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes.dropFirst(3), as: UTF8.self)
        }
        var text = ""
        for b in bytes { if let s = pdfDoc[Int(b)] { text.unicodeScalars.append(s) } }
        return text
    }
}
