import Foundation

@testable import BrainExtract

/// Builds small DOCX packages for tests from WordprocessingML fragments.
enum DOCXTestDocument {
    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" \
        xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" \
        xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" \
        xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:v="urn:schemas-microsoft-com:vml"
        """

    static let mainType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

    /// A package whose body is `body`; `parts` are extra parts (name, xml) linked from the document
    /// with ids `rIdP1`, `rIdP2`, ... and the given relationship kinds.
    static func make(
        body: String, parts: [(name: String, kind: String, xml: String)] = [], appPages: Int? = nil,
        mainType: String = mainType, deflate: Bool = true
    ) -> Data {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(namespaces) mc:Ignorable="w14"><w:body>\(body)</w:body></w:document>
            """
        var overrides = "<Override PartName=\"/word/document.xml\" ContentType=\"\(mainType)\"/>"
        var documentRels = ""
        var entries: [ZipTestWriter.Entry] = []
        for (index, part) in parts.enumerated() {
            documentRels += """
                <Relationship Id="rIdP\(index + 1)" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(part.kind)" \
                Target="\(part.name)"/>
                """
            overrides += "<Override PartName=\"/word/\(part.name)\" ContentType=\"application/xml\"/>"
            entries.append(.init("word/\(part.name)", part.xml, deflate: deflate))
        }
        documentRels += """
            <Relationship Id="rIdLink" Target="https://example.com/" TargetMode="External" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"/>
            """
        var packageRels = """
            <Relationship Id="rId1" Target="word/document.xml" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
            """
        if let appPages {
            packageRels += """
                <Relationship Id="rId2" Target="docProps/app.xml" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"/>
                """
            entries.append(
                .init(
                    "docProps/app.xml",
                    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Pages>\(appPages)</Pages></Properties>"
                ))
        }
        entries.insert(contentsOf: [
            .init("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\(overrides)</Types>
                """, deflate: deflate),
            .init("_rels/.rels", rels(packageRels), deflate: deflate),
            .init("word/document.xml", document, deflate: deflate),
            .init("word/_rels/document.xml.rels", rels(documentRels), deflate: deflate),
        ], at: 0)
        return ZipTestWriter(entries).data()
    }

    /// A header, footer or notes part with the given inner XML under `root`.
    static func part(_ root: String, _ inner: String) -> String {
        "<?xml version=\"1.0\"?><w:\(root) \(namespaces)>\(inner)</w:\(root)>"
    }

    static func rels(_ inner: String) -> String {
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(inner)</Relationships>"
    }

    /// `<w:p>` with one run per string.
    static func p(_ runs: String...) -> String {
        "<w:p>" + runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
    }

    static func text(_ data: Data) throws -> String {
        try OfficeZipExtractor.extract(data).text
    }
}
