import Foundation
import Testing

@testable import BrainExtract

/// Mutation fuzzing: damaged PDFs must end in text or an `ExtractionError`, never a crash or hang.
@Suite struct PDFFuzzTests {
    /// SplitMix64: small, fast and deterministic.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let tokens = ["<<", ">>", "[", "]", "(", ")", "0 0 R", "999999 0 R", "stream\n", "endstream", "obj", "endobj",
                         "/Length -5", "/Filter /FlateDecode", "BT", "ET", "Tj", "TJ", "q", "Q", "Do", "BI", "ID", "1e308", "-", "%"]

    static func mutate(_ seed: [UInt8], _ random: inout Random) -> [UInt8] {
        var bytes = seed
        guard !bytes.isEmpty else { return bytes }
        for _ in 0...random.below(3) {
            switch random.below(5) {
            case 0:
                for _ in 0...random.below(8) { bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
            case 1:
                bytes = Array(bytes.prefix(random.below(bytes.count) + 1))
            case 2:
                let from = random.below(bytes.count), to = random.below(bytes.count)
                let length = min(random.below(256) + 1, bytes.count - max(from, to))
                if length > 0 { bytes.replaceSubrange(to..<(to + length), with: bytes[from..<(from + length)]) }
            case 3:
                let start = random.below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + random.below(64) + 1))
            default:
                bytes.insert(contentsOf: Array(tokens[random.below(tokens.count)].utf8), at: random.below(bytes.count))
            }
            if bytes.isEmpty { return bytes }
        }
        return bytes
    }

    static var limits: ExtractionLimits {
        var l = ExtractionLimits()
        l.maxInflatedBytes = 16 << 20
        l.maxContentOperators = 200_000
        l.timeBudgetSeconds = 5
        return l
    }

    /// An uncompressed document that exercises fonts, forms, inline images and marked content.
    static let builtSeed: [UInt8] = {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Fm 9 0 R >> >> /Contents 4 0 R /Annots [10 0 R] >>")
        b.addStream("", Array("""
            BT /F1 12 Tf 14 TL 72 720 Td (Hello) Tj T* [(Wor) -20 (ld)] TJ ET
            /Span << /ActualText (x) >> BDC BT /F2 10 Tf 1 0 0 1 300 700 Tm <00010002> Tj ET EMC
            BI /W 2 /H 1 /BPC 8 /CS /G ID \u{1}\u{2} EI q 1 0 0 1 0 -50 cm /Fm Do Q
            """.utf8))
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /uni0042 /fi] >> /FirstChar 32 /LastChar 126 /Widths [250 250 250] >>")
        b.add("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>")
        b.add("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /W [1 [500 600] 3 9 700] /DW 1000 >>")
        b.addStream("", Array("1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0001> <0002> <0041> endbfrange 1 beginbfchar <0003> <FB01> endbfchar".utf8))
        b.addStream("/Type /XObject /Subtype /Form /Resources << /Font << /F1 5 0 R >> /XObject << /Fm 9 0 R >> >>", Array("BT /F1 9 Tf 72 600 Td (In form) Tj ET /Fm Do".utf8))
        b.add("<< /Type /Annot /Subtype /Widget /Rect [72 500 300 520] /AP << /N << /On 9 0 R >> >> /AS /On >>")
        return [UInt8](b.build(root: 1))
    }()

    static func run(seed: [UInt8], cases: Int, randomSeed: UInt64) -> Int {
        var random = Random(state: randomSeed)
        var finished = 0
        for _ in 0..<cases {
            let input = Data(mutate(seed, &random))
            do {
                _ = try PDFExtractor.extract(input, limits: limits)
            } catch {
                _ = error.description
            }
            finished += 1
        }
        return finished
    }

    @Test func builtDocumentMutations() {
        #expect(Self.run(seed: Self.builtSeed, cases: 2000, randomSeed: 0x5EED_0001) == 2000)
    }

    @Test func encryptedDocumentMutations() {
        let seed = [UInt8](PDFEncryptedFixtures.data(PDFEncryptedFixtures.aes128Revision4))
        #expect(Self.run(seed: seed, cases: 500, randomSeed: 0x5EED_0002) == 500)
    }

    @Test(arguments: [("resume-latex-xetex-billryan.pdf", 500), ("jd-chrome-servicenow.pdf", 100)])
    func corpusMutations(_ name: String, _ cases: Int) throws {
        guard CorpusFiles.available else { return }
        let seed = [UInt8](try CorpusFiles.dev(name))
        #expect(Self.run(seed: seed, cases: cases, randomSeed: UInt64(name.utf8.count) &* 0x9E37) == cases)
    }
}
