import Foundation

/// Rich Text Format documents.
enum RTFExtractor {
    static let name = "brain-rtf/1"

    static func extract(_ data: Data, limits: ExtractionLimits, deadline: Deadline) throws(ExtractionError) -> ExtractedText {
        var reader = RTFReader(data, maxDepth: limits.maxRecursionDepth, deadline: deadline)
        let text = try reader.read()
        return ExtractedText(
            text: OutputText.finish(text), format: .rtf, extractor: name, pageCount: reader.statedPageCount,
            encoding: reader.codePageLabel, warnings: reader.warnings.sorted())
    }
}
