import Foundation
import Testing

@testable import BrainExtract

@Suite struct DOCXExtractionTests {
    typealias Doc = DOCXTestDocument

    @Test func paragraphsAndRunsInOrder() throws {
        let data = Doc.make(body: Doc.p("Hello", " world") + Doc.p("Second") + "<w:sectPr/>")
        let result = try OfficeZipExtractor.extract(data)
        #expect(result.text == "Hello world\nSecond")
        #expect(result.format == .docx)
        #expect(result.extractor == "brain-docx/1")
    }

    @Test(arguments: [true, false])
    func storedAndDeflatedPartsReadAlike(deflate: Bool) throws {
        #expect(try Doc.text(Doc.make(body: Doc.p("Same text"), deflate: deflate)) == "Same text")
    }

    @Test func tabsBreaksAndCarriageReturns() throws {
        let body = "<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t>D</w:t></w:r></w:p>"
        #expect(try Doc.text(Doc.make(body: body)) == "A\tB\nC\nD")
    }

    @Test func symbolsMapWhereKnown() throws {
        let body = """
            <w:p><w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:t xml:space="preserve"> x </w:t>\
            <w:sym w:font="Symbol" w:char="F061"/><w:sym w:font="Wingdings" w:char="F02A"/>\
            <w:noBreakHyphen/><w:sym w:font="Calibri" w:char="00E9"/></w:r></w:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "• x α-é")
    }

    @Test func simpleTableRowsAreTabSeparatedLines() throws {
        let body = """
            <w:tbl><w:tblPr/><w:tblGrid/>\
            <w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Role</w:t></w:r></w:p></w:tc></w:tr>\
            <w:tr><w:tc><w:p><w:r><w:t>Ann</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>\
            </w:tbl>
            """ + Doc.p("After")
        #expect(try Doc.text(Doc.make(body: body)) == "Name\tRole\nAnn\nAfter")
    }

    @Test func layoutTableKeepsEachCellTogether() throws {
        let body = "<w:tbl><w:tr><w:tc>" + Doc.p("Left 1") + Doc.p("Left 2") + "</w:tc><w:tc>" + Doc.p("Right")
            + "</w:tc></w:tr></w:tbl>"
        #expect(try Doc.text(Doc.make(body: body)) == "Left 1\nLeft 2\nRight")
    }

    @Test func textBoxWrittenOnceFromAlternateContent() throws {
        let box = "<w:txbxContent>" + Doc.p("Box text") + "</w:txbxContent>"
        let body = """
            <w:p><w:r><w:t>Anchor</w:t></w:r><w:r><mc:AlternateContent>\
            <mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>\(box)\
            </wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>\
            <mc:Fallback><w:pict><v:shape><v:textbox>\(box)</v:textbox></v:shape></w:pict></mc:Fallback>\
            </mc:AlternateContent></w:r></w:p>
            """ + Doc.p("Next")
        #expect(try Doc.text(Doc.make(body: body)) == "Anchor\nBox text\nNext")
    }

    @Test func fallbackUsedWhenThereIsNoChoice() throws {
        let body = """
            <w:p><w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>\
            <w:p><w:r><w:t>Only fallback</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict>\
            </mc:Fallback></mc:AlternateContent></w:r></w:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Only fallback")
    }

    @Test func hyperlinksSmartTagsAndContentControlsKeepText() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Mail </w:t></w:r><w:hyperlink r:id="rIdLink"><w:r><w:t>me@example.com</w:t></w:r></w:hyperlink>\
            <w:sdt><w:sdtContent><w:r><w:t xml:space="preserve"> now</w:t></w:r></w:sdtContent></w:sdt></w:p>\
            <w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Block control</w:t></w:r></w:p></w:sdtContent></w:sdt>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Mail me@example.com now\nBlock control")
    }

    @Test func fieldCodesSkippedAndResultsKept() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">See </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>\
            <w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com" </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>the site</w:t></w:r>\
            <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> and </w:t></w:r>\
            <w:fldSimple w:instr=" DATE "><w:r><w:t>today</w:t></w:r></w:fldSimple></w:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "See the site and today")
    }

    @Test func nestedFieldCodesSkipped() throws {
        let body = """
            <w:p><w:r><w:fldChar w:fldCharType="begin"/><w:instrText>IF </w:instrText></w:r>\
            <w:r><w:fldChar w:fldCharType="begin"/><w:instrText>DATE</w:instrText><w:fldChar w:fldCharType="separate"/>\
            <w:t>inner</w:t><w:fldChar w:fldCharType="end"/></w:r><w:r><w:instrText> = 1 "yes"</w:instrText>\
            <w:fldChar w:fldCharType="separate"/><w:t>outer result</w:t><w:fldChar w:fldCharType="end"/></w:r></w:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "outer result")
    }

    @Test func deletionsSkippedInsertionsKept() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Kept </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>gone </w:delText></w:r></w:del>\
            <w:ins w:id="2" w:author="a"><w:r><w:t>added</w:t></w:r></w:ins>\
            <w:moveFrom><w:r><w:t>moved away</w:t></w:r></w:moveFrom></w:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Kept added")
    }

    @Test func hiddenRunsSkipped() throws {
        let body = """
            <w:p><w:r><w:t xml:space="preserve">Shown </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>\
            <w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>visible</w:t></w:r></w:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Shown visible")
    }

    @Test func headersFootersAndNotes() throws {
        let header = Doc.part("hdr", Doc.p("Jane Doe, header"))
        let footer = Doc.part(
            "ftr",
            Doc.p("Footer text")
                + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>"
        )
        let notes = Doc.part(
            "footnotes",
            "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/><w:t>sep</w:t></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:footnote>"
                + "<w:footnote w:id=\"1\">" + Doc.p("A footnote.") + "</w:footnote>")
        let endnotes = Doc.part("endnotes", "<w:endnote w:id=\"1\">" + Doc.p("An endnote.") + "</w:endnote>")
        let body = "<w:p><w:r><w:t>Body</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>"
            + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdP1\"/>"
            + "<w:headerReference w:type=\"first\" r:id=\"rIdP1\"/><w:footerReference w:type=\"default\" r:id=\"rIdP2\"/></w:sectPr>"
        let data = Doc.make(
            body: body,
            parts: [
                ("header1.xml", "header", header), ("footer1.xml", "footer", footer),
                ("footnotes.xml", "footnotes", notes), ("endnotes.xml", "endnotes", endnotes),
            ])
        #expect(try Doc.text(data) == "Jane Doe, header\nBody\nA footnote.\nAn endnote.\nFooter text")
    }

    @Test func pageCountFromExtendedProperties() throws {
        #expect(try OfficeZipExtractor.extract(Doc.make(body: Doc.p("x"), appPages: 3)).pageCount == 3)
        #expect(try OfficeZipExtractor.extract(Doc.make(body: Doc.p("x"))).pageCount == nil)
    }

    @Test func defaultNamespaceAndOtherPrefixesResolve() throws {
        let document = """
            <?xml version="1.0"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <body><p><r><t>Default</t></r></p><ns0:p xmlns:ns0="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <ns0:r><ns0:t>Prefixed</ns0:t></ns0:r></ns0:p></body></document>
            """
        var writer = ZipTestWriter([])
        let zip = Doc.make(body: "")
        var archive = try ZipArchive(zip)
        for entry in archive.entries {
            let content = entry.name == "word/document.xml" ? Data(document.utf8) : try archive.read(entry)
            writer.entries.append(.init(entry.name, data: content))
        }
        #expect(try Doc.text(writer.data()) == "Default\nPrefixed")
    }

    @Test func macroEnabledAndTemplateTypesAccepted() throws {
        let types = [
            "application/vnd.ms-word.document.macroEnabled.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        ]
        for type in types {
            #expect(try Doc.text(Doc.make(body: Doc.p("macro"), mainType: type)) == "macro")
        }
    }

    @Test func imageOnlyDocumentWarns() throws {
        let result = try OfficeZipExtractor.extract(Doc.make(body: "<w:p><w:r><w:drawing/></w:r></w:p>"))
        #expect(result.text.isEmpty)
        #expect(result.warnings == ["the document has no text"])
    }

    @Test func listNumberingLabels() throws {
        let numbering = Doc.part(
            "numbering",
            """
            <w:abstractNum w:abstractNumId="10"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>\
            <w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>\
            <w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum>\
            <w:abstractNum w:abstractNumId="20"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u{F0B7}"/>\
            </w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="30"><w:lvl w:ilvl="0"><w:start w:val="3"/>\
            <w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1 -"/></w:lvl></w:abstractNum>\
            <w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>\
            <w:num w:numId="3"><w:abstractNumId w:val="30"/></w:num>
            """)
        let styles = Doc.part(
            "styles",
            """
            <w:style w:type="paragraph" w:styleId="Base"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Roman"><w:basedOn w:val="Base"/></w:style>
            """)
        func item(_ numId: Int, _ level: Int, _ text: String) -> String {
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"\(level)\"/><w:numId w:val=\"\(numId)\"/></w:numPr></w:pPr>"
                + "<w:r><w:t>\(text)</w:t></w:r></w:p>"
        }
        let body = item(1, 0, "One") + item(1, 1, "Sub") + item(1, 1, "Sub two") + item(1, 0, "Two") + item(1, 1, "Again")
            + item(2, 0, "Bullet") + item(1, 0, "") + "<w:p><w:pPr><w:pStyle w:val=\"Roman\"/></w:pPr><w:r><w:t>Styled</w:t></w:r></w:p>"
            + item(0, 0, "Not a list")
        let data = Doc.make(body: body, parts: [("numbering.xml", "numbering", numbering), ("styles.xml", "styles", styles)])
        #expect(try Doc.text(data) == "1. One\n1.a) Sub\n1.b) Sub two\n2. Two\n2.a) Again\n• Bullet\n\nIII - Styled\nNot a list")
    }

    @Test func billionLaughsDocumentFailsClearly() {
        var entities = "<!ENTITY a \"haha\">"
        for level in 1...9 { entities += "<!ENTITY a\(level) \"" + String(repeating: "&a\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        var writer = ZipTestWriter()
        let zip = Doc.make(body: Doc.p("x"))
        do {
            var archive = try ZipArchive(zip)
            for entry in archive.entries {
                let document = "<?xml version=\"1.0\"?><!DOCTYPE w:document [\(entities)]><w:document \(Doc.namespaces)><w:body>"
                    + "<w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
                let content = entry.name == "word/document.xml" ? Data(document.utf8) : try archive.read(entry)
                writer.entries.append(.init(entry.name, data: content))
            }
        } catch {
            Issue.record("could not rebuild the package: \(error)")
        }
        #expect(throws: ExtractionError.corrupt(
            format: .docx, detail: "malformed xml: entity &a9; is not expanded (DOCTYPE declarations are ignored)")
        ) { try OfficeZipExtractor.extract(writer.data()) }
    }

    @Test func deepNestingWithinTheDepthLimitIsRead() throws {
        let levels = 48
        let open = String(repeating: "<w:tbl><w:tr><w:tc><w:sdt><w:sdtContent>", count: levels)
        let close = String(repeating: "</w:sdtContent></w:sdt></w:tc></w:tr></w:tbl>", count: levels)
        let inline = String(repeating: "<w:hyperlink>", count: 10) + "<w:r><w:t>deep</w:t></w:r>" + String(repeating: "</w:hyperlink>", count: 10)
        let data = Doc.make(body: open + "<w:p>" + inline + "</w:p>" + close)
        #expect(try Doc.text(data) == "deep")
        var limits = ExtractionLimits()
        limits.maxXMLDepth = 100
        #expect(throws: ExtractionError.limitExceeded(what: "xml element nesting depth", limit: 100)) {
            try OfficeZipExtractor.extract(data, limits: limits)
        }
    }

    @Test func spentTimeBudgetStopsExtraction() {
        var limits = ExtractionLimits()
        limits.timeBudgetSeconds = 0
        let data = Doc.make(body: String(repeating: Doc.p("word"), count: 2_000))
        #expect(throws: ExtractionError.timedOut(seconds: 0)) { try OfficeZipExtractor.extract(data, limits: limits) }
    }
}
