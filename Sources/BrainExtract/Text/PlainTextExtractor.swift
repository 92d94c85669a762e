import Foundation

/// Plain text files: decodes the bytes (see `TextDecoder`) and normalises line ends.
enum PlainTextExtractor {
    static let name = "brain-txt/1"

    static func extract(_ data: Data) -> ExtractedText {
        let decoded = TextDecoder.decode(data)
        var warnings: [String] = []
        if decoded.text.unicodeScalars.contains("\u{FFFD}") && decoded.encoding.hasPrefix("utf-16") {
            warnings.append("some UTF-16 code units were invalid and were replaced")
        }
        return ExtractedText(
            text: OutputText.finish(decoded.text), format: .txt, extractor: name,
            encoding: decoded.encoding, warnings: warnings)
    }
}
