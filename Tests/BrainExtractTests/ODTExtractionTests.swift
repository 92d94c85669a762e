import Foundation
import Testing

@testable import BrainExtract

@Suite struct ODTExtractionTests {
    typealias Doc = ODTTestDocument

    @Test func paragraphsAndHeadingsInOrder() throws {
        let body = "<text:h text:outline-level=\"1\">Title</text:h><text:p>First <text:span>span</text:span></text:p><text:p/>"
            + "<text:p>Last</text:p>"
        let result = try OfficeZipExtractor.extract(Doc.make(body: body))
        #expect(result.text == "Title\nFirst span\n\nLast")
        #expect(result.format == .odt)
        #expect(result.extractor == "brain-odt/1")
    }

    @Test func spacesTabsBreaksAndCollapsedWhiteSpace() throws {
        let body = """
            <text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d  \n  e<text:s/>\
            <text:soft-page-break/>f<text:ruby><text:ruby-base>g</text:ruby-base><text:ruby-text>G</text:ruby-text></text:ruby></text:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "a   b\tc\nd e fg")
    }

    @Test func hostileSpaceCountIsCapped() throws {
        let body = "<text:p>x<text:s text:c=\"999999999999\"/>y</text:p>"
        #expect(try Doc.text(Doc.make(body: body)) == "x" + String(repeating: " ", count: 1_000) + "y")
    }

    @Test func nestedListsKeepOrder() throws {
        let body = """
            <text:list><text:list-header><text:p>Skills</text:p></text:list-header>\
            <text:list-item><text:p>Swift</text:p><text:list><text:list-item><text:p>Concurrency</text:p>\
            </text:list-item></text:list></text:list-item><text:list-item><text:p>SQL</text:p></text:list-item></text:list>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Skills\nSwift\nConcurrency\nSQL")
    }

    @Test func tableRowsAreLinesWithTabSeparatedCells() throws {
        let body = """
            <table:table><table:table-column table:number-columns-repeated="2"/>\
            <table:table-header-rows><table:table-row><table:table-cell><text:p>Year</text:p></table:table-cell>\
            <table:table-cell><text:p>Job</text:p></table:table-cell></table:table-row></table:table-header-rows>\
            <table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>2020 Engineer</text:p></table:table-cell>\
            <table:covered-table-cell><text:p>hidden</text:p></table:covered-table-cell></table:table-row></table:table>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Year\tJob\n2020 Engineer")
    }

    @Test func frameTextBoxFollowsItsParagraph() throws {
        let body = """
            <text:p>Anchor<draw:frame draw:name="f"><svg:title>shape title</svg:title><draw:text-box>\
            <text:p>In the box</text:p></draw:text-box></draw:frame> text</text:p><text:p>Next</text:p>\
            <draw:frame><draw:image><text:p>alt</text:p></draw:image></draw:frame>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Anchor text\nIn the box\nNext")
    }

    @Test func notesGoToTheEndAndCitationsAreDropped() throws {
        let body = """
            <text:p>Claim<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>\
            <text:note-body><text:p>The source.</text:p></text:note-body></text:note>.</text:p><text:p>More</text:p>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Claim.\nMore\nThe source.")
    }

    @Test func trackedDeletionsAnnotationsAndIndexTemplatesSkipped() throws {
        let body = """
            <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>removed</text:p>\
            </text:deletion></text:changed-region></text:tracked-changes>\
            <text:p>Kept<office:annotation><text:p>a comment</text:p></office:annotation></text:p>\
            <text:table-of-content><text:table-of-content-source><text:index-title-template>Contents</text:index-title-template>\
            </text:table-of-content-source><text:index-body><text:p>Entry one</text:p></text:index-body></text:table-of-content>
            """
        #expect(try Doc.text(Doc.make(body: body)) == "Kept\nEntry one")
    }

    @Test func headersAndFootersFromUsedMasterPages() throws {
        let masters = """
            <style:master-page style:name="Standard"><style:header><text:p>Jane Doe</text:p></style:header>\
            <style:header-left><text:p>Jane Doe</text:p></style:header-left>\
            <style:footer><text:p>Page <text:page-number>1</text:page-number></text:p><text:p>Contact</text:p></style:footer>\
            </style:master-page><style:master-page style:name="Envelope"><style:header><text:p>Unused</text:p></style:header>\
            </style:master-page><style:master-page style:name="Landscape"><style:footer><text:p>Wide</text:p></style:footer>\
            </style:master-page>
            """
        let automatic = "<style:style style:name=\"P1\" style:family=\"paragraph\" style:master-page-name=\"Landscape\"/>"
        let data = Doc.make(body: "<text:p>Body</text:p>", masterPages: masters, automaticStyles: automatic)
        #expect(try Doc.text(data) == "Jane Doe\nBody\nPage\nContact\nWide")
    }

    @Test func pageCountFromMeta() throws {
        #expect(try OfficeZipExtractor.extract(Doc.make(body: "<text:p>x</text:p>", pages: 2)).pageCount == 2)
    }

    @Test func templateMimeTypeAccepted() throws {
        let data = Doc.make(body: "<text:p>template</text:p>", mimetype: "application/vnd.oasis.opendocument.text-template")
        #expect(try Doc.text(data) == "template")
    }

    @Test func missingBodyIsCorrupt() {
        let data = ZipTestWriter([
            .init("mimetype", "application/vnd.oasis.opendocument.text", deflate: false),
            .init("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"),
        ]).data()
        #expect(throws: ExtractionError.corrupt(format: .odt, detail: "content.xml has no office:text body")) {
            try OfficeZipExtractor.extract(data)
        }
    }

    @Test func listLabelsFollowListStyles() throws {
        let styles = """
            <text:list-style style:name="N"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/>\
            <text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")" text:display-levels="2"/>\
            </text:list-style><text:list-style style:name="B"><text:list-level-style-bullet text:level="1" text:bullet-char="o"/>\
            <text:list-level-style-bullet text:level="2" text:bullet-char="–"/></text:list-style>
            """
        let body = """
            <text:list text:style-name="N"><text:list-item><text:p>One</text:p><text:p>More of one</text:p>\
            <text:list><text:list-item><text:p>Sub</text:p></text:list-item></text:list></text:list-item>\
            <text:list-item><text:p>Two</text:p></text:list-item></text:list><text:p>Break</text:p>\
            <text:list text:style-name="N" text:continue-numbering="true"><text:list-item><text:p>Three</text:p></text:list-item>\
            <text:list-item text:start-value="7"><text:p>Seven</text:p></text:list-item></text:list>\
            <text:list text:style-name="B"><text:list-item><text:p>Dot</text:p><text:list><text:list-item><text:p>Dash</text:p>\
            </text:list-item></text:list></text:list-item></text:list>
            """
            + "<text:h text:outline-level=\"1\"><text:number>4.</text:number>Heading</text:h>"
        let data = Doc.make(body: body, automaticStyles: styles)
        #expect(try Doc.text(data) == "1. One\nMore of one\n1.a) Sub\n2. Two\nBreak\n3. Three\n7. Seven\n• Dot\n– Dash\n4. Heading")
    }

    @Test func deepNestingWithinTheDepthLimitIsRead() throws {
        let open = String(repeating: "<text:list><text:list-item>", count: 110)
        let close = String(repeating: "</text:list-item></text:list>", count: 110)
        let spans = String(repeating: "<text:span>", count: 30) + "deep" + String(repeating: "</text:span>", count: 30)
        #expect(try Doc.text(Doc.make(body: open + "<text:p>" + spans + "</text:p>" + close)) == "deep")
    }

    @Test func truncatedODTIsReportedAsODT() {
        let whole = Doc.make(body: "<text:p>Some text</text:p>")
        #expect(throws: ExtractionError.corrupt(
            format: .odt, detail: "zip archive is truncated or damaged (no end of central directory)")
        ) { try OfficeZipExtractor.extract(whole.prefix(whole.count / 2)) }
    }

    @Test func hostileListCountersDoNotTrap() throws {
        let styles = """
            <text:list-style style:name="N"><text:list-level-style-number text:level="1" style:num-format="i" \
            text:start-value="-9223372036854775808" style:num-suffix="."/></text:list-style>
            """
        let body = """
            <text:list text:style-name="N"><text:list-item><text:p>Low</text:p></text:list-item>\
            <text:list-item text:start-value="9223372036854775807"><text:p>High</text:p></text:list-item>\
            <text:list-item><text:p>Wrapped</text:p></text:list-item></text:list>
            """
        #expect(try Doc.text(Doc.make(body: body, automaticStyles: styles)) == "0. Low\n99999. High\n0. Wrapped")
    }
}
