import Foundation
import Testing

@testable import BrainExtract

@Suite struct ZipArchiveTests {
    private let sample = ZipTestWriter([
        .init("a.txt", "stored text", deflate: false),
        .init("dir/b.xml", String(repeating: "<x>deflated</x>", count: 50)),
    ])

    @Test func readsStoredAndDeflatedEntries() throws {
        var archive = try ZipArchive(sample.data())
        #expect(archive.entries.map(\.name) == ["a.txt", "dir/b.xml"])
        #expect(try archive.data(named: "a.txt") == Data("stored text".utf8))
        #expect(try archive.data(named: "/DIR/B.xml") == Data(String(repeating: "<x>deflated</x>", count: 50).utf8))
        #expect(try archive.data(named: "missing") == nil)
        #expect(archive.inflatedTotal == 11 + 750)
    }

    @Test func toleratesAnArchiveComment() throws {
        var writer = sample
        writer.comment = String(repeating: "comment PK\u{05}\u{06} ", count: 300)
        var archive = try ZipArchive(writer.data())
        #expect(try archive.data(named: "a.txt") == Data("stored text".utf8))
    }

    @Test func readsZip64Archives() throws {
        var writer = sample
        writer.zip64 = true
        var archive = try ZipArchive(writer.data())
        #expect(archive.entries.map(\.uncompressedSize) == [11, 750])
        #expect(try archive.data(named: "dir/b.xml")?.count == 750)
    }

    @Test func crcMismatchIsCorrupt() throws {
        var entry = ZipTestWriter.Entry("a.txt", "hello")
        entry.crc = 1234
        var archive = try ZipArchive(ZipTestWriter([entry]).data())
        #expect(throws: ExtractionError.corrupt(format: .docx, detail: "zip entry a.txt fails its crc check")) {
            try archive.data(named: "a.txt")
        }
    }

    @Test func entryLargerThanDeclaredIsCorrupt() throws {
        var entry = ZipTestWriter.Entry("a.txt", String(repeating: "x", count: 5000))
        entry.declaredSize = 100
        var archive = try ZipArchive(ZipTestWriter([entry]).data())
        #expect(throws: ExtractionError.corrupt(format: .docx, detail: "zip entry a.txt inflates to more than its declared size")) {
            try archive.data(named: "a.txt")
        }
    }

    @Test func encryptedEntryIsRefused() throws {
        var entry = ZipTestWriter.Entry("word/document.xml", "secret", deflate: false)
        entry.flags = 1
        var archive = try ZipArchive(ZipTestWriter([entry]).data())
        #expect(throws: ExtractionError.encrypted(detail: "zip entry word/document.xml is encrypted")) {
            try archive.data(named: "word/document.xml")
        }
        let docx = ZipTestWriter([.init("[Content_Types].xml", "<Types/>"), entry]).data()
        #expect(throws: ExtractionError.encrypted(detail: "zip entry word/document.xml is encrypted")) {
            try OfficeZipExtractor.extract(docx)
        }
    }

    @Test func zipBombByRatioIsRefusedBeforeInflating() throws {
        let bomb = ZipTestWriter([.init("word/document.xml", data: Data(count: 20 << 20))]).data()
        #expect(bomb.count < 100_000)
        var archive = try ZipArchive(bomb)
        #expect(throws: ExtractionError.limitExceeded(what: "compression ratio of zip entry word/document.xml", limit: 200)) {
            try archive.data(named: "word/document.xml")
        }
        #expect(archive.inflatedTotal == 0)
    }

    @Test func totalInflatedBytesAreCapped() throws {
        var generator = ZipSeededGenerator(seed: 7)
        let chunk = Data((0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let writer = ZipTestWriter((1...4).map { .init("part\($0).bin", data: chunk) })
        var limits = ExtractionLimits()
        limits.maxInflatedBytes = 1_000_000
        var archive = try ZipArchive(writer.data(), limits: limits)
        for name in ["part1.bin", "part2.bin", "part3.bin"] { #expect(try archive.data(named: name)?.count == 300_000) }
        #expect(throws: ExtractionError.limitExceeded(what: "total inflated size of the zip entries", limit: 1_000_000)) {
            try archive.data(named: "part4.bin")
        }
    }

    @Test func documentBiggerThanTheTotalLimitIsRefused() throws {
        var limits = ExtractionLimits()
        limits.maxInflatedBytes = 10_000
        let data = DOCXTestDocument.make(body: String(repeating: DOCXTestDocument.p("filler text"), count: 400))
        #expect(throws: ExtractionError.limitExceeded(what: "total inflated size of the zip entries", limit: 10_000)) {
            try OfficeZipExtractor.extract(data, limits: limits)
        }
    }

    @Test func tooManyEntriesAreRefused() {
        var limits = ExtractionLimits()
        limits.maxZipEntries = 10
        let writer = ZipTestWriter((1...11).map { .init("f\($0)", "x", deflate: false) })
        #expect(throws: ExtractionError.limitExceeded(what: "zip entry count", limit: 10)) {
            try ZipArchive(writer.data(), limits: limits)
        }
    }

    @Test func truncatedArchivesFailClearly() {
        let whole = DOCXTestDocument.make(body: DOCXTestDocument.p("Some text"))
        for length in stride(from: 0, to: whole.count, by: 7) {
            #expect(throws: ExtractionError.self) { try OfficeZipExtractor.extract(whole.prefix(length)) }
        }
        #expect(throws: ExtractionError.corrupt(format: .docx, detail: "zip archive is truncated or damaged (no end of central directory)")) {
            try OfficeZipExtractor.extract(whole.prefix(whole.count - 30))
        }
    }

    @Test func randomBytesAfterAZipSignatureFailClearly() {
        var generator = ZipSeededGenerator(seed: 42)
        for length in [0, 10, 100, 5000] {
            let noise = Data((0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) })
            #expect(throws: ExtractionError.self) { try OfficeZipExtractor.extract(Data([0x50, 0x4B, 0x03, 0x04]) + noise) }
            #expect(throws: ExtractionError.self) { try OfficeZipExtractor.extract(Data([0x50, 0x4B, 0x05, 0x06]) + noise) }
        }
    }

    @Test func localHeaderOffsetsAreValidated() throws {
        var bytes = [UInt8](sample.data())
        let central = bytes.count - 22 - 2 * 46 - "a.txt".utf8.count - "dir/b.xml".utf8.count
        bytes[central + 42] = 0x33
        var archive = try ZipArchive(Data(bytes))
        #expect(throws: ExtractionError.corrupt(format: .docx, detail: "zip entry a.txt has no valid local header")) {
            try archive.data(named: "a.txt")
        }
    }

    @Test func emptyArchiveIsUnsupported() {
        let empty = ZipTestWriter([]).data()
        #expect(throws: ExtractionError.unsupported(kind: "application/zip", reason: "the zip archive is empty")) {
            try OfficeZipExtractor.extract(empty)
        }
    }
}
