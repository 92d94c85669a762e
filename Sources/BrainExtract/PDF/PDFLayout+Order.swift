/// Reading order of blocks: columns before rows, label columns read row by row.
extension PDFLayout {
    /// Orders blocks by recursive cuts: a vertical gutter splits columns (left first); otherwise
    /// the topmost horizontal gap splits off the blocks above it.
    static func order(_ blocks: [Block], depth: Int) -> [Block] {
        guard blocks.count > 1, depth < 200 else { return blocks }
        if let cut = verticalCut(blocks) {
            let left = blocks.filter { $0.x1 <= cut }, right = blocks.filter { $0.x1 > cut }
            if isLabelColumn(left, beside: right), let merged = merge(labels: left, into: right) {
                return order(merged, depth: depth + 1)
            }
            if isLabelColumn(right, beside: left), let merged = merge(labels: right, into: left) {
                return order(merged, depth: depth + 1)
            }
            return order(left, depth: depth + 1) + order(right, depth: depth + 1)
        }
        if let cut = horizontalCut(blocks) {
            return order(blocks.filter { $0.bottom >= cut }, depth: depth + 1) + order(blocks.filter { $0.bottom < cut }, depth: depth + 1)
        }
        return blocks.sorted { a, b in
            abs(a.top - b.top) > 0.5 * min(a.size, b.size) ? a.top > b.top : a.x0 < b.x0
        }
    }

    /// Whether `labels` is a narrow column of short labels (dates beside CV entries) whose lines
    /// sit on the baselines of the text beside them: such a column is read row by row.
    static func isLabelColumn(_ labels: [Block], beside text: [Block]) -> Bool {
        let labelLines = labels.flatMap(\.fragments), textLines = text.flatMap(\.fragments)
        guard !labelLines.isEmpty, labelLines.count <= textLines.count else { return false }
        // Labels come in short separate pieces (a date or two per entry), not one long list.
        guard labels.count >= 2, Double(labelLines.count) <= 2.5 * Double(labels.count) else { return false }
        let labelWidth = (labels.map(\.x1).max() ?? 0) - (labels.map(\.x0).min() ?? 0)
        let textWidth = (text.map(\.x1).max() ?? 0) - (text.map(\.x0).min() ?? 0)
        guard labelWidth <= 0.8 * textWidth else { return false }
        let aligned = labelLines.filter { l in textLines.contains { abs($0.y - l.y) <= 0.2 * l.size } }.count
        return Double(aligned) >= 0.8 * Double(labelLines.count)
    }

    /// Moves each label line into the text block that has a line on the same baseline, so it is
    /// rendered at the start of that row; nil when no label found a row.
    static func merge(labels: [Block], into text: [Block]) -> [Block]? {
        var blocks = text
        var leftovers: [Block] = []
        var moved = 0
        for label in labels {
            var rest: [Fragment] = []
            for f in label.fragments {
                if let i = blocks.firstIndex(where: { b in b.fragments.contains { abs($0.y - f.y) <= 0.2 * f.size } }) {
                    blocks[i].fragments.append(f)
                    blocks[i].x0 = min(blocks[i].x0, f.x0)
                    blocks[i].x1 = max(blocks[i].x1, f.x1)
                    moved += 1
                } else {
                    rest.append(f)
                }
            }
            if !rest.isEmpty {
                var b = label
                b.fragments = rest
                leftovers.append(b)
            }
        }
        return moved == 0 ? nil : blocks + leftovers
    }

    static func verticalCut(_ blocks: [Block]) -> Double? {
        let sorted = blocks.sorted { $0.x0 < $1.x0 }
        guard var reach = sorted.first?.x1 else { return nil }
        for b in sorted.dropFirst() {
            if b.x0 > reach { return (reach + b.x0) / 2 }
            reach = max(reach, b.x1)
        }
        return nil
    }

    static func horizontalCut(_ blocks: [Block]) -> Double? {
        let sorted = blocks.sorted { $0.top > $1.top }
        guard var reach = sorted.first?.bottom else { return nil }
        for b in sorted.dropFirst() {
            if b.top < reach { return (reach + b.top) / 2 }
            reach = min(reach, b.bottom)
        }
        return nil
    }
}
