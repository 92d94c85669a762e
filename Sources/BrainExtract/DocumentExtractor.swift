import Foundation

/// The Extract layer's entry point: bytes in, text out, format decided by content.
///
/// ```swift
/// let result = try DocumentExtractor.extract(Data(contentsOf: url))
/// print(result.format, result.encoding ?? "-", result.text)
/// ```
public enum DocumentExtractor {
    /// Extracts the text of any supported document; every failure is an `ExtractionError`.
    public static func extract(_ data: Data, limits: ExtractionLimits = .default) throws(ExtractionError) -> ExtractedText {
        if data.count > limits.maxInputBytes { throw .limitExceeded(what: "input size", limit: limits.maxInputBytes) }
        let deadline = Deadline(seconds: limits.timeBudgetSeconds)
        switch sniff(data) {
        case .empty:
            throw .unsupported(kind: "empty file", reason: "there are no bytes to read")
        case .encryptedOffice:
            throw .encrypted(detail: "the Office document is password-protected; save a copy without the password")
        case .unsupported(let kind, let reason):
            throw .unsupported(kind: kind, reason: reason)
        case .pdf:
            return try PDFExtractor.extract(data, limits: limits)
        case .zip:
            return try OfficeZipExtractor.extract(data, limits: limits)
        case .doc:
            return noteEmpty(try DOCExtractor.extract(data, deadline: deadline))
        case .rtf:
            return noteEmpty(try RTFExtractor.extract(data, limits: limits, deadline: deadline))
        case .html:
            return noteEmpty(try HTMLExtractor.extract(data, limits: limits, deadline: deadline))
        case .text:
            return noteEmpty(PlainTextExtractor.extract(data))
        }
    }

    private static func noteEmpty(_ result: ExtractedText) -> ExtractedText {
        guard result.text.isEmpty else { return result }
        var noted = result
        noted.warnings.append("no text found")
        return noted
    }

    /// What the bytes are, judged by content alone (see `SniffedFormat`).
    public static func sniff(_ data: Data) -> SniffedFormat {
        FormatSniffer.sniff(data)
    }
}
