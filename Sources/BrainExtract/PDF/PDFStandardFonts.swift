/// Advance widths of the standard 14 fonts, for simple fonts that omit `/Widths`.
enum PDFStandardFonts {
    private static func parse(_ raw: String) -> [UInt32: Double] {
        var table: [UInt32: Double] = [:]
        for item in raw.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            let parts = item.split(separator: ":")
            if parts.count == 2, let u = UInt32(parts[0], radix: 16), let w = Double(parts[1]) { table[u] = w }
        }
        return table
    }

    static let helvetica = parse(PDFGlyphData.helveticaWidths)
    static let helveticaBold = parse(PDFGlyphData.helveticaBoldWidths)
    static let helveticaOblique = parse(PDFGlyphData.helveticaObliqueWidths)
    static let helveticaBoldOblique = parse(PDFGlyphData.helveticaBoldObliqueWidths)
    static let times = parse(PDFGlyphData.timesWidths)
    static let timesBold = parse(PDFGlyphData.timesBoldWidths)
    static let timesItalic = parse(PDFGlyphData.timesItalicWidths)
    static let timesBoldItalic = parse(PDFGlyphData.timesBoldItalicWidths)

    /// Widths (per mille, keyed by code point) for a base font name; nil means monospaced 600.
    static func widths(baseFont: String) -> [UInt32: Double]? {
        let name = baseFont.lowercased()
        let bold = name.contains("bold") || name.contains("black") || name.contains("heavy")
        let italic = name.contains("italic") || name.contains("oblique")
        if name.contains("courier") || name.contains("mono") { return nil }
        if name.contains("times") || name.contains("serif") && !name.contains("sans") || name.contains("roman") || name.contains("georgia") {
            return bold ? (italic ? timesBoldItalic : timesBold) : (italic ? timesItalic : times)
        }
        return bold ? (italic ? helveticaBoldOblique : helveticaBold) : (italic ? helveticaOblique : helvetica)
    }
}
