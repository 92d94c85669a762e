/// Turns OpenDocument text content (`office:text`, header/footer, note body, text box) into lines.
///
/// Paragraphs and headings become lines; white space inside paragraphs collapses as ODF
/// prescribes, with `text:s`, `text:tab` and `text:line-break` giving explicit spaces, tabs and
/// breaks. Frames and shapes are written after the paragraph that anchors them; note bodies are
/// collected in `notes` for the end; tracked deletions, annotations and index templates are skipped.
struct ODTTextWalker {
    /// Note bodies met so far, in document order.
    private(set) var notes: [String] = []
    /// List label definitions.
    var listStyles = ODTListStyles()

    /// The lists being read, outermost first: style and current item counter.
    private var openLists: [(style: String?, counter: Int)] = []
    /// The last counter of each list style and level, for lists that continue numbering.
    private var lastCounters: [String: Int] = [:]
    /// The label waiting for the first paragraph of the current list item.
    private var pendingLabel: String?

    /// Most spaces one `text:s` may produce (the count comes from the file).
    static let maxSpaceRun = 1_000

    static let skipped: Set<String> = [
        "text:tracked-changes", "office:annotation", "office:annotation-end", "text:note-citation",
        "svg:title", "svg:desc", "office:forms", "text:sequence-decls", "text:variable-decls",
        "text:user-field-decls", "text:table-of-content-source", "text:illustration-index-source",
        "text:alphabetical-index-source", "text:bibliography-source", "text:object-index-source",
        "text:table-index-source", "text:user-index-source", "office:event-listeners", "draw:image",
        "table:table-column", "table:table-columns", "table:table-header-columns", "table:covered-table-cell",
        "text:soft-page-break", "text:page-number", "text:page-count", "text:page-continuation", "text:ruby-text",
    ]

    mutating func blocks(_ element: XMLTreeElement) -> [String] {
        var lines: [String] = []
        for child in element.elements where !ODTTextWalker.skipped.contains(child.key) {
            switch child.key {
            case "text:p", "text:h":
                var paragraph = ParagraphText()
                var floating: [String] = []
                // A `text:number` child already holds the formatted label.
                let label = child.child("text:number") == nil ? pendingLabel : nil
                pendingLabel = nil
                inline(child, into: &paragraph, floating: &floating)
                var text = paragraph.text
                if let label, text.contains(where: { !$0.isWhitespace }) { text = label + " " + text }
                lines.append(text)
                lines.append(contentsOf: floating)
            case "table:table":
                lines.append(contentsOf: table(child))
            case "text:list":
                lines.append(contentsOf: list(child))
            default:
                lines.append(contentsOf: blocks(child))
            }
        }
        return lines
    }

    private mutating func list(_ list: XMLTreeElement) -> [String] {
        let style = list.attributes["text:style-name"] ?? openLists.last?.style
        let level = openLists.count + 1
        let key = "\(style ?? "")#\(level)"
        let continues = list.attributes["text:continue-numbering"] == "true" || list.attributes["text:continue-list"] != nil
        var counter = continues ? (lastCounters[key] ?? 0) : listStyles.start(style: style, level: level) &- 1
        var lines: [String] = []
        openLists.append((style, counter))
        for item in list.elements {
            switch item.key {
            case "text:list-item":
                if let start = item.attributes["text:start-value"].flatMap({ Int($0) }) { counter = start &- 1 }
                counter = counter &+ 1
                openLists[openLists.count - 1].counter = counter
                pendingLabel = listStyles.label(style: style, counters: openLists.map(\.counter))
                lines.append(contentsOf: blocks(item))
                pendingLabel = nil
            case "text:list-header":
                lines.append(contentsOf: blocks(item))
            default:
                continue
            }
        }
        openLists.removeLast()
        lastCounters[key] = counter
        return lines
    }

    private mutating func table(_ table: XMLTreeElement) -> [String] {
        var rows: [[[String]]] = []
        for row in ODTTextWalker.rows(of: table) {
            let cells = row.elements.filter { $0.key == "table:table-cell" }
            rows.append(cells.map { blocks($0) })
        }
        return TableText.lines(rows: rows)
    }

    /// Rows directly in the table or in its header-row, row and row-group wrappers.
    private static func rows(of element: XMLTreeElement) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        for child in element.elements {
            switch child.key {
            case "table:table-row": found.append(child)
            case "table:table-header-rows", "table:table-rows", "table:table-row-group": found.append(contentsOf: rows(of: child))
            default: continue
            }
        }
        return found
    }

    private mutating func inline(_ element: XMLTreeElement, into paragraph: inout ParagraphText, floating: inout [String]) {
        for node in element.children {
            guard case .element(let child) = node else {
                if case .text(let text) = node { paragraph.appendCollapsing(text) }
                continue
            }
            if ODTTextWalker.skipped.contains(child.key) { continue }
            switch child.key {
            case "text:s":
                let count = child.attributes["text:c"].flatMap { Int($0) } ?? 1
                paragraph.appendExact(String(repeating: " ", count: min(max(count, 1), ODTTextWalker.maxSpaceRun)))
            case "text:tab":
                paragraph.appendExact("\t")
            case "text:line-break":
                paragraph.appendExact("\n")
            case "text:number":
                paragraph.appendCollapsing(child.allText)
                paragraph.appendExact(" ")
            case "text:note":
                if let body = child.child("text:note-body") {
                    notes.append(contentsOf: blocks(body))
                }
            case "text:p", "text:h", "text:list", "table:table":
                floating.append(contentsOf: blocks(XMLTreeElement(key: "office:text", children: [.element(child)])))
            default:
                inline(child, into: &paragraph, floating: &floating)
            }
        }
    }
}

/// A paragraph being assembled with ODF white-space rules: runs of spaces, tabs and newlines in
/// character data collapse to one space; explicit elements append exactly.
struct ParagraphText {
    private(set) var text = ""
    private var lastWasSpace = true

    mutating func appendCollapsing(_ raw: String) {
        for scalar in raw.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                if !lastWasSpace { text += " " }
                lastWasSpace = true
            } else {
                text.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
    }

    mutating func appendExact(_ exact: String) {
        text += exact
        lastWasSpace = false
    }
}
