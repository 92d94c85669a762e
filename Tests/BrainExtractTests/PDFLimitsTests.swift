import Foundation
import Testing

@testable import BrainExtract

@Suite struct PDFLimitsTests {
    static func limits(_ change: (inout ExtractionLimits) -> Void) -> ExtractionLimits {
        var l = ExtractionLimits()
        change(&l)
        return l
    }

    static func isLimit(_ error: any Error) -> Bool {
        if let e = error as? ExtractionError, case .limitExceeded = e { return true }
        return false
    }

    @Test func inputSize() {
        let data = PDFTestBuilder.document(pages: ["BT /F1 12 Tf 72 720 Td (x) Tj ET"])
        #expect { try PDFExtractor.extract(data, limits: Self.limits { $0.maxInputBytes = 100 }) } throws: { Self.isLimit($0) }
    }

    @Test func inflatedBytes() {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>")
        b.addStream("/Filter /FlateDecode", [UInt8](Inflater.deflate(Data(repeating: 0x20, count: 2 << 20), format: .zlib)))
        #expect { try PDFExtractor.extract(b.build(root: 1), limits: Self.limits { $0.maxInflatedBytes = 1 << 20 }) } throws: { Self.isLimit($0) }
    }

    @Test func contentOperators() {
        let content = String(repeating: "q Q ", count: 500) + "BT /F1 12 Tf 72 720 Td (late) Tj ET"
        let data = PDFTestBuilder.document(pages: [content])
        #expect { try PDFExtractor.extract(data, limits: Self.limits { $0.maxContentOperators = 100 }) } throws: { Self.isLimit($0) }
    }

    @Test func partialTextWhenALaterPageHitsALimit() throws {
        let data = PDFTestBuilder.document(pages: ["BT /F1 12 Tf 72 720 Td (first) Tj ET", String(repeating: "q Q ", count: 500)])
        let out = try PDFExtractor.extract(data, limits: Self.limits { $0.maxContentOperators = 100 })
        #expect(out.text.hasPrefix("first"))
        #expect(out.warnings.contains { $0.hasPrefix("stopped at page 2") })
    }

    @Test func objectCount() {
        let data = PDFTestBuilder.document(pages: ["BT /F1 12 Tf 72 720 Td (x) Tj ET"])
        #expect { try PDFExtractor.extract(data, limits: Self.limits { $0.maxPDFObjects = 3 }) } throws: { Self.isLimit($0) }
    }

    @Test func timeBudget() {
        let data = PDFTestBuilder.document(pages: [String(repeating: "BT /F1 12 Tf 72 720 Td (x) Tj ET ", count: 3000)])
        #expect(throws: ExtractionError.timedOut(seconds: 0)) { try PDFExtractor.extract(data, limits: Self.limits { $0.timeBudgetSeconds = 0 }) }
    }

    @Test func deepNestingAndFormRecursionEnd() throws {
        let nested = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let data = PDFTestBuilder.document(pages: ["\(nested) pop BT /F1 12 Tf 72 720 Td (still here) Tj ET"])
        #expect(try PDFTestBuilder.text(data) == "still here")
    }
}
