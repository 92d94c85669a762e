import Foundation
import Testing

@testable import BrainExtract

@Suite struct XMLReaderTests {
    private func events(_ xml: String, maxDepth: Int = 256) throws(ExtractionError) -> [XMLEvent] {
        try events(Data(xml.utf8), maxDepth: maxDepth)
    }

    private func events(_ data: Data, maxDepth: Int = 256) throws(ExtractionError) -> [XMLEvent] {
        var reader = XMLReader(data, format: .docx, maxDepth: maxDepth)
        var out: [XMLEvent] = []
        while let event = try reader.next() { out.append(event) }
        return out
    }

    @Test func elementsAttributesAndText() throws {
        let xml = "<?xml version=\"1.0\"?>\n<!-- c --><a:r x='1' a:y = \"two\tlines\"><b/>t<?pi x?>u</a:r>\n"
        #expect(
            try events(xml) == [
                .start(name: "a:r", attributes: [.init(name: "x", value: "1"), .init(name: "a:y", value: "two lines")]),
                .start(name: "b", attributes: []), .end(name: "b"), .text("t"), .text("u"), .end(name: "a:r"),
            ])
    }

    @Test func entitiesNumericReferencesAndCDATA() throws {
        let xml = "<r a=\"&quot;&amp;\">&lt;&gt;&apos;&#65;&#x42;&#x1F600;<![CDATA[<raw & kept>]]><![CDATA[]]><?pi?></r>"
        #expect(
            try events(xml) == [
                .start(name: "r", attributes: [.init(name: "a", value: "\"&")]), .text("<>'AB😀"),
                .text("<raw & kept>"), .text(""), .end(name: "r"),
            ])
    }

    @Test func utf16WithByteOrderMarkIsRead() throws {
        let text = "<r>é€</r>"
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in text.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        let expected: [XMLEvent] = [.start(name: "r", attributes: []), .text("é€"), .end(name: "r")]
        #expect(try events(little) == expected)
        #expect(try events(big) == expected)
        #expect(try events(Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)) == expected)
    }

    @Test func billionLaughsIsRefusedWithoutExpansion() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            xml += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: ExtractionError.corrupt(
            format: .docx, detail: "malformed xml: entity &lol9; is not expanded (DOCTYPE declarations are ignored)")
        ) { try events(xml) }
    }

    @Test func doctypeWithoutEntityUseIsIgnored() throws {
        let xml = "<!DOCTYPE r PUBLIC \"-//X//DTD [x]//EN\" \"r.dtd\" [<!ENTITY a \"]>\">]><r>ok</r>"
        #expect(try events(xml) == [.start(name: "r", attributes: []), .text("ok"), .end(name: "r")])
        #expect(throws: ExtractionError.corrupt(format: .docx, detail: "malformed xml: DOCTYPE is not closed (truncated)")) {
            try events("<!DOCTYPE r [ <!ENTITY a 'b'>")
        }
    }

    @Test func externalEntityIsNeverFetched() {
        let xml = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
        #expect(throws: ExtractionError.corrupt(
            format: .docx, detail: "malformed xml: entity &x; is not expanded (DOCTYPE declarations are ignored)")
        ) { try events(xml) }
        #expect(throws: ExtractionError.corrupt(format: .docx, detail: "malformed xml: entity &x; is not declared")) {
            try events("<r>&x;</r>")
        }
    }

    @Test func depthLimitIsEnforced() {
        let deep = String(repeating: "<a>", count: 40) + String(repeating: "</a>", count: 40)
        #expect(throws: ExtractionError.limitExceeded(what: "xml element nesting depth", limit: 32)) {
            try events(deep, maxDepth: 32)
        }
        #expect((try? events(deep, maxDepth: 40)) != nil)
    }

    @Test(arguments: [
        ("<a><b></a>", "malformed xml: end tag </a> does not match <b>"),
        ("<a>text", "malformed xml: xml ends inside <a> (truncated)"),
        ("<a x=\"1<\"></a>", "malformed xml: < inside attribute x"),
        ("<a x=\"1></a>", "malformed xml: attribute x in <a> is not closed (truncated)"),
        ("<a x=1/>", "malformed xml: attribute x in <a> is not quoted"),
        ("<a>&#0;</a>", "malformed xml: character reference &#0; is not a valid character"),
        ("<a>&#xD800;</a>", "malformed xml: character reference &#xD800; is not a valid character"),
        ("<a>AT&T</a>", "malformed xml: an & that starts no entity reference"),
        ("<a/>tail", "malformed xml: text after the root element"),
        ("<a/><b/>", "malformed xml: a second root element"),
        ("</a>", "malformed xml: end tag </a> without a start tag"),
        ("<a><!-- open", "malformed xml: comment is not closed (truncated)"),
        ("<a><![CDATA[x", "malformed xml: cdata section is not closed (truncated)"),
        ("  ", "malformed xml: xml has no root element"),
        ("<a", "malformed xml: xml ends inside the tag <a> (truncated)"),
        ("<>", "malformed xml: a tag without a name"),
        ("<!doctype r><r/>", "malformed xml: a <! declaration that is not a comment, cdata or DOCTYPE"),
    ])
    func malformedInputFailsClearly(xml: String, detail: String) {
        #expect(throws: ExtractionError.corrupt(format: .docx, detail: detail)) { try events(xml) }
    }

    @Test func treeResolvesNamespacesAndMergesText() throws {
        let xml = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:x="urn:other">\
            <w:p w:rsid="1" x:y="2">a&amp;<![CDATA[b]]></w:p><x:q/><un:bound/></w:document>
            """
        let root = try XMLTree.parse(Data(xml.utf8), format: .docx, limits: .default)
        #expect(root.key == "w:document")
        #expect(root.elements.map(\.key) == ["w:p", "urn:other:q", "un:bound"])
        #expect(root.child("w:p")?.attributes == ["w:rsid": "1", "urn:other:y": "2"])
        #expect(root.child("w:p")?.children == [.text("a&b")])
    }
}
