import Foundation
import Testing

@testable import BrainExtract

@Suite struct PDFFontTests {
    static func text(font: String, show: String) throws -> String {
        try PDFTestBuilder.text(PDFTestBuilder.document(pages: ["BT /F1 12 Tf 72 720 Td \(show) ET"], font: font))
    }

    static func document(_ builder: PDFTestBuilder, font: Int, content: String) -> Data {
        var b = builder
        let c = b.addStream("", Array(content.utf8))
        let catalog = b.reserve(), pages = b.reserve()
        let page = b.add("<< /Type /Page /Parent \(pages) 0 R /Resources << /Font << /F1 \(font) 0 R >> >> /Contents \(c) 0 R >>")
        b.set(catalog, "<< /Type /Catalog /Pages \(pages) 0 R >>")
        b.set(pages, "<< /Type /Pages /Kids [\(page) 0 R] /Count 1 >>")
        return b.build(root: catalog)
    }

    static func cmap(_ body: String) -> [UInt8] {
        Array("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def\n\(body)\nendcmap CMapName currentdict /CMap defineresource pop end end".utf8)
    }

    @Test(arguments: [
        ("/WinAnsiEncoding", "(caf\\351 \\200 \\226 \\223) Tj", "café € – “"),
        ("/MacRomanEncoding", "(caf\\216 \\245) Tj", "café •"),
        ("/StandardEncoding", "(it\\047s \\252quoted\\272) Tj", "it’s “quoted”"),
    ])
    func simpleEncodings(_ encoding: String, _ show: String, _ expected: String) throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding \(encoding) >>"
        let got = try Self.text(font: font, show: show)
        #expect(got == expected)
    }

    @Test func differencesThroughTheGlyphList() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Custom /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /Euro /uni0041 /u00E8 /f_f /fi /g17] >> >>"
        // g17 has no meaning: it is dropped (and reported), the ligatures become plain letters.
        let out = try PDFExtractor.extract(PDFTestBuilder.document(pages: ["BT /F1 12 Tf 72 720 Td (ABCDEF xyz) Tj ET"], font: font))
        #expect(PDFTestBuilder.collapse(out.text) == "€Aèfffi xyz")
    }

    @Test func symbolAndDingbatFonts() throws {
        #expect(try Self.text(font: "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>", show: "(\\267 abg) Tj") == "• αβγ")
        #expect(try Self.text(font: "<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats >>", show: "(4) Tj") == "✔")
    }

    @Test func standardFontWidthsPlaceSeparateStrings() throws {
        // Without /Widths the Helvetica metrics decide where "Hello" ends; "World" starts 0.5 em later.
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        #expect(try Self.text(font: font, show: "(Hello) Tj [-500] TJ (World) Tj") == "Hello World")
        #expect(try Self.text(font: font, show: "(Hel) Tj (lo) Tj") == "Hello")
    }

    @Test func type3FontMatrixScalesWidthsAndSize() throws {
        // The size lives in the font matrix (shown at size 1): glyphs are 12 units tall and 6 wide,
        // so a 0.5 unit kerning gap is no word break but an 8 unit gap is.
        let font = "<< /Type /Font /Subtype /Type3 /FontMatrix [0.012 0 0 0.012 0 0] /FontBBox [0 0 1000 1000] /CharProcs << >> /Resources << >> /Encoding << /Type /Encoding /Differences [97 /a /b] >> /FirstChar 97 /LastChar 98 /Widths [500 500] >>"
        let got = try PDFTestBuilder.text(PDFTestBuilder.document(pages: ["BT /F1 1 Tf 72 720 Td (ab) Tj [-500] TJ (ba) Tj [-8000] TJ (ab) Tj ET"], font: font))
        #expect(got == "abba ab")
    }

    @Test func explicitWidths() throws {
        let font = "<< /Type /Font /Subtype /TrueType /BaseFont /Wide /FirstChar 97 /LastChar 98 /Widths [2000 2000] >>"
        // Each glyph is 2 em wide, so consecutive strings stay one word only because widths are honoured.
        #expect(try Self.text(font: font, show: "(ab) Tj (ba) Tj") == "abba")
    }

    @Test func type0WithToUnicodeRangesAndLigatures() throws {
        var b = PDFTestBuilder()
        let tu = b.addStream("", Self.cmap("""
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0001> <0048> <0006> <FB01> endbfchar
            2 beginbfrange <0002> <0003> <0065> <0004> <0005> [<006C> <006F>] endbfrange
            1 beginbfchar <0007> <E000> endbfchar
            """))
        let descendant = b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /DW 500 /W [1 [600 500] 4 5 250 7 [0]] >>")
        let font = b.add("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [\(descendant) 0 R] /ToUnicode \(tu) 0 R >>")
        // 0007 maps to a private-use icon and is dropped; FB01 becomes "fi".
        let data = Self.document(b, font: font, content: "BT /F1 12 Tf 72 720 Td [<00010002000400040005> -800 <000600070003>] TJ ET")
        let got = try PDFTestBuilder.text(data)
        #expect(got == "Hello fif")
    }

    @Test func presentationFormsBecomePlainLetters() {
        #expect(PDFFont.clean("\u{FB01}x\u{FB02}") == "fixfl")
        #expect(PDFFont.clean("\u{FEE1}\u{FB2A}") == "\u{0645}\u{05E9}\u{05C1}")
        #expect(PDFFont.clean("\u{E000}\u{F0000}") == nil)
    }

    @Test func mixedWidthCodespace() throws {
        var b = PDFTestBuilder()
        let encoding = b.addStream("/Type /CMap", Self.cmap("""
            2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
            2 begincidrange <00> <7F> 0 <8000> <FFFF> 200 endcidrange
            """))
        let tu = b.addStream("", Self.cmap("""
            2 begincodespacerange <00> <7F> <8000> <FFFF> endcodespacerange
            2 beginbfchar <41> <0041> <8001> <0416> endbfchar
            """))
        let descendant = b.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Test /DW 600 >>")
        let font = b.add("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding \(encoding) 0 R /DescendantFonts [\(descendant) 0 R] /ToUnicode \(tu) 0 R >>")
        let data = Self.document(b, font: font, content: "BT /F1 12 Tf 72 720 Td <41800141> Tj ET")
        #expect(try PDFTestBuilder.text(data) == "AЖA")
    }

    @Test func usecmapMergesTheParent() {
        let parent = PDFCMap.parse(Self.cmap("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0001> <0041> endbfchar"), parent: { _ in nil })
        let child = PDFCMap.parse(Self.cmap("/Parent usecmap 1 beginbfchar <0002> <0042> endbfchar"), parent: { $0 == "Parent" ? parent : nil })
        #expect(child.unicode[1] == "A")
        #expect(child.unicode[2] == "B")
        #expect(child.nextCode([0x00, 0x02], at: 0).length == 2)
    }

    @Test func identityWithoutToUnicodeUsesTheTrueTypeCmap() throws {
        var b = PDFTestBuilder()
        let fontFile = b.addStream("", Self.trueTypeWithCmap(first: 0x41, count: 3, firstGlyph: 1))
        let fd = b.add("<< /Type /FontDescriptor /FontName /Test /Flags 4 /FontFile2 \(fontFile) 0 R >>")
        let descendant = b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDToGIDMap /Identity /FontDescriptor \(fd) 0 R >>")
        let font = b.add("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [\(descendant) 0 R] >>")
        let out = try PDFExtractor.extract(Self.document(b, font: font, content: "BT /F1 12 Tf 72 720 Td <000100020003> Tj ET"))
        #expect(out.text == "ABC")
        #expect(out.warnings.contains { $0.contains("was rebuilt from the font program") })
    }

    @Test func toUnicodeGapsFallBackToTheFontProgram() throws {
        var b = PDFTestBuilder()
        let fontFile = b.addStream("", Self.trueTypeWithCmap(first: 0x41, count: 3, firstGlyph: 1))
        let fd = b.add("<< /Type /FontDescriptor /FontName /Test /Flags 4 /FontFile2 \(fontFile) 0 R >>")
        let descendant = b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Test /CIDToGIDMap /Identity /FontDescriptor \(fd) 0 R >>")
        // Code 1 is mapped to U+0000 (a writer bug) and code 3 not at all; code 2 maps to "x".
        let tu = b.addStream("", Self.cmap("1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <0000> <0002> <0078> endbfchar"))
        let font = b.add("<< /Type /Font /Subtype /Type0 /BaseFont /Test /Encoding /Identity-H /DescendantFonts [\(descendant) 0 R] /ToUnicode \(tu) 0 R >>")
        let out = try PDFExtractor.extract(Self.document(b, font: font, content: "BT /F1 12 Tf 72 720 Td <000100020003> Tj ET"))
        #expect(out.text == "AxC")
        #expect(out.warnings.isEmpty)
    }

    @Test func predefinedCMapAndCollectionTablesFromPopplerData() throws {
        guard FileManager.default.fileExists(atPath: "/usr/share/poppler/cMap/Adobe-Japan1/UniJIS-UCS2-H") else { return }
        var b = PDFTestBuilder()
        let descendant = b.add("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPro-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 2 >> >>")
        let font = b.add("<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPro-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [\(descendant) 0 R] >>")
        let out = try PDFExtractor.extract(Self.document(b, font: font, content: "BT /F1 12 Tf 72 720 Td <65E5672C8A9E> Tj ET"))
        #expect(out.text == "日本語")
    }

    @Test func identityWithoutAnyMappingWarns() throws {
        var b = PDFTestBuilder()
        let descendant = b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Lost /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) >> >>")
        let font = b.add("<< /Type /Font /Subtype /Type0 /BaseFont /LostFont /Encoding /Identity-H /DescendantFonts [\(descendant) 0 R] >>")
        let helvetica = b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        var builder = b
        let c = builder.addStream("", Array("BT /F1 12 Tf 72 720 Td <00010002> Tj /F2 12 Tf 0 -20 Td (kept) Tj ET".utf8))
        let catalog = builder.reserve(), pages = builder.reserve()
        let page = builder.add("<< /Type /Page /Parent \(pages) 0 R /Resources << /Font << /F1 \(font) 0 R /F2 \(helvetica) 0 R >> >> /Contents \(c) 0 R >>")
        builder.set(catalog, "<< /Type /Catalog /Pages \(pages) 0 R >>")
        builder.set(pages, "<< /Type /Pages /Kids [\(page) 0 R] /Count 1 >>")
        let out = try PDFExtractor.extract(builder.build(root: catalog))
        #expect(out.text == "kept")
        #expect(out.warnings.contains { $0.contains("LostFont") })
    }

    /// A font file holding only a `cmap` table (format 4, one segment plus the end marker).
    static func trueTypeWithCmap(first: UInt16, count: UInt16, firstGlyph: UInt16) -> [UInt8] {
        func u16(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func u32(_ v: UInt32) -> [UInt8] { u16(UInt16(v >> 16)) + u16(UInt16(v & 0xFFFF)) }
        let last = first + count - 1
        let delta = firstGlyph &- first
        var format4 = u16(4) + u16(32) + u16(0) + u16(4) + u16(4) + u16(1) + u16(0)
        format4 += u16(last) + u16(0xFFFF) + u16(0) + u16(first) + u16(0xFFFF) + u16(delta) + u16(1) + u16(0) + u16(0)
        let cmapTable = u16(0) + u16(1) + u16(3) + u16(1) + u32(12) + format4
        let header = u32(0x0001_0000) + u16(1) + u16(16) + u16(0) + u16(0)
        let record = Array("cmap".utf8) + u32(0) + u32(28) + u32(UInt32(cmapTable.count))
        return header + record + cmapTable
    }
}
