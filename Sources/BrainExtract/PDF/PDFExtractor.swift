import Foundation

/// Native PDF text extraction: structure, decryption, fonts, content streams and reading order.
public enum PDFExtractor {
    /// Extracts the text of every page; pages are separated by form feeds, like pdftotext.
    ///
    /// Throws `noTextLayer` when no page has text but the file has pages (image-only scans); pages
    /// that only draw images are named in a warning when other pages have text.
    public static func extract(_ data: Data, limits: ExtractionLimits = .default) throws(ExtractionError) -> ExtractedText {
        guard data.count <= limits.maxInputBytes else { throw .limitExceeded(what: "input size", limit: limits.maxInputBytes) }
        let deadline = Deadline(seconds: limits.timeBudgetSeconds)
        let doc = try PDFDocument(bytes: [UInt8](data), limits: limits, deadline: deadline)
        try PDFEncryptionSetup.configure(doc)
        let pages = try PDFPageTree.pages(doc)
        guard !pages.isEmpty else { throw .corrupt(format: .pdf, detail: "the document has no pages") }
        var interpreter = PDFContentInterpreter(doc: doc)
        var texts: [String] = []
        var emptyPages: [Int] = []
        /// Pages without text that draw images: scans that need OCR (blank pages are not reported).
        var imageOnlyPages: [Int] = []
        var warnings: [String] = []
        for (index, page) in pages.enumerated() {
            do {
                try interpreter.run(page: page)
            } catch {
                if case .timedOut = error, texts.isEmpty { throw error }
                if case .limitExceeded = error, texts.isEmpty, interpreter.glyphs.isEmpty { throw error }
                warnings.append("stopped at page \(index + 1): \(error.description)")
                texts.append(PDFLayout.text(interpreter.glyphs))
                break
            }
            let text = PDFLayout.text(interpreter.glyphs)
            if text.allSatisfy({ $0.isWhitespace }) {
                emptyPages.append(index + 1)
                if interpreter.imageCount > 0 { imageOnlyPages.append(index + 1) }
            }
            texts.append(text)
        }
        if emptyPages.count == pages.count {
            throw .noTextLayer(pages: pageList(imageOnlyPages.isEmpty ? emptyPages : imageOnlyPages, total: pages.count))
        }
        if !imageOnlyPages.isEmpty { warnings.append("no text layer on \(pageList(imageOnlyPages, total: pages.count))") }
        if !interpreter.lostGlyphFonts.isEmpty {
            warnings.append("text of fonts without a Unicode mapping was lost: \(interpreter.lostGlyphFonts.sorted().joined(separator: ", "))")
        }
        if !interpreter.recoveredFonts.isEmpty {
            warnings.append("text of fonts without a Unicode map was rebuilt from the font program or character collection tables and may be incomplete: \(interpreter.recoveredFonts.sorted().joined(separator: ", "))")
        }
        warnings = doc.warnings + warnings
        let joined = texts.map { $0 + "\n" }.joined(separator: "\u{0C}")
        return ExtractedText(
            text: TextNormalizer.normalize(joined), format: .pdf, extractor: "brain-pdf/1", pageCount: pages.count, warnings: warnings)
    }

    /// "page 2", "pages 1-3", "pages 1, 4-5".
    static func pageList(_ pages: [Int], total: Int) -> String {
        var ranges: [String] = []
        var i = 0
        while i < pages.count {
            var j = i
            while j + 1 < pages.count, pages[j + 1] == pages[j] + 1 { j += 1 }
            ranges.append(i == j ? "\(pages[i])" : "\(pages[i])-\(pages[j])")
            i = j + 1
        }
        return (pages.count == 1 ? "page " : "pages ") + ranges.joined(separator: ", ")
    }
}
