import Foundation
import Testing

@testable import BrainExtract

@Suite struct PDFContentTests {
    static func text(_ content: String, pageExtra: String = "") throws -> String {
        try PDFExtractor.extract(PDFTestBuilder.document(pages: [content], pageExtra: pageExtra)).text
    }

    @Test func kerningAdjustmentsMakeWordBreaksOnlyWhenWide() throws {
        #expect(try Self.text("BT /F1 12 Tf 72 720 Td [(Hel) 20 (lo) -600 (World)] TJ ET") == "Hello World")
    }

    @Test func gapsWithoutSpaceCharactersBreakWords() throws {
        // Justified TeX-style output: words placed by Td with no space glyphs.
        #expect(try Self.text("BT /F1 12 Tf 72 720 Td (Two) Tj 30 0 Td (words) Tj ET") == "Two words")
    }

    @Test func letterSpacedHeadingsStayWords() throws {
        #expect(try Self.text("BT /F1 12 Tf 4 Tc 72 720 Td (SKILLS) Tj ET") == "SKILLS")
    }

    @Test func lineOperators() throws {
        let content = "BT /F1 12 Tf 14 TL 72 720 Td (one) Tj T* (two) Tj (three) ' 0 0 (four) \" 0 -14 TD (five) Tj ET"
        let got = try Self.text(content)
        #expect(got == "one\ntwo\nthree\nfour\nfive")
    }

    @Test func textMatrixAndCTMPlaceText() throws {
        let content = """
            BT /F1 12 Tf 1 0 0 1 72 600 Tm (lower) Tj ET
            q 2 0 0 2 0 0 cm BT /F1 12 Tf 36 360 Td (upper) Tj ET Q
            BT /F1 12 Tf 72 500 Td (bottom) Tj ET
            """
        #expect(PDFTestBuilder.collapse(try Self.text(content)) == "upper lower bottom")
    }

    @Test func subscriptsAndSuperscriptsStayOnTheirLine() throws {
        let content = "BT /F1 12 Tf 72 720 Td (E = mc) Tj 5 Ts /F1 8 Tf (2) Tj 0 Ts /F1 12 Tf ( and more) Tj ET BT /F1 12 Tf 72 706 Td (next line) Tj ET"
        let got = try Self.text(content)
        #expect(got == "E = mc2 and more\nnext line")
    }

    @Test func formXObjectsRunOnceDespiteSelfReference() throws {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Fm 6 0 R >> >> /Contents 4 0 R >>")
        b.addStream("", Array("q 1 0 0 1 0 -100 cm /Fm Do Q BT /F1 12 Tf 72 720 Td (page text) Tj ET".utf8))
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        b.addStream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm 6 0 R >> >>",
                    Array("BT /F1 12 Tf 72 720 Td (form text) Tj ET /Fm Do".utf8))
        #expect(try PDFExtractor.extract(b.build(root: 1)).text == "page text\n\nform text")
    }

    @Test func inlineImagesAreSkipped() throws {
        let content = "BI /W 4 /H 1 /BPC 8 /CS /G ID \u{1}EI\u{2}(x) Tj EI BT /F1 12 Tf 72 720 Td (after image) Tj ET"
        let got = try Self.text(content)
        #expect(got == "after image")
    }

    @Test func actualTextReplacesGlyphs() throws {
        let content = "/Span << /ActualText (Hello) >> BDC BT /F1 12 Tf 72 720 Td (H3ll0) Tj ET EMC BT /F1 12 Tf 72 706 Td (/P <<>> BDC) Tj ET"
        let got = try Self.text(content)
        #expect(got == "Hello\n/P <<>> BDC")
    }

    @Test func markedContentIsTolerated() throws {
        #expect(try Self.text("/P << /MCID 0 >> BDC /Artifact BMC BT /F1 12 Tf 72 720 Td (tagged) Tj ET EMC EMC EMC") == "tagged")
    }

    @Test func twoColumnsReadColumnByColumn() throws {
        var content = "BT /F1 10 Tf "
        for row in 0..<4 {
            let y = 700 - row * 12
            content += "1 0 0 1 72 \(y) Tm (left\(row) text here) Tj 1 0 0 1 320 \(y) Tm (right\(row) more words) Tj "
        }
        content += "ET"
        let expected = (0..<4).map { "left\($0) text here" } + (0..<4).map { "right\($0) more words" }
        #expect(PDFTestBuilder.collapse(try Self.text(content)) == expected.joined(separator: " "))
    }

    @Test func dateLabelsBesideEntriesReadRowByRow() throws {
        // A moderncv-style layout: a narrow date column whose lines share baselines with entries.
        var content = "BT /F1 10 Tf "
        for entry in 0..<3 {
            let y = 700 - entry * 40
            content += "1 0 0 1 72 \(y) Tm (200\(entry)) Tj 1 0 0 1 150 \(y) Tm (Job title \(entry) at a company) Tj "
            content += "1 0 0 1 150 \(y - 12) Tm (Did useful things for many years there) Tj "
        }
        content += "ET"
        let expected = (0..<3).map { "200\($0) Job title \($0) at a company Did useful things for many years there" }
        #expect(PDFTestBuilder.collapse(try Self.text(content)) == expected.joined(separator: " "))
    }

    @Test func keyValueFormReadsRowByRow() throws {
        let rows = [("Name:", "Jane Example"), ("Address:", "1 Main Street, Town"), ("Phone:", "555 0100 200")]
        var content = "BT /F1 10 Tf "
        for (i, row) in rows.enumerated() {
            content += "1 0 0 1 72 \(700 - i * 24) Tm (\(row.0)) Tj 1 0 0 1 200 \(700 - i * 24) Tm (\(row.1)) Tj "
        }
        content += "ET"
        #expect(PDFTestBuilder.collapse(try Self.text(content)) == rows.map { "\($0.0) \($0.1)" }.joined(separator: " "))
    }

    @Test func sidebarListOnSharedBaselinesStaysAColumn() throws {
        // A narrow skills list on the same baselines as the main text is a column, not labels.
        var content = "BT /F1 10 Tf "
        for row in 0..<14 {
            let y = 700 - row * 12
            if row < 6 { content += "1 0 0 1 72 \(y) Tm (Skill\(row)) Tj " }
            content += "1 0 0 1 200 \(y) Tm (Main text line number \(row) goes here) Tj "
        }
        content += "ET"
        let expected = (0..<6).map { "Skill\($0)" } + (0..<14).map { "Main text line number \($0) goes here" }
        #expect(PDFTestBuilder.collapse(try Self.text(content)) == expected.joined(separator: " "))
    }

    @Test func rotatedPageReadsUpright() throws {
        // Page rotated 90 degrees clockwise; text drawn bottom-to-top so it reads upright on screen.
        let content = "BT /F1 12 Tf 0 1 -1 0 100 100 Tm (Rotated line) Tj 0 1 -1 0 114 100 Tm (second line) Tj ET"
        let got = try Self.text(content, pageExtra: "/Rotate 90")
        #expect(got == "Rotated line\nsecond line")
    }

    @Test func verticalLabelIsNotInterleaved() throws {
        let content = """
            BT /F1 12 Tf 72 700 Td (Main text line one) Tj 0 -14 Td (Main text line two) Tj ET
            BT /F1 12 Tf 0 1 -1 0 40 650 Tm (SIDEWAYS) Tj ET
            """
        let got = try Self.text(content)
        #expect(got == "Main text line one\nMain text line two\n\nSIDEWAYS")
    }

    @Test func annotationAppearancesAreDrawn() throws {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R /Annots [6 0 R 8 0 R] >>")
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        b.addStream("", Array("BT /F1 12 Tf 72 720 Td (Page body text) Tj ET".utf8))
        b.add("<< /Type /Annot /Subtype /Widget /FT /Tx /Rect [72 600 300 620] /AP << /N 7 0 R >> >>")
        b.addStream("/BBox [0 0 228 20] /Resources << /Font << /F1 4 0 R >> >>", Array("BT /F1 12 Tf 2 4 Td (Field value) Tj ET".utf8))
        b.add("<< /Type /Annot /Subtype /Widget /F 2 /Rect [72 500 300 520] /AP << /N 7 0 R >> >>")
        #expect(try PDFExtractor.extract(b.build(root: 1)).text == "Page body text\n\nField value")
    }

    @Test func textOutsideThePageIsDropped() throws {
        let content = "BT /F1 12 Tf 72 720 Td (On the page) Tj ET BT /F1 12 Tf 900 720 Td (Off to the right) Tj ET BT /F1 12 Tf 72 -300 Td (Below) Tj ET"
        #expect(try Self.text(content) == "On the page")
    }

    @Test func imageOnlyDocumentIsReported() {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im 5 0 R >> >> /Contents 4 0 R >>")
        b.addStream("", Array("q 100 0 0 100 0 0 cm /Im Do Q".utf8))
        b.addStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /DCTDecode", [0xFF, 0xD8])
        #expect(throws: ExtractionError.noTextLayer(pages: "page 1")) { try PDFExtractor.extract(b.build(root: 1)) }
    }

    @Test func partlyImageOnlyDocumentWarns() throws {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R 5 0 R 7 0 R] /Count 3 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 9 0 R >> >> /Contents 4 0 R >>")
        b.addStream("", Array("BT /F1 12 Tf 72 720 Td (text page) Tj ET".utf8))
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im 8 0 R >> >> /Contents 6 0 R >>")
        b.addStream("", Array("q 100 0 0 100 0 0 cm /Im Do Q".utf8))
        b.add("<< /Type /Page /Parent 2 0 R /Contents 6 0 R /Resources << >> >>")
        b.addStream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray", [0])
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        let out = try PDFExtractor.extract(b.build(root: 1))
        #expect(out.text.hasPrefix("text page\n"))
        #expect(out.text.filter { $0 == "\u{0C}" }.count == 2)
        // Page 3 draws nothing (no resources): blank, not a scan.
        #expect(out.warnings == ["no text layer on page 2"])
    }

    @Test func bulletsStayWithTheirItem() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        let data = PDFTestBuilder.document(pages: ["BT /F1 10 Tf 72 700 Td (\\225) Tj 20 0 Td (First item) Tj -20 -12 Td (\\225) Tj 20 0 Td (Second item) Tj ET"], font: font)
        #expect(try PDFExtractor.extract(data).text == "• First item\n• Second item")
    }
}
