import Foundation
import Testing

@testable import BrainExtract

/// Token F1 in the spirit of `shared/tools/textscore.py`: NFKC, case-folded, word tokens as bags.
enum ZipTokenF1 {
    static func tokens(_ text: String) -> [String: Int] {
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "\u{00AD}", with: "")
        var counts: [String: Int] = [:]
        var current = ""
        for character in folded {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else if !current.isEmpty {
                counts[current, default: 0] += 1
                current = ""
            }
        }
        if !current.isEmpty { counts[current, default: 0] += 1 }
        return counts
    }

    static func score(_ candidate: String, reference: String) -> Double {
        let out = tokens(candidate)
        let ref = tokens(reference)
        let outCount = out.values.reduce(0, +)
        let refCount = ref.values.reduce(0, +)
        if outCount == 0 && refCount == 0 { return 1 }
        let overlap = out.reduce(0) { $0 + min($1.value, ref[$1.key] ?? 0) }
        guard overlap > 0 else { return 0 }
        let precision = Double(overlap) / Double(outCount)
        let recall = Double(overlap) / Double(refCount)
        return 2 * precision * recall / (precision + recall)
    }
}

@Suite(.enabled(if: CorpusFiles.available)) struct ZipCorpusTests {
    private func f1(_ name: String) throws -> Double {
        let result = try OfficeZipExtractor.extract(try CorpusFiles.dev(name))
        return ZipTokenF1.score(result.text, reference: try CorpusFiles.reference(name, tool: "libreoffice"))
    }

    @Test(arguments: [
        "jd-word-backend-developer.docx", "resume-word-twocol-01.docx", "resume-pandoc-bobuss-fr.docx",
        "resume-word-specialchars.docx", "resume-libreoffice-sidebar.odt", "resume-pandoc-bobuss-fr.odt",
        "resume-libreoffice-spencer.odt",
    ])
    func matchesTheLibreOfficeReference(name: String) throws {
        #expect(try f1(name) >= 0.98)
    }

    @Test(arguments: ["docx", "odt"])
    func everyCorpusFileScoresHigh(format: String) throws {
        let names = CorpusFiles.devFiles(extensions: [format])
        #expect(!names.isEmpty)
        var scores: [String: Double] = [:]
        for name in names { scores[name] = try f1(name) }
        let mean = scores.values.reduce(0, +) / Double(max(scores.count, 1))
        #expect(mean >= 0.98)
        #expect(scores.filter { $0.value < 0.9 }.isEmpty)
    }

    @Test func metadataFromTheCorpus() throws {
        let docx = try OfficeZipExtractor.extract(try CorpusFiles.dev("jd-word-backend-developer.docx"))
        #expect(docx.format == .docx)
        #expect(docx.pageCount == 2)
        let odt = try OfficeZipExtractor.extract(try CorpusFiles.dev("resume-libreoffice-sidebar.odt"))
        #expect(odt.format == .odt)
        #expect(odt.pageCount == 2)
        let imageOnly = try OfficeZipExtractor.extract(try CorpusFiles.dev("resume-word-imageonly.docx"))
        #expect(imageOnly.text.isEmpty)
        #expect(imageOnly.warnings == ["image-only: the document has images but no text"])
    }

    @Test func tokenF1HelperScoresAsExpected() {
        #expect(ZipTokenF1.score("a b c", reference: "A, b; c.") == 1)
        #expect(ZipTokenF1.score("", reference: "") == 1)
        #expect(ZipTokenF1.score("x", reference: "y") == 0)
        #expect(abs(ZipTokenF1.score("a b", reference: "a") - 2.0 / 3.0) < 1e-9)
    }
}
