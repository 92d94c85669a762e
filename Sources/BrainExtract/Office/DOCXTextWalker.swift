/// Turns WordprocessingML (a document body, header, footer or note) into lines of text.
///
/// Paragraphs become lines; tables follow `TableText`; text boxes are written once, after the
/// paragraph that anchors them (for `mc:AlternateContent` only the first `mc:Choice`, or the
/// `mc:Fallback` when there is no choice). Field codes are skipped and field results kept; deleted
/// and moved-away revisions and hidden runs are skipped. Recursion follows the XML nesting, which
/// the reader bounds.
struct DOCXTextWalker {
    /// List labels for numbered and bulleted paragraphs.
    var numbering = DOCXNumbering()

    /// An open complex field (`w:fldChar` begin ... end).
    private struct OpenField {
        /// True until `separate`: the field code is being read.
        var inCode = true
        var instruction = ""
    }

    private var fields: [OpenField] = []

    /// Field results that only reflect page layout (page numbers) are dropped with the codes.
    static let layoutFields: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES"]

    /// Whether run text is currently field code, or the result of a page-number field.
    private var inFieldCode: Bool {
        fields.contains { $0.inCode || DOCXTextWalker.isLayoutField($0.instruction) }
    }

    static func isLayoutField(_ instruction: String) -> Bool {
        let word = instruction.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map { $0.uppercased() } ?? ""
        return layoutFields.contains(word)
    }

    /// The lines of the block-level content below `element` (a body, cell, header, note, text box).
    mutating func blocks(_ element: XMLTreeElement) -> [String] {
        var lines: [String] = []
        for child in element.elements {
            switch child.key {
            case "w:p":
                let label = numbering.label(for: child.child("w:pPr"))
                var text = ""
                var floating: [String] = []
                inline(child, into: &text, floating: &floating)
                if let label, text.contains(where: { !$0.isWhitespace }) { text = label + " " + text }
                lines.append(text)
                lines.append(contentsOf: floating)
            case "w:tbl":
                lines.append(contentsOf: table(child))
            case "w:del", "w:moveFrom", "w:sectPr", "w:pPr", "w:tblPr", "w:tblGrid", "w:trPr", "w:tcPr":
                continue
            case "mc:AlternateContent":
                if let branch = DOCXTextWalker.branch(of: child) { lines.append(contentsOf: blocks(branch)) }
            default:
                lines.append(contentsOf: blocks(child))
            }
        }
        return lines
    }

    private mutating func table(_ table: XMLTreeElement) -> [String] {
        var rows: [[[String]]] = []
        for row in DOCXTextWalker.descendants(of: table, key: "w:tr", stopAt: "w:tbl") {
            let cells = DOCXTextWalker.descendants(of: row, key: "w:tc", stopAt: "w:tbl")
            rows.append(cells.map { blocks($0) })
        }
        return TableText.lines(rows: rows)
    }

    /// Paragraph content: runs, hyperlinks, insertions, content controls, fields, drawings.
    private mutating func inline(_ element: XMLTreeElement, into text: inout String, floating: inout [String]) {
        for child in element.elements {
            switch child.key {
            case "w:r":
                run(child, into: &text, floating: &floating)
            case "w:del", "w:moveFrom", "w:pPr", "w:rPr", "m:ctrlPr", "w:rt":
                continue
            case "m:t":
                if !inFieldCode { text += child.allText }
            case "w:txbxContent":
                floating.append(contentsOf: blocks(child))
            case "w:p", "w:tbl":
                floating.append(contentsOf: blocks(XMLTreeElement(key: "w:body", children: [.element(child)])))
            case "mc:AlternateContent":
                if let branch = DOCXTextWalker.branch(of: child) { inline(branch, into: &text, floating: &floating) }
            case "w:fldSimple":
                if !DOCXTextWalker.isLayoutField(child.attributes["w:instr"] ?? "") {
                    inline(child, into: &text, floating: &floating)
                }
            default:
                inline(child, into: &text, floating: &floating)
            }
        }
    }

    private mutating func run(_ run: XMLTreeElement, into text: inout String, floating: inout [String]) {
        let hidden = DOCXTextWalker.isHidden(run.child("w:rPr"))
        for child in run.elements {
            switch child.key {
            case "w:fldChar":
                switch child.attributes["w:fldCharType"] {
                case "begin": fields.append(OpenField())
                case "separate": if !fields.isEmpty { fields[fields.count - 1].inCode = false }
                case "end": _ = fields.popLast()
                default: break
                }
                continue
            case "w:drawing", "w:pict", "w:object", "mc:AlternateContent":
                var ignored = ""
                inline(XMLTreeElement(key: "w:r", children: [.element(child)]), into: &ignored, floating: &floating)
                continue
            case "w:instrText":
                if !fields.isEmpty, fields[fields.count - 1].instruction.count < 256 {
                    fields[fields.count - 1].instruction += child.allText
                }
                continue
            default:
                break
            }
            if hidden || inFieldCode { continue }
            switch child.key {
            case "w:t": text += child.allText
            case "w:tab", "w:ptab": text += "\t"
            case "w:br", "w:cr": text += "\n"
            case "w:noBreakHyphen": text += "-"
            case "w:sym":
                if let hex = child.attributes["w:char"], let character = WordSymbols.character(hex: hex, font: child.attributes["w:font"]) {
                    text.append(character)
                }
            case "w:ruby":
                if let base = child.child("w:rubyBase") { inline(base, into: &text, floating: &floating) }
            default: break
            }
        }
    }

    /// A run is hidden when its properties carry `w:vanish` not switched off.
    private static func isHidden(_ properties: XMLTreeElement?) -> Bool {
        guard let vanish = properties?.child("w:vanish") else { return false }
        let value = vanish.attributes["w:val"] ?? "true"
        return value != "false" && value != "0" && value != "off"
    }

    /// The branch of an `mc:AlternateContent` to read: the first choice, else the fallback.
    static func branch(of alternate: XMLTreeElement) -> XMLTreeElement? {
        alternate.child("mc:Choice") ?? alternate.child("mc:Fallback")
    }

    /// Elements with `key` below `element`, not looking inside nested `stopAt` elements
    /// (rows and cells can sit inside content controls and custom XML).
    static func descendants(of element: XMLTreeElement, key: String, stopAt: String) -> [XMLTreeElement] {
        var found: [XMLTreeElement] = []
        for child in element.elements {
            if child.key == key {
                found.append(child)
            } else if child.key != stopAt, child.key != "w:del", child.key != "w:tblPr" {
                found.append(contentsOf: descendants(of: child, key: key, stopAt: stopAt))
            }
        }
        return found
    }
}
