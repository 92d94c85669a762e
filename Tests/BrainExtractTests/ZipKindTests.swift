import Foundation
import Testing

@testable import BrainExtract

@Suite struct ZipKindTests {
    private func ooxml(mainPart: String, type: String) -> Data {
        ZipTestWriter([
            .init("[Content_Types].xml", """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Override PartName="/\(mainPart)" ContentType="\(type)"/></Types>
                """),
            .init("_rels/.rels", DOCXTestDocument.rels("""
                <Relationship Id="rId1" Target="\(mainPart)" \
                Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
                """)),
            .init(mainPart, "<x/>"),
        ]).data()
    }

    @Test func spreadsheetAndPresentationPackagesAreUnsupported() {
        #expect(throws: ExtractionError.unsupported(
            kind: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            reason: "spreadsheets (xlsx) are not supported")
        ) {
            try OfficeZipExtractor.extract(
                ooxml(mainPart: "xl/workbook.xml", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
        }
        #expect(throws: ExtractionError.unsupported(
            kind: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            reason: "presentations (pptx) are not supported")
        ) {
            try OfficeZipExtractor.extract(
                ooxml(mainPart: "ppt/presentation.xml", type: "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"))
        }
    }

    @Test(arguments: [
        ("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheets are not supported"),
        ("application/vnd.oasis.opendocument.presentation", "OpenDocument presentations are not supported"),
        ("application/epub+zip", "EPUB books are not supported"),
    ])
    func otherMimetypesAreUnsupported(mime: String, reason: String) {
        let data = ZipTestWriter([.init("mimetype", mime, deflate: false), .init("content.xml", "<x/>")]).data()
        #expect(throws: ExtractionError.unsupported(kind: mime, reason: reason)) { try OfficeZipExtractor.extract(data) }
    }

    @Test func jarAndPlainZipAreUnsupported() {
        let jar = ZipTestWriter([.init("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"), .init("A.class", "x")]).data()
        #expect(throws: ExtractionError.unsupported(kind: "application/java-archive", reason: "a java archive has no document text")) {
            try OfficeZipExtractor.extract(jar)
        }
        let plain = ZipTestWriter([.init("notes.txt", "hello")]).data()
        #expect(throws: ExtractionError.unsupported(
            kind: "application/zip", reason: "a zip archive that is not a Word or OpenDocument text document")
        ) { try OfficeZipExtractor.extract(plain) }
    }

    @Test func mainPartIsFoundThroughPackageRelationships() throws {
        let type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
        let document = """
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\
            <w:p><w:r><w:t>Renamed main part</w:t></w:r></w:p></w:body></w:document>
            """
        var writer = ZipTestWriter()
        var archive = try ZipArchive(ooxml(mainPart: "word/document2.xml", type: type))
        for entry in archive.entries {
            let content = entry.name == "word/document2.xml" ? Data(document.utf8) : try archive.read(entry)
            writer.entries.append(.init(entry.name, data: content))
        }
        #expect(try OfficeZipExtractor.extract(writer.data()).text == "Renamed main part")
    }
}
