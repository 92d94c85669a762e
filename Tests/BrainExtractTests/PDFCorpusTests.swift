import Foundation
import Testing

@testable import BrainExtract

/// Real documents from the shared corpus, scored against pdftotext's output by token F1.
@Suite struct PDFCorpusTests {
    @Test(arguments: [
        "resume-latex-pdftex-jake.pdf", "resume-word2016-01.pdf", "resume-chrome71-side-bar.pdf",
        "resume-pages-quartz-01.pdf", "resume-fop-klair-7pp.pdf", "jd-gdocs-java-developer.pdf",
        "resume-word2016-ilovepdf-02.pdf", "resume-latex-xetex-omkar.pdf", "resume-canva-01.pdf",
    ])
    func matchesPdftotext(_ name: String) throws {
        guard CorpusFiles.available else { return }
        let out = try PDFExtractor.extract(CorpusFiles.dev(name))
        let score = PDFTokenScore.f1(out.text, try CorpusFiles.reference(name, tool: "pdftotext"))
        #expect(score >= 0.97, "\(name): token F1 \(score)")
        #expect(out.pageCount ?? 0 > 0)
    }

    @Test func imageOnlyScanIsReported() throws {
        guard CorpusFiles.available else { return }
        #expect(throws: ExtractionError.noTextLayer(pages: "pages 1-10")) {
            try PDFExtractor.extract(CorpusFiles.dev("resume-reportlab-imageonly-10pp.pdf"))
        }
    }

    @Test func tokenScoreHelper() {
        #expect(PDFTokenScore.f1("a b c", "a b c") == 1)
        #expect(PDFTokenScore.f1("", "a") == 0)
        #expect(abs(PDFTokenScore.f1("a b", "a c") - 0.5) < 1e-9)
    }
}
