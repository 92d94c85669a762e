import Foundation

/// Native PDF text extraction (placeholder until the PDF issue lands).
public enum PDFExtractor {
    public static func extract(_ data: Data, limits: ExtractionLimits = .default) throws(ExtractionError) -> ExtractedText {
        throw .unsupported(kind: "application/pdf", reason: "PDF extraction is not built yet")
    }
}
