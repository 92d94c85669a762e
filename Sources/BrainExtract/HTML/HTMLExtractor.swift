import Foundation

/// HTML documents: the visible text of the body.
enum HTMLExtractor {
    static let name = "brain-html/1"

    static func extract(_ data: Data, limits: ExtractionLimits, deadline: Deadline) throws(ExtractionError) -> ExtractedText {
        let decoded = HTMLCharset.decode(data)
        var tokenizer = HTMLTokenizer(decoded.text)
        var builder = HTMLTextBuilder(maxDepth: limits.maxXMLDepth)
        var steps = 0
        while let token = tokenizer.next() {
            steps &+= 1
            if steps & 0x3FF == 0 { try deadline.check() }
            try builder.consume(token)
        }
        return ExtractedText(
            text: OutputText.finish(builder.text), format: .html, extractor: name, encoding: decoded.encoding)
    }
}
