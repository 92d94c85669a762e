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
        case .unsupported(let kind, let reason):
            throw .unsupported(kind: kind, reason: reason)
        case .pdf:
            return try PDFExtractor.extract(data, limits: limits)
        case .zip:
            return try OfficeZipExtractor.extract(data, limits: limits)
        case .doc:
            return try DOCExtractor.extract(data, deadline: deadline)
        case .rtf:
            return try RTFExtractor.extract(data, limits: limits, deadline: deadline)
        case .html:
            return try HTMLExtractor.extract(data, limits: limits, deadline: deadline)
        case .text:
            return PlainTextExtractor.extract(data)
        }
    }

    /// What the bytes are, judged by content alone (see `SniffedFormat`).
    public static func sniff(_ data: Data) -> SniffedFormat {
        FormatSniffer.sniff(data)
    }
}
