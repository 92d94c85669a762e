import Foundation

/// What a ZIP archive holds, decided from its package metadata rather than its file name.
enum ZipKind: Equatable {
    /// A WordprocessingML package, with its main document part.
    case wordprocessing(mainPart: String)
    case openDocumentText
    /// Anything else, with its MIME type and a reason for a person.
    case other(mime: String, reason: String)

    static let wordMainTypes: Set<String> = [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
        "application/vnd.ms-word.document.macroenabled.main+xml",
        "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
    ]

    static func detect(
        _ archive: inout ZipArchive, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> ZipKind {
        if let mimeEntry = archive.entry(named: "mimetype"), mimeEntry.uncompressedSize <= 256 {
            archive.format = .odt
            let mime = String(decoding: try archive.read(mimeEntry), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            return openDocumentKind(mime)
        }
        if archive.entry(named: "[Content_Types].xml") != nil {
            return try officeOpenXMLKind(&archive, limits: limits, deadline: deadline)
        }
        if archive.entry(named: "content.xml") != nil, archive.entry(named: "META-INF/manifest.xml") != nil {
            archive.format = .odt
            let manifest = try archive.data(named: "META-INF/manifest.xml") ?? Data()
            let root = try XMLTree.parse(manifest, format: .odt, limits: limits, deadline: deadline)
            let mime = root.elements.first { $0.attributes["manifest:full-path"] == "/" }?
                .attributes["manifest:media-type"] ?? "application/vnd.oasis.opendocument.text"
            return openDocumentKind(mime)
        }
        if archive.entry(named: "META-INF/MANIFEST.MF") != nil {
            return .other(mime: "application/java-archive", reason: "a java archive has no document text")
        }
        return .other(mime: "application/zip", reason: "a zip archive that is not a Word or OpenDocument text document")
    }

    private static func openDocumentKind(_ mime: String) -> ZipKind {
        switch mime {
        case "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template":
            return .openDocumentText
        case "application/epub+zip":
            return .other(mime: mime, reason: "EPUB books are not supported")
        case let other where other.hasPrefix("application/vnd.oasis.opendocument.spreadsheet"):
            return .other(mime: other, reason: "OpenDocument spreadsheets are not supported")
        case let other where other.hasPrefix("application/vnd.oasis.opendocument.presentation"):
            return .other(mime: other, reason: "OpenDocument presentations are not supported")
        case let other:
            let shown = other.isEmpty || other.count > 100 ? "application/zip" : other
            return .other(mime: shown, reason: "only OpenDocument text documents are supported")
        }
    }

    private static func officeOpenXMLKind(
        _ archive: inout ZipArchive, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> ZipKind {
        let package = try OPCRelationships.read(for: "", in: &archive, limits: limits, deadline: deadline)
        let mainPart = package.first(kind: "officeDocument") ?? "word/document.xml"
        let typesData = try archive.data(named: "[Content_Types].xml") ?? Data()
        let types = try XMLTree.parse(typesData, format: .docx, limits: limits, deadline: deadline)
        var contentType: String?
        for element in types.elements where element.key == "ct:Override" {
            if let name = element.attributes["PartName"], name.lowercased() == "/" + mainPart.lowercased() {
                contentType = element.attributes["ContentType"]
            }
        }
        if contentType == nil, let dot = mainPart.lastIndex(of: ".") {
            let extensionName = mainPart[mainPart.index(after: dot)...].lowercased()
            contentType = types.elements.first {
                $0.key == "ct:Default" && $0.attributes["Extension"]?.lowercased() == extensionName
            }?.attributes["ContentType"]
        }
        let type = (contentType ?? "").lowercased()
        if wordMainTypes.contains(type) { return .wordprocessing(mainPart: mainPart) }
        if type.isEmpty, archive.entry(named: mainPart) != nil, mainPart.lowercased().hasPrefix("word/") {
            return .wordprocessing(mainPart: mainPart)
        }
        let mime = type.hasSuffix(".main+xml") ? String(type.dropLast(9)) : (type.isEmpty ? "application/zip" : type)
        if type.contains("spreadsheetml") || type.contains("ms-excel") {
            return .other(mime: mime, reason: "spreadsheets (xlsx) are not supported")
        }
        if type.contains("presentationml") || type.contains("ms-powerpoint") {
            return .other(mime: mime, reason: "presentations (pptx) are not supported")
        }
        return .other(mime: mime, reason: "only Word documents are supported among Office Open XML packages")
    }
}
