import Foundation
import Testing

@testable import BrainExtract

@Suite struct DOCTests {
    private func text(_ data: Data) throws -> String {
        let result = try DocumentExtractor.extract(data)
        #expect(result.format == .doc)
        return result.text
    }

    @Test func readsEightBitPieces() throws {
        let doc = DOCTestFiles.wordDocument("Jane Doe\rSenior \u{93}engineer\u{94} \u{80}5\r")
        #expect(try text(doc) == "Jane Doe\nSenior \u{201C}engineer\u{201D} \u{20AC}5")
    }

    @Test func readsUTF16Pieces() throws {
        var options = DOCTestFiles.WordOptions()
        options.compressed = false
        let doc = DOCTestFiles.wordDocument("Zoë Łukasz 東京\rnext", options: options)
        #expect(try text(doc) == "Zoë Łukasz 東京\nnext")
    }

    @Test func skipsFieldCodesAndKeepsResults() throws {
        let doc = DOCTestFiles.wordDocument(
            "Mail \u{13} HYPERLINK \"mailto:a@b.c\" \u{14}a@b.c\u{15} now\r\u{13}PAGE\u{15}end\r")
        #expect(try text(doc) == "Mail a@b.c now\nend")
    }

    @Test func nestedFieldsKeepOnlyOuterResult() throws {
        let doc = DOCTestFiles.wordDocument("x\u{13}IF \u{13}DATE\u{14}1999\u{15} = 1\u{14}yes\u{15}y\r")
        #expect(try text(doc) == "xyesy")
    }

    @Test func tableMarksBecomeTabsAndLines() throws {
        let doc = DOCTestFiles.wordDocument("Skill\u{7}Years\u{7}\u{7}Swift\u{7}5\u{7}\u{7}After\r")
        #expect(try text(doc) == "Skill\tYears\nSwift\t5\nAfter")
    }

    @Test func specialCharactersAndBreaks() throws {
        let doc = DOCTestFiles.wordDocument("a\u{1}b\u{8}c\u{0B}d\u{0C}e\u{1E}f\u{1F}g\u{2}\r")
        #expect(try text(doc) == "abc\nd\ne-fg")
    }

    @Test func appendsFootnotes() throws {
        var options = DOCTestFiles.WordOptions()
        options.footnotes = "\u{2} See page 2.\r"
        let doc = DOCTestFiles.wordDocument("Body\u{2}\r", options: options)
        #expect(try text(doc) == "Body\n\nSee page 2.")
    }

    @Test func hiddenTextIsLeftOut() throws {
        var options = DOCTestFiles.WordOptions()
        options.hidden = [5..<12]
        #expect(try text(DOCTestFiles.wordDocument("Shown secret end\r", options: options)) == "Shown end")
    }

    @Test func numberedParagraphsGetTheirLabels() throws {
        var options = DOCTestFiles.WordOptions()
        options.numbered = [6..<12, 12..<18]
        let doc = DOCTestFiles.wordDocument("Certs\rFirst\rOther\rAfter\r", options: options)
        #expect(try text(doc) == "Certs\n1. First\n2. Other\nAfter")
        options.numberFormat = 4
        let lettered = DOCTestFiles.wordDocument("Certs\rFirst\rOther\rAfter\r", options: options)
        #expect(try text(lettered) == "Certs\na. First\nb. Other\nAfter")
    }

    @Test func refusesEncryptedDocuments() {
        var options = DOCTestFiles.WordOptions()
        options.encrypted = true
        #expect(throws: ExtractionError.encrypted(detail: "the Word document is password-protected")) {
            try DocumentExtractor.extract(DOCTestFiles.wordDocument("secret", options: options))
        }
    }

    @Test func refusesWord95() {
        var options = DOCTestFiles.WordOptions()
        options.nFib = 0x0068
        #expect {
            try DocumentExtractor.extract(DOCTestFiles.wordDocument("old", options: options))
        } throws: { error in
            (error as? ExtractionError).map { "\($0)".contains("Word 6.0/95") } ?? false
        }
    }

    @Test func loopingDirectoryChainIsCorrupt() {
        // Sectors: WordDocument 0-9, mini stream 10, mini FAT 11, directory 12.
        let looped = DOCTestFiles.compoundFile(
            [("WordDocument", [UInt8](repeating: 0x41, count: 5000)), ("1Table", [1, 2, 3])],
            corruptFAT: { fat in fat[12] = 12 })
        #expect(throws: ExtractionError.corrupt(format: .doc, detail: "a sector chain loops")) {
            try DocumentExtractor.extract(looped)
        }
    }

    @Test func loopInsideAStreamIsReadAsContiguousSectors() throws {
        let doc = DOCTestFiles.wordDocument(String(repeating: "word ", count: 900) + "end\r")
        let looped = try damageFAT(doc) { fat in fat[3] = 1 }
        let result = try DocumentExtractor.extract(looped)
        #expect(result.text.hasSuffix("word end"))
        #expect(result.warnings == ["damaged: a broken sector chain was read as contiguous sectors"])
    }

    @Test func directoryOutsideTheFileIsCorrupt() {
        var bytes = [UInt8](DOCTestFiles.wordDocument("text"))
        bytes.replaceSubrange(0x30..<0x34, with: DOCTestFiles.le32(5000))
        #expect(throws: ExtractionError.corrupt(format: .doc, detail: "a sector chain leaves the file")) {
            try DocumentExtractor.extract(Data(bytes))
        }
    }

    /// Rewrites the single FAT sector of a test file.
    private func damageFAT(_ data: Data, _ change: (inout [UInt32]) -> Void) throws -> Data {
        var bytes = [UInt8](data)
        let fatSector = Int(bytes[0x4C]) | Int(bytes[0x4D]) << 8
        let base = (fatSector + 1) * 512
        var fat = (0..<128).map { index in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[base + index * 4 + $1]) << (8 * UInt32($1)) }
        }
        change(&fat)
        bytes.replaceSubrange(base..<(base + 512), with: fat.flatMap(DOCTestFiles.le32))
        return Data(bytes)
    }

    @Test func chainLeavingTheFileIsCorrupt() {
        let broken = DOCTestFiles.compoundFile(
            [("WordDocument", [UInt8](repeating: 0x41, count: 5000)), ("1Table", [1, 2, 3])],
            corruptFAT: { fat in fat[2] = 90_000 })
        #expect(throws: ExtractionError.self) { try DocumentExtractor.extract(broken) }
    }

    @Test func randomBytesAfterOLE2HeaderEndInAClearError() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<50 {
            let bytes = CompoundFile.signature + (0..<3000).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(throws: ExtractionError.self) { try DocumentExtractor.extract(Data(bytes)) }
        }
    }

    @Test func otherCompoundFilesAreNamed() {
        let workbook = DOCTestFiles.compoundFile([("Workbook", [1, 2, 3])])
        #expect(DocumentExtractor.sniff(workbook) == .unsupported(
            kind: "application/vnd.ms-excel", reason: "spreadsheets are not read; save it as a document"))
        let message = DOCTestFiles.compoundFile([("__substg1.0_0037001F", [0x41, 0])])
        if case .unsupported(let kind, _) = DocumentExtractor.sniff(message) {
            #expect(kind == "application/vnd.ms-outlook")
        } else {
            Issue.record("an Outlook message was not named")
        }
    }

    @Test func corpusDocumentsMatchTheReference() throws {
        guard CorpusFiles.available else { return }
        for name in CorpusFiles.devFiles(extensions: ["doc"]) {
            let result = try DocumentExtractor.extract(try CorpusFiles.dev(name))
            let antiword = try CorpusFiles.reference(name, tool: "antiword")
            #expect(TokenF1.score(result.text, antiword) >= 0.95, "\(name)")
        }
        let summary = try DocumentExtractor.extract(try CorpusFiles.dev("resume-word97-colinhaley.doc"))
        #expect(summary.pageCount == 1)
    }
}
