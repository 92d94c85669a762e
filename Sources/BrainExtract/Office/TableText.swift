/// How a table becomes lines of text, shared by the DOCX and ODT walkers.
///
/// A row whose cells each hold at most one line becomes one line with the cells separated by
/// tabs. A row with a multi-line cell (a layout table, such as a two-column resume) is written
/// cell by cell, each cell's lines in order, so a column's text stays together.
enum TableText {
    /// - Parameter rows: per row, per cell, the cell's lines.
    static func lines(rows: [[[String]]]) -> [String] {
        var out: [String] = []
        for cells in rows {
            let simple = cells.allSatisfy { cell in cell.count <= 1 && !(cell.first?.contains("\n") ?? false) }
            if simple {
                out.append(cells.map { $0.first ?? "" }.joined(separator: "\t"))
            } else {
                for cell in cells { out.append(contentsOf: cell) }
            }
        }
        return out
    }
}
