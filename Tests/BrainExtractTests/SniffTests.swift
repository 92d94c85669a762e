import Foundation
import Testing

@testable import BrainExtract

@Suite struct SniffTests {
    private static func bytes(_ prefix: [UInt8], padTo count: Int = 64) -> Data {
        Data(prefix + [UInt8](repeating: 0, count: max(0, count - prefix.count)))
    }

    private static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    static let unsupported: [(Data, String)] = [
        (bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "image/png"),
        (bytes([0xFF, 0xD8, 0xFF, 0xE0]), "image/jpeg"),
        (bytes(ascii("GIF89a")), "image/gif"),
        (bytes([0x49, 0x49, 0x2A, 0x00]), "image/tiff"),
        (bytes(ascii("BM") + [0x36, 0x10, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0]), "image/bmp"),
        (bytes(ascii("RIFF") + [0x10, 0, 0, 0] + ascii("WEBPVP8 ")), "image/webp"),
        (bytes([0x1F, 0x8B, 0x08, 0x00]), "application/gzip"),
        (bytes([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]), "application/x-7z-compressed"),
        (bytes(ascii("Rar!") + [0x1A, 0x07, 0x00]), "application/vnd.rar"),
        (bytes([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1]), "application/x-elf"),
        (bytes([0xCF, 0xFA, 0xED, 0xFE, 7, 0, 0, 1]), "application/x-mach-binary"),
        (bytes(ascii("MZ") + [0x90, 0x00, 0x03]), "application/vnd.microsoft.portable-executable"),
        (bytes(ascii("ID3") + [3, 0]), "audio/mpeg"),
        (bytes([0, 0, 0, 0x20] + ascii("ftypisom")), "video/mp4"),
        (bytes(ascii("SQLite format 3") + [0]), "application/vnd.sqlite3"),
        (bytes([0x00, 0x01, 0x02, 0x03, 0xFE, 0x00, 0x10]), "application/octet-stream"),
    ]

    @Test(arguments: unsupported)
    func namesUnsupportedKinds(data: Data, kind: String) {
        guard case .unsupported(let found, let reason) = DocumentExtractor.sniff(data) else {
            Issue.record("\(kind) was not refused")
            return
        }
        #expect(found == kind)
        #expect(!reason.isEmpty)
        #expect(throws: ExtractionError.unsupported(kind: found, reason: reason)) { try DocumentExtractor.extract(data) }
    }

    static let documents: [(Data, SniffedFormat)] = [
        (Data(ascii("%PDF-1.7\n%\u{e2}\n")), .pdf),
        (Data(ascii("garbage before the header\n%PDF-1.4\n")), .pdf),
        (bytes([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), .zip),
        (bytes([0x50, 0x4B, 0x05, 0x06]), .zip),
        (DOCTestFiles.wordDocument("hello"), .doc),
        (Data(ascii("{\\rtf1\\ansi hello}")), .rtf),
        (Data([0xEF, 0xBB, 0xBF] + ascii("  {\\rtf1 x}")), .rtf),
        (Data(ascii("<!DOCTYPE html><html><body>x</body></html>")), .html),
        (Data([0xEF, 0xBB, 0xBF] + ascii("\n  <html lang=en>")), .html),
        (Data(ascii("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">")), .html),
        (Data(ascii("<div class=a>text</div>")), .html),
        (Data(ascii("Plain résumé text\nwith lines\n")), .text),
        (Data(ascii("<not html> just a line with brackets")), .text),
        (Data([0x43, 0x61, 0x66, 0xE9, 0x0D, 0x0A, 0x93, 0x71, 0x94]), .text),
        (Data([0xFF, 0xFE, 0x41, 0x00, 0x42, 0x00]), .text),
        (Data([0x00, 0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x0A]), .text),
        (Data(), .empty),
    ]

    @Test(arguments: documents)
    func recognisesDocuments(data: Data, format: SniffedFormat) {
        #expect(DocumentExtractor.sniff(data) == format)
    }

    @Test func emptyInputIsAClearError() {
        #expect(throws: ExtractionError.unsupported(kind: "empty file", reason: "there are no bytes to read")) {
            try DocumentExtractor.extract(Data())
        }
    }

    @Test func oversizedInputIsRefusedBeforeReading() {
        var limits = ExtractionLimits()
        limits.maxInputBytes = 10
        #expect(throws: ExtractionError.limitExceeded(what: "input size", limit: 10)) {
            try DocumentExtractor.extract(Data(Self.ascii("just over ten bytes")), limits: limits)
        }
    }

    @Test func extensionDoesNotMatterOnlyContent() throws {
        let result = try DocumentExtractor.extract(Data(Self.ascii("{\\rtf1 Hello}")))
        #expect(result.format == .rtf)
        #expect(result.text == "Hello")
    }

    @Test func randomBytesAfterPDFOrZIPHeadersEndQuickly() {
        var generator = SplitMix64(seed: 11)
        for header in [Self.ascii("%PDF-1.5\n"), [0x50, 0x4B, 0x03, 0x04]] {
            for _ in 0..<20 {
                let data = Data(header + (0..<2000).map { _ in UInt8.random(in: 0...255, using: &generator) })
                do throws(ExtractionError) {
                    _ = try DocumentExtractor.extract(data)
                } catch {
                    #expect(!error.description.isEmpty)
                }
            }
        }
    }
}
