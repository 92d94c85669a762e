import Foundation

/// Text from ZIP-based office documents: Word (DOCX, DOCM, DOTX) and OpenDocument text (ODT, OTT).
///
/// The kind is decided by content: an ODF `mimetype` entry, or the content type of the OOXML main
/// part named by `_rels/.rels` and `[Content_Types].xml`. Other ZIP kinds (spreadsheets,
/// presentations, EPUB, JAR, plain archives) are refused with `ExtractionError.unsupported`.
public enum OfficeZipExtractor {
    public static func extract(_ data: Data, limits: ExtractionLimits = .default) throws(ExtractionError) -> ExtractedText {
        if data.count > limits.maxInputBytes { throw .limitExceeded(what: "input size", limit: limits.maxInputBytes) }
        let deadline = Deadline(seconds: limits.timeBudgetSeconds)
        var archive = try ZipArchive(data, limits: limits)
        if archive.entries.isEmpty { throw .unsupported(kind: "application/zip", reason: "the zip archive is empty") }
        switch try ZipKind.detect(&archive, limits: limits, deadline: deadline) {
        case .wordprocessing(let mainPart):
            archive.format = .docx
            return try DOCXExtractor.extract(&archive, mainPart: mainPart, limits: limits, deadline: deadline)
        case .openDocumentText:
            archive.format = .odt
            return try ODTExtractor.extract(&archive, limits: limits, deadline: deadline)
        case .other(let mime, let reason):
            throw .unsupported(kind: mime, reason: reason)
        }
    }
}
