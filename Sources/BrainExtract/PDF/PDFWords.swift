/// A run of glyphs that reads as one word, in the baseline frame of its direction.
struct PDFWord {
    var x0: Double
    var x1: Double
    var y: Double
    var size: Double
    var text: String
    var sequence: Int
    /// Glyphs in the word (pdftotext treats lines of one-glyph words as letter-spaced).
    var glyphCount = 1

    /// Whether the word is only symbols (bullets, dashes): such words stick to the text after them.
    var isSymbolOnly: Bool {
        !text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }
}

/// Turns glyphs (in content order) into words using gaps, baseline changes and space glyphs,
/// and drops duplicated glyphs drawn for fake bold or shadows.
enum PDFWordBuilder {
    /// Gap (fraction of the font size) above which two glyphs belong to different words.
    static let wordBreakGap = 0.1
    /// Backwards overlap (fraction of the font size) that also starts a new word.
    static let maxOverlap = 0.2

    static func words(_ glyphs: [PDFGlyph]) -> [PDFWord] {
        var words: [PDFWord] = []
        words.reserveCapacity(glyphs.count / 4)
        var current: PDFWord?
        var lastGlyph: PDFGlyph?
        for g in glyphs {
            if g.isSpace || g.size <= 0 {
                if let w = current { words.append(w) }
                current = nil
                lastGlyph = nil
                continue
            }
            if let last = lastGlyph, last.text == g.text, abs(last.x - g.x) < min(0.25 * g.size, 0.6 * last.width), abs(last.y - g.y) < 0.2 * g.size {
                continue
            }
            lastGlyph = g
            if var w = current {
                let size = w.size
                let gap = g.x - w.x1
                // Like pdftotext: a new word on a baseline shift, a font size change, a gap or a step back.
                let sameBaseline = abs(g.y - w.y) <= 0.5
                if sameBaseline, gap <= wordBreakGap * size, gap >= -maxOverlap * size, abs(g.size - w.size) <= 0.05 * size {
                    w.text += g.text
                    w.glyphCount += 1
                    w.x1 = max(w.x1, g.x + g.width)
                    current = w
                    continue
                }
                words.append(w)
            }
            current = PDFWord(x0: g.x, x1: g.x + max(g.width, 0), y: g.y, size: g.size, text: g.text, sequence: g.sequence)
            if g.text.unicodeScalars.last?.value == 0x20 || g.text.unicodeScalars.first?.value == 0x20 {
                let trimmed = g.text.trimmingSpaces
                if trimmed.isEmpty { current = nil } else { current?.text = trimmed }
            }
        }
        if let w = current { words.append(w) }
        return words
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
