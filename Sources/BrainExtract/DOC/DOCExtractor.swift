import Foundation

/// Word 97-2003 (.doc) text: compound file -> FIB -> piece table -> characters.
enum DOCExtractor {
    static let name = "brain-doc/1"

    static func extract(_ data: Data, deadline: Deadline) throws(ExtractionError) -> ExtractedText {
        let file = try CompoundFile(data)
        guard let word = try file.stream(named: "WordDocument") else {
            throw .corrupt(format: .doc, detail: "the compound file has no WordDocument stream")
        }
        let wordStream = word.bytes
        let fib = try WordFIB(wordStream)
        if fib.isPreWord97 {
            throw .unsupported(kind: "application/msword", reason: "Word 6.0/95 documents are not read; save it as .docx")
        }
        if fib.encrypted { throw .encrypted(detail: "the Word document is password-protected") }
        let tableName = fib.usesTable1 ? "1Table" : "0Table"
        guard let tableData = try file.stream(named: tableName) else {
            throw .corrupt(format: .doc, detail: "the \(tableName) stream is missing")
        }
        let table = tableData.bytes
        guard fib.lcbClx > 0, let clx = ByteReader(table).slice(fib.fcClx, fib.lcbClx) else {
            throw .corrupt(format: .doc, detail: "the piece table lies outside the table stream")
        }
        let pieces = try PieceTable(clx: clx)
        let hidden = HiddenTextRuns(
            wordStream: wordStream, table: table, fcPlcfBteChpx: fib.fcPlcfBteChpx, lcbPlcfBteChpx: fib.lcbPlcfBteChpx)
        var warnings: [String] = []
        if word.relinked || tableData.relinked {
            warnings.append("damaged: a broken sector chain was read as contiguous sectors")
        }
        if word.truncated || tableData.truncated { warnings.append("truncated: the file ends before the document does") }
        let lastCP = pieces.pieces.map(\.cpEnd).max() ?? 0
        if fib.ccpText > lastCP { warnings.append("truncated: the text is shorter than the document says") }
        var labels = ListLabels(wordStream: wordStream, table: table, fib: fib)
        let main = try pieces.characters(
            0..<fib.ccpText, in: wordStream, hidden: hidden, deadline: deadline, paragraphStart: { labels.label(at: $0) })
        var text = WordText.render(main)
        if fib.ccpFtn > 0 {
            let notes = WordText.render(try pieces.characters(
                fib.ccpText..<(fib.ccpText + fib.ccpFtn), in: wordStream, hidden: hidden, deadline: deadline))
            text += "\n\n" + notes.trimmingCharacters(in: .whitespaces)
        }
        let pageCount = (try? file.stream(named: SummaryInformation.streamName))
            .flatMap { $0 }.flatMap { SummaryInformation.pageCount($0.bytes) }
        return ExtractedText(
            text: OutputText.finish(text), format: .doc, extractor: name, pageCount: pageCount, warnings: warnings)
    }
}
