import Foundation
import Testing

@testable import BrainExtract

@Suite struct HTMLTests {
    private func text(_ html: String, limits: ExtractionLimits = .default) throws -> String {
        let result = try DocumentExtractor.extract(Data(html.utf8), limits: limits)
        #expect(result.format == .html)
        return result.text
    }

    @Test func bodyTextWithoutHeadScriptStyleOrTemplate() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Title</title><style>p{color:red}</style>
            <script>var x = "<p>no</p>";</script></head>
            <body><h1>Jane  Doe</h1><p>Senior
               engineer</p><template><p>tpl</p></template><noscript>enable js</noscript>
            <script type="text/javascript">document.write("</div>")</script><p>End</p></body></html>
            """
        #expect(try text(html) == "Jane Doe\nSenior engineer\nEnd")
    }

    @Test func hiddenContentIsSkippedButAriaHiddenIsKept() throws {
        let html = """
            <html><body><p>one</p><div hidden><p>two</p></div><p style="display: none">three</p>
            <span style="visibility:hidden">four</span><span aria-hidden="true">five</span>
            <p STYLE="color:red;DISPLAY:NONE">six</p><p>seven</p></body></html>
            """
        #expect(try text(html) == "one\nfive\nseven")
    }

    @Test func entitiesNamedAndNumeric() throws {
        let html = "<p>caf&eacute; &amp; cr&egrave;me &mdash; &ldquo;q&rdquo; &nbsp;x&#8217;s &#x20AC;5 &#150; &copy 2024 &bogus; &lt;b&gt;</p>"
        #expect(try text(html) == "café & crème — \u{201C}q\u{201D} \u{00A0}x\u{2019}s €5 – © 2024 &bogus; <b>")
    }

    @Test func blocksAndBreaks() throws {
        let html = "<body><div>a<br>b<br/>c</div><h2>Head</h2>tail<section>sec</section></body>"
        #expect(try text(html) == "a\nb\nc\nHead\ntail\nsec")
    }

    @Test func listsKeepItemsApart() throws {
        let html = "<ul><li>Swift<li>Go</ul><ol start=3><li>first</li><li>second</li></ol>"
        #expect(try text(html) == "\u{2022} Swift\n\u{2022} Go\n3. first\n4. second")
    }

    @Test func tablesSeparateCellsAndRows() throws {
        let html = "<p>x</p><table><tr><th>Skill<th>Years<tr><td>Swift</td><td>5</td></tr><tr><td>Go<td>2</table>after"
        #expect(try text(html) == "x\nSkill\tYears\nSwift\t5\nGo\t2\nafter")
    }

    @Test func preformattedTextKeepsSpaces() throws {
        let html = "<pre>\nline  one\n  indented</pre><p>a   b</p>"
        #expect(try text(html) == "line  one\n  indented\na b")
    }

    @Test func inlineWhitespaceCollapsesLikeABrowser() throws {
        let html = "<p>  Hello <b>bold</b><i>italic</i>\n\t world  </p><p><span> x </span> y</p>"
        #expect(try text(html) == "Hello bolditalic world\nx y")
    }

    @Test func commentsAndBrokenMarkup() throws {
        let html = "<html><body><!-- <p>hidden</p> -->a < b and c<d <p>e</p><p unclosed='x>f"
        // `<d <p>` is one start tag, as in a browser; the unterminated quote swallows the rest.
        #expect(try text(html) == "a < b and ce")
    }

    @Test func charsetFromMetaAndFallback() throws {
        let latin = Data(Array("<html><head><meta charset=\"windows-1252\"></head><body>caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94])
        let result = try DocumentExtractor.extract(latin)
        #expect(result.text == "café \u{201C}q\u{201D}")
        #expect(result.encoding == "windows-1252")
        let xhtml = Data(Array("<?xml version='1.0' encoding='windows-1251'?><html><body>".utf8) + [0xCC, 0xE8, 0xF0])
        #expect(try DocumentExtractor.extract(xhtml).text == "Мир")
        let undeclared = Data(Array("<html><body>na".utf8) + [0xEF] + Array("ve".utf8))
        #expect(try DocumentExtractor.extract(undeclared).encoding == "windows-1252")
        let utf8 = try DocumentExtractor.extract(Data("<html><body>Zoë</body>".utf8))
        #expect(utf8.text == "Zoë")
        #expect(utf8.encoding == "utf-8")
    }

    @Test func deepNestingHitsTheDepthLimit() {
        let html = "<html><body>" + String(repeating: "<div>", count: 5000) + "deep"
        #expect(throws: ExtractionError.limitExceeded(what: "HTML nesting depth", limit: 256)) { try text(html) }
    }

    @Test func unclosedParagraphsAndItemsDoNotDeepen() throws {
        let html = "<body>" + String(repeating: "<p>para<li>item<td>cell", count: 2000)
        #expect(try text(html).hasPrefix("para\n\u{2022} item\ncell\npara"))
    }

    @Test func corpusDocumentsMatchTheReference() throws {
        guard CorpusFiles.available else { return }
        for name in CorpusFiles.devFiles(extensions: ["html", "htm"]) {
            let result = try DocumentExtractor.extract(try CorpusFiles.dev(name))
            let reference = try CorpusFiles.reference(name, tool: "libreoffice")
            #expect(TokenF1.score(result.text, reference) >= 0.98, "\(name)")
        }
    }
}
