import Foundation
import Testing

@testable import BrainExtract

@Suite struct PDFStructureTests {
    static let content = "BT /F1 12 Tf 72 720 Td (Hello structure) Tj ET"

    @Test func classicXrefTable() throws {
        let out = try PDFExtractor.extract(PDFTestBuilder.document(pages: [Self.content]))
        #expect(out.text == "Hello structure")
        #expect(out.warnings.isEmpty)
    }

    @Test func xrefStreamWithPredictorAndObjectStream() throws {
        // Objects 1 (catalog), 2 (pages) and 3 (font) live in an object stream.
        let data = PDFTestBuilder.document(pages: [Self.content], style: .stream(compressed: [1, 2, 3]))
        let out = try PDFExtractor.extract(data)
        #expect(out.text == "Hello structure")
        #expect(out.warnings.isEmpty)
    }

    @Test func zeroOffsetsAreRecoveredByScanning() throws {
        let data = PDFTestBuilder.document(pages: [Self.content], style: .zeroOffsets)
        let out = try PDFExtractor.extract(data)
        #expect(PDFTestBuilder.collapse(out.text) == "Hello structure")
    }

    @Test func missingXrefIsRecovered() throws {
        let data = PDFTestBuilder.document(pages: [Self.content], style: .none)
        let out = try PDFExtractor.extract(data)
        #expect(PDFTestBuilder.collapse(out.text) == "Hello structure")
        #expect(out.warnings.contains { $0.contains("recovered") })
    }

    @Test func incrementalUpdateThroughPrev() throws {
        var data = [UInt8](PDFTestBuilder.document(pages: [Self.content]))
        // Revision 2 replaces the content stream (object 4) and points back with /Prev.
        let text = String(decoding: data, as: UTF8.self)
        let previousStart = try #require(text.range(of: "startxref\n", options: .backwards))
        let previous = Int(text[previousStart.upperBound...].prefix { $0.isNumber }) ?? 0
        let newContent = "BT /F1 12 Tf 72 720 Td (Updated text) Tj ET"
        let objectOffset = data.count
        data += Array("4 0 obj\n<< /Length \(newContent.utf8.count) >>\nstream\n\(newContent)\nendstream\nendobj\n".utf8)
        let xrefOffset = data.count
        data += Array(String(format: "xref\n4 1\n%010d 00000 n \ntrailer\n<< /Size 7 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", objectOffset, previous, xrefOffset).utf8)
        #expect(try PDFTestBuilder.text(Data(data)) == "Updated text")
    }

    @Test func hybridFileUsesXRefStm() throws {
        // A classic table that lacks object 5 (the content); a hidden xref stream supplies it.
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>")
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        b.addStream("", Array(Self.content.utf8))
        var data = [UInt8](b.build(root: 1))
        let text = String(decoding: data, as: UTF8.self)
        let fontOffset = try #require(text.range(of: "5 0 obj")).lowerBound.utf16Offset(in: text)
        let xrefStart = try #require(text.range(of: "xref\n0 6")).lowerBound.utf16Offset(in: text)
        data = Array(data[0..<xrefStart])
        let stmOffset = data.count
        let rows: [UInt8] = [1, UInt8(fontOffset >> 8), UInt8(fontOffset & 0xFF), 0]
        data += Array("6 0 obj\n<< /Type /XRef /Size 7 /W [1 2 1] /Index [5 1] /Length 4 >>\nstream\n".utf8) + rows + Array("\nendstream\nendobj\n".utf8)
        let tableOffset = data.count
        var table = "xref\n0 7\n0000000000 65535 f \n"
        for n in 1...6 {
            let offset = n == 5 ? 0 : (n == 6 ? stmOffset : (text.range(of: "\(n) 0 obj")?.lowerBound.utf16Offset(in: text) ?? 0))
            table += String(format: "%010d 00000 %@ \n", offset, n == 5 ? "f" : "n")
        }
        table += "trailer\n<< /Size 7 /Root 1 0 R /XRefStm \(stmOffset) >>\nstartxref\n\(tableOffset)\n%%EOF\n"
        data += Array(table.utf8)
        #expect(try PDFTestBuilder.text(Data(data)) == "Hello structure")
    }

    @Test func indirectLengthAndDuplicateKeys() throws {
        var b = PDFTestBuilder()
        let content = Array(Self.content.utf8)
        b.add("<< /Type /Catalog /Type /Ignored /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        b.add("<< /Length 6 0 R >>\nstream\n" + String(decoding: content, as: UTF8.self) + "\nendstream")
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        b.add("\(content.count)")
        #expect(try PDFTestBuilder.text(b.build(root: 1)) == "Hello structure")
    }

    @Test func wrongStreamLengthFallsBackToEndstream() throws {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        b.add("<< /Length 3 >>\nstream\n\(Self.content)\nendstream")
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        #expect(try PDFTestBuilder.text(b.build(root: 1)) == "Hello structure")
    }

    @Test func brokenPageTreeFallsBackToPageObjects() throws {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 99 0 R >>")
        b.add("<< /Type /Page /Resources << /Font << /F1 4 0 R >> >> /Contents 3 0 R >>")
        b.addStream("", Array(Self.content.utf8))
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        #expect(try PDFTestBuilder.text(b.build(root: 1)) == "Hello structure")
    }

    @Test func notAPDFIsCorrupt() {
        #expect(throws: ExtractionError.self) { try PDFExtractor.extract(Data("%PDF-1.4\nnothing here".utf8)) }
    }

    @Test func pagesAreSeparatedByFormFeeds() throws {
        let data = PDFTestBuilder.document(pages: [
            "BT /F1 12 Tf 72 720 Td (First page) Tj ET", "BT /F1 12 Tf 72 720 Td (Second page) Tj ET",
        ])
        let out = try PDFExtractor.extract(data)
        #expect(out.text == "First page\n\u{0C}Second page")
        #expect(out.pageCount == 2)
    }
}
