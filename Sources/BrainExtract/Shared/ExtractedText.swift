/// The formats brain can tell apart by content.
public enum DocumentFormat: String, Sendable, Equatable, CaseIterable {
    case pdf, docx, odt, doc, rtf, html, txt
}

/// The outcome of extracting one document: text plus what a person needs to trust it.
public struct ExtractedText: Sendable, Equatable {
    /// Unicode NFC text; paragraphs separated by line breaks, pages by form feeds (PDF).
    public var text: String
    public var format: DocumentFormat
    /// The extractor and its version, e.g. `brain-pdf/1`.
    public var extractor: String
    /// Pages where the format has them (PDF, and DOCX/ODT when the metadata says).
    public var pageCount: Int?
    /// The detected text encoding for TXT/HTML/RTF, e.g. `utf-8`, `utf-16le`, `windows-1252`.
    public var encoding: String?
    /// Things a person should know: "image-only pages 2-3", "encrypted", "truncated", lost glyphs.
    public var warnings: [String]

    public init(
        text: String, format: DocumentFormat, extractor: String, pageCount: Int? = nil,
        encoding: String? = nil, warnings: [String] = []
    ) {
        self.text = text
        self.format = format
        self.extractor = extractor
        self.pageCount = pageCount
        self.encoding = encoding
        self.warnings = warnings
    }

    public var characterCount: Int { text.count }
}
