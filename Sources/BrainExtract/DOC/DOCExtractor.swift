import Foundation

/// Word 97-2003 (.doc) text: compound file -> FIB -> piece table -> characters.
enum DOCExtractor {
    static let name = "brain-doc/1"

    static func extract(_ data: Data, deadline: Deadline) throws(ExtractionError) -> ExtractedText {
        let file = try CompoundFile(data)
        guard let wordStream = try file.stream(named: "WordDocument") else {
            throw .corrupt(format: .doc, detail: "the compound file has no WordDocument stream")
        }
        let fib = try WordFIB(wordStream)
        if fib.isPreWord97 {
            throw .unsupported(kind: "application/msword", reason: "Word 6.0/95 documents are not read; save it as .docx")
        }
        if fib.encrypted { throw .encrypted(detail: "the Word document is password-protected") }
        let tableName = fib.usesTable1 ? "1Table" : "0Table"
        guard let table = try file.stream(named: tableName) else {
            throw .corrupt(format: .doc, detail: "the \(tableName) stream is missing")
        }
        guard fib.lcbClx > 0, let clx = ByteReader(table).slice(fib.fcClx, fib.lcbClx) else {
            throw .corrupt(format: .doc, detail: "the piece table lies outside the table stream")
        }
        let pieces = try PieceTable(clx: clx)
        var warnings: [String] = []
        let lastCP = pieces.pieces.map(\.cpEnd).max() ?? 0
        if fib.ccpText > lastCP { warnings.append("truncated: the text is shorter than the document says") }
        var text = WordText.render(try pieces.characters(0..<fib.ccpText, in: wordStream, deadline: deadline))
        if fib.ccpFtn > 0 {
            let notes = WordText.render(try pieces.characters(fib.ccpText..<(fib.ccpText + fib.ccpFtn), in: wordStream, deadline: deadline))
            text += "\n\n" + notes
        }
        return ExtractedText(
            text: OutputText.finish(text), format: .doc, extractor: name, encoding: nil, warnings: warnings)
    }
}
