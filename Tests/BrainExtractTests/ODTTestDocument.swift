import Foundation

@testable import BrainExtract

/// Builds small ODT packages for tests from OpenDocument fragments.
enum ODTTestDocument {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
        """

    /// A package with `body` inside `office:text`, optional master-page XML for styles.xml,
    /// automatic styles for content.xml and a page count for meta.xml.
    static func make(
        body: String, masterPages: String? = nil, automaticStyles: String = "", pages: Int? = nil,
        mimetype: String = "application/vnd.oasis.opendocument.text"
    ) -> Data {
        var entries: [ZipTestWriter.Entry] = [
            .init("mimetype", mimetype, deflate: false),
            .init("META-INF/manifest.xml", """
                <?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">\
                <manifest:file-entry manifest:full-path="/" manifest:media-type="\(mimetype)"/></manifest:manifest>
                """),
            .init("content.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content \(namespaces)><office:automatic-styles>\(automaticStyles)</office:automatic-styles>\
                <office:body><office:text>\(body)</office:text></office:body></office:document-content>
                """),
        ]
        if let masterPages {
            entries.append(
                .init("styles.xml", """
                    <?xml version="1.0"?><office:document-styles \(namespaces)><office:styles/>\
                    <office:master-styles>\(masterPages)</office:master-styles></office:document-styles>
                    """))
        }
        if let pages {
            entries.append(
                .init("meta.xml", """
                    <?xml version="1.0"?><office:document-meta \(namespaces)><office:meta>\
                    <meta:document-statistic meta:page-count="\(pages)"/></office:meta></office:document-meta>
                    """))
        }
        return ZipTestWriter(entries).data()
    }

    static func text(_ data: Data) throws -> String {
        try OfficeZipExtractor.extract(data).text
    }
}
