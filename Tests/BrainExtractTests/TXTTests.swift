import Foundation
import Testing

@testable import BrainExtract

@Suite struct TXTTests {
    private func extract(_ bytes: [UInt8]) throws -> ExtractedText {
        let result = try DocumentExtractor.extract(Data(bytes))
        #expect(result.format == .txt)
        return result
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try extract(Array("Zoë — naïve\n".utf8))
        #expect(plain.text == "Zoë — naïve")
        #expect(plain.encoding == "utf-8")
        let bom = try extract([0xEF, 0xBB, 0xBF] + Array("Zoë".utf8))
        #expect(bom.text == "Zoë")
        #expect(bom.encoding == "utf-8")
    }

    @Test func utf16WithBOM() throws {
        let text = "Łódź 東京\r\nline"
        let le = try extract([0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(le.text == "Łódź 東京\nline")
        #expect(le.encoding == "utf-16le")
        let be = try extract([0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(be.text == "Łódź 東京\nline")
        #expect(be.encoding == "utf-16be")
    }

    @Test func utf16WithoutBOMByNULPattern() throws {
        let text = "Plain ASCII resume text\nSecond line"
        let le = try extract(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(le.text == text)
        #expect(le.encoding == "utf-16le")
        let be = try extract(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(be.text == text)
        #expect(be.encoding == "utf-16be")
    }

    @Test func windows1252Fallback() throws {
        let result = try extract([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x71, 0x94, 0x20, 0x80, 0x35, 0x20, 0x96, 0x20, 0x99])
        #expect(result.text == "Café \u{201C}q\u{201D} €5 – ™")
        #expect(result.encoding == "windows-1252")
    }

    @Test func windows1252TableCoversEveryHighByte() {
        let expected: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D,
            0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
            0x153, 0x9D, 0x17E, 0x178,
        ]
        for (offset, value) in expected.enumerated() {
            #expect(Windows1252.scalar(UInt8(0x80 + offset)).value == value)
        }
        #expect(Windows1252.scalar(0xE9) == "é")
        #expect(Windows1252.scalar(0xA0) == "\u{00A0}")
    }

    @Test func lineEndsAreNormalised() throws {
        #expect(try extract(Array("a\r\nb\rc\n\n\n\nd  \n".utf8)).text == "a\nb\nc\n\nd")
    }

    @Test func controlCharactersAreDropped() throws {
        let long = String(repeating: "word ", count: 40)
        #expect(try extract(Array("a\u{1}b\u{7F}c\td \(long)".utf8)).text == "abc\td \(long)".trimmingCharacters(in: .whitespaces))
    }

    @Test func corpusTextFilesAreTheirOwnReference() throws {
        guard CorpusFiles.available else { return }
        for name in CorpusFiles.devFiles(extensions: ["txt"]) {
            let result = try DocumentExtractor.extract(try CorpusFiles.dev(name))
            let original = TextDecoder.decode(try CorpusFiles.dev(name)).text
            #expect(result.text == TextNormalizer.normalize(original), "\(name)")
        }
        let utf8 = try DocumentExtractor.extract(try CorpusFiles.dev("resume-generated-01.txt"))
        let cp1252 = try DocumentExtractor.extract(try CorpusFiles.dev("resume-generated-01-cp1252-crlf.txt"))
        #expect(utf8.text == cp1252.text)
        #expect(cp1252.encoding == "windows-1252")
    }
}
