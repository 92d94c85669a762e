/// Reading order for one page: words to line fragments, fragments to blocks, blocks ordered by
/// recursive cuts (columns before rows), so each column reads top to bottom before the next.
enum PDFLayout {
    struct Fragment {
        var words: [PDFWord]
        var x0: Double, x1: Double, y: Double, size: Double
    }

    struct Block {
        var fragments: [Fragment]
        var x0: Double, x1: Double, top: Double, bottom: Double, lastY: Double, size: Double
    }

    /// Words further apart than this (fraction of the font size) on one baseline are separate fragments.
    static let maxWordSpacing = 1.5
    /// Largest baseline step (fraction of the font size) between lines of one block.
    static let maxLineSpacing = 1.6

    static func text(_ glyphs: [PDFGlyph]) -> String {
        var groups: [UInt8: [PDFGlyph]] = [:]
        for g in glyphs { groups[g.direction, default: []].append(g) }
        let ordered = groups.sorted { $0.value.count > $1.value.count }
        var parts: [String] = []
        for (_, group) in ordered {
            let t = layout(PDFWordBuilder.words(group))
            if !t.isEmpty { parts.append(t) }
        }
        return parts.joined(separator: "\n\n")
    }

    static func layout(_ words: [PDFWord]) -> String {
        let fragments = makeFragments(words)
        let blocks = makeBlocks(fragments)
        var out = ""
        for block in order(blocks, depth: 0) {
            if !out.isEmpty { out += "\n\n" }
            out += render(block)
        }
        return out
    }

    /// Groups words into baselines, then splits each baseline at wide gaps.
    static func makeFragments(_ words: [PDFWord]) -> [Fragment] {
        let sorted = words.sorted { $0.y != $1.y ? $0.y > $1.y : $0.x0 < $1.x0 }
        var lines: [[PDFWord]] = []
        var current: [PDFWord] = []
        for w in sorted {
            if !current.isEmpty, fits(w, line: current) {
                current.append(w)
            } else {
                if !current.isEmpty { lines.append(current) }
                current = [w]
            }
        }
        if !current.isEmpty { lines.append(current) }
        // A line of only sub- or superscripts met before its base line joins that line.
        var merged: [[PDFWord]] = []
        for line in lines {
            if let last = merged.last, line.allSatisfy({ fits($0, line: last) }) || last.allSatisfy({ fits($0, line: line) }) {
                merged[merged.count - 1] += line
            } else {
                merged.append(line)
            }
        }
        lines = merged
        let sortedLines = lines.map { $0.sorted { $0.x0 < $1.x0 } }
        var fragments: [Fragment] = []
        for (index, byX) in sortedLines.enumerated() {
            var frag: Fragment?
            for w in byX {
                if var f = frag {
                    let gap = w.x0 - f.x1
                    let size = max(f.size, w.size)
                    let symbolLead = f.words.count == 1 && f.words[0].isSymbolOnly && gap < 6 * size
                    let gutter = gap >= 0.5 * size && isGutter(f.x1, w.x0, line: index, lines: sortedLines, size: size)
                    if (gap <= maxWordSpacing * size && !gutter) || symbolLead {
                        f.words.append(w)
                        f.x1 = max(f.x1, w.x1)
                        f.size = max(f.size, w.size)
                        frag = f
                        continue
                    }
                    fragments.append(f)
                }
                frag = Fragment(words: [w], x0: w.x0, x1: w.x1, y: w.y, size: w.size)
            }
            if let f = frag { fragments.append(f) }
        }
        return fragments
    }

    /// Whether `w` continues `line`: a word of similar size within half its size of the baseline,
    /// or a neighbouring word of another size that makes `w` a sub- or superscript (or the reverse).
    static func fits(_ w: PDFWord, line: [PDFWord]) -> Bool {
        for m in line.suffix(200).reversed() {
            let small = min(m.size, w.size), large = max(m.size, w.size)
            if large <= 1.25 * small {
                if abs(m.y - w.y) <= 0.5 * small { return true }
            } else if w.x0 <= m.x1 + large && w.x1 >= m.x0 - large, sameLine(m.y, m.size, w.y, w.size) {
                return true
            }
        }
        return false
    }

    /// Whether two baselines belong to one line: the smaller text may sit up to half the larger
    /// size above (superscripts) or 0.3 of it below (subscripts) the larger text's baseline.
    static func sameLine(_ y1: Double, _ s1: Double, _ y2: Double, _ s2: Double) -> Bool {
        let (bigY, bigSize, smallY) = s1 >= s2 ? (y1, s1, y2) : (y2, s2, y1)
        let d = smallY - bigY
        return d >= -0.3 * bigSize && d <= 0.5 * bigSize
    }

    /// Whether the gap `a...b` on line `line` lines up with gaps on neighbouring lines (a column
    /// gutter) rather than being a wide space inside running text.
    static func isGutter(_ a: Double, _ b: Double, line: Int, lines: [[PDFWord]], size: Double) -> Bool {
        guard let baseY = lines[line].first?.y else { return false }
        var lo = a, hi = b
        var support = 0
        var blocked = 0
        for distance in 1...3 {
            for k in [line - distance, line + distance] where k >= 0 && k < lines.count {
                guard let y = lines[k].first?.y, abs(y - baseY) <= 4 * size else { continue }
                // The widest stretch of (lo, hi) that no word of line k covers.
                var bestLo = lo, bestHi = lo
                var cursor = lo
                for w in lines[k] where w.x1 > lo && w.x0 < hi {
                    if w.x0 - cursor > bestHi - bestLo { bestLo = cursor; bestHi = w.x0 }
                    cursor = max(cursor, w.x1)
                }
                if hi - cursor > bestHi - bestLo { bestLo = cursor; bestHi = hi }
                guard bestHi - bestLo >= 0.3 * size else { blocked += 1; continue }
                lo = bestLo
                hi = bestHi
                let near = lines[k].contains { ($0.x1 <= hi && $0.x1 >= lo - 2 * size) || ($0.x0 >= lo && $0.x0 <= hi + 2 * size) }
                if near { support += 1 }
            }
        }
        return support >= 2 && blocked * 2 <= support
    }

    /// Stacks fragments into blocks: each joins the nearest block just above it that overlaps it
    /// horizontally.
    static func makeBlocks(_ fragments: [Fragment]) -> [Block] {
        var blocks: [Block] = []
        for f in fragments {
            var best: Int?
            var bestDistance = Double.infinity
            for (i, b) in blocks.enumerated() {
                let dy = b.lastY - f.y
                let size = max(min(b.size, f.size), 1)
                guard dy >= -0.5 * size, dy <= maxLineSpacing * max(b.size, f.size) else { continue }
                let slack = 0.3 * size
                guard f.x0 < b.x1 + slack, f.x1 > b.x0 - slack else { continue }
                if dy < bestDistance { bestDistance = dy; best = i }
            }
            if let i = best {
                blocks[i].fragments.append(f)
                blocks[i].x0 = min(blocks[i].x0, f.x0)
                blocks[i].x1 = max(blocks[i].x1, f.x1)
                blocks[i].bottom = min(blocks[i].bottom, f.y - 0.25 * f.size)
                blocks[i].lastY = min(blocks[i].lastY, f.y)
                blocks[i].size = f.size
            } else {
                blocks.append(Block(fragments: [f], x0: f.x0, x1: f.x1, top: f.y + 0.8 * f.size, bottom: f.y - 0.25 * f.size, lastY: f.y, size: f.size))
            }
        }
        return blocks
    }

    /// Joins the words of one line. Like pdftotext, a line made only of one-glyph words is read
    /// as letter-spaced: gaps up to 1.3 times the narrowest one (at most 0.4 em) join letters.
    static func joinWords(_ words: [PDFWord]) -> String {
        guard let first = words.first else { return "" }
        var threshold = 0.03 * first.size
        if words.count > 1, words.allSatisfy({ $0.glyphCount == 1 }) {
            var minGap = Double.infinity
            for i in 1..<words.count { minGap = min(minGap, words[i].x0 - words[i - 1].x1) }
            if minGap > 0 { threshold = min(1.3 * minGap, 0.4 * first.size) }
        }
        var out = first.text
        for i in 1..<words.count {
            let gap = words[i].x0 - words[i - 1].x1
            if gap >= threshold || gap < -0.5 * words[i].size { out += " " }
            out += words[i].text
        }
        return out
    }

    /// Lines of a block: fragments on one baseline are joined left to right.
    static func render(_ block: Block) -> String {
        let sorted = block.fragments.sorted { $0.y > $1.y }
        var lines: [String] = []
        var i = 0
        while i < sorted.count {
            var row = [sorted[i]]
            var j = i + 1
            while j < sorted.count, abs(sorted[j].y - sorted[i].y) <= 0.4 * max(sorted[i].size, sorted[j].size) {
                row.append(sorted[j])
                j += 1
            }
            lines.append(joinWords(row.sorted { $0.x0 < $1.x0 }.flatMap { $0.words }))
            i = j
        }
        return lines.joined(separator: "\n")
    }
}
