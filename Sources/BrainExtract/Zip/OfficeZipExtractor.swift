import Foundation

/// Text from ZIP-based office documents, DOCX and ODT (placeholder until the ZIP work lands).
public enum OfficeZipExtractor {
    public static func extract(_ data: Data, limits: ExtractionLimits = .default) throws(ExtractionError) -> ExtractedText {
        throw .unsupported(kind: "application/zip", reason: "ZIP-based documents are not built yet")
    }
}
