import Foundation

/// The Extract layer's entry point: bytes in, text out, format decided by content.
public enum DocumentExtractor {
    public static func extract(_ data: Data, limits: ExtractionLimits = .default) throws(ExtractionError) -> ExtractedText {
        if data.count > limits.maxInputBytes { throw .limitExceeded(what: "input size", limit: limits.maxInputBytes) }
        if data.starts(with: Array("%PDF".utf8)) { return try PDFExtractor.extract(data, limits: limits) }
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try OfficeZipExtractor.extract(data, limits: limits) }
        let text = String(decoding: data, as: UTF8.self)
        return ExtractedText(text: text, format: .txt, extractor: "brain-txt/1", encoding: "utf-8")
    }
}
