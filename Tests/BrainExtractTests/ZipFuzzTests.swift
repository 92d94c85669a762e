import Foundation
import Testing

@testable import BrainExtract

/// Mutation fuzzing over the corpus DOCX and ODT files: every case must end in text or an
/// `ExtractionError` (typed throws make anything else impossible short of a crash or a hang).
@Suite(.enabled(if: CorpusFiles.available)) struct ZipFuzzTests {
    /// The smaller corpus documents keep the run quick in debug builds.
    static let sources = [
        "resume-generated-libreoffice-01.docx", "jd-word-director-engineering.docx", "resume-word-in-02.docx",
        "resume-generated-libreoffice-01.odt", "resume-libreoffice-sidebar.odt",
    ]

    private struct Outcomes {
        var texts = 0
        var errors: [String: Int] = [:]

        mutating func run(_ data: Data) {
            do {
                _ = try OfficeZipExtractor.extract(data)
                texts += 1
            } catch {
                errors[error.kind, default: 0] += 1
            }
        }
    }

    /// One random mutation: flip bits, overwrite, truncate, delete, duplicate or splice a range.
    static func mutate(_ input: [UInt8], donor: [UInt8], using generator: inout ZipSeededGenerator) -> [UInt8] {
        var bytes = input
        guard !bytes.isEmpty else { return donor }
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        let length = Int.random(in: 1...64, using: &generator)
        let end = min(bytes.count, position + length)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0:
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            }
        case 1:
            for index in position..<end { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
        case 2:
            bytes.removeSubrange(position...)
        case 3:
            bytes.removeSubrange(position..<end)
        case 4:
            bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &generator))
        default:
            let from = Int.random(in: 0..<max(donor.count, 1), using: &generator)
            let piece = donor.isEmpty ? [] : Array(donor[from..<min(donor.count, from + length * 8)])
            bytes.replaceSubrange(position..<end, with: piece)
        }
        return bytes
    }

    @Test func mutatedArchivesNeverCrashOrHang() throws {
        let files = try Self.sources.map { [UInt8](try CorpusFiles.dev($0)) }
        var generator = ZipSeededGenerator(seed: 0x5EED_0001)
        var outcomes = Outcomes()
        for round in 0..<600 {
            let source = files[round % files.count]
            let donor = files[(round + 1) % files.count]
            var mutated = Self.mutate(source, donor: donor, using: &generator)
            if round % 3 == 0 { mutated = Self.mutate(mutated, donor: donor, using: &generator) }
            outcomes.run(Data(mutated))
        }
        #expect(outcomes.texts + outcomes.errors.values.reduce(0, +) == 600)
        #expect((outcomes.errors["corrupt"] ?? 0) > 0)
    }

    /// Mutates one XML part (usually the main one) and repacks the archive, so the XML reader,
    /// package detection and walkers see the damage (byte mutations of the archive mostly stop
    /// at the CRC check).
    @Test func mutatedXMLPartsNeverCrashOrHang() throws {
        var generator = ZipSeededGenerator(seed: 0x5EED_0002)
        var outcomes = Outcomes()
        var cases = 0
        for name in Self.sources {
            var archive = try ZipArchive(try CorpusFiles.dev(name))
            let main = name.hasSuffix(".odt") ? "content.xml" : "word/document.xml"
            var parts: [(name: String, data: Data)] = []
            for entry in archive.entries where !entry.isDirectory {
                parts.append((entry.name, try archive.read(entry)))
            }
            let xmlParts = parts.indices.filter { parts[$0].name.hasSuffix(".xml") || parts[$0].name.hasSuffix(".rels") }
            guard let mainIndex = parts.firstIndex(where: { $0.name == main }) else {
                Issue.record("\(name) has no \(main)")
                continue
            }
            for round in 0..<80 {
                let target = round % 2 == 0 ? mainIndex : xmlParts[Int.random(in: 0..<xmlParts.count, using: &generator)]
                let original = [UInt8](parts[target].data)
                var mutated = original
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    mutated = Self.mutate(mutated, donor: original, using: &generator)
                }
                var writer = ZipTestWriter()
                for (index, part) in parts.enumerated() {
                    let data = index == target ? Data(mutated) : part.data
                    writer.entries.append(.init(part.name, data: data, deflate: part.name != "mimetype"))
                }
                outcomes.run(writer.data())
                cases += 1
            }
        }
        #expect(outcomes.texts + outcomes.errors.values.reduce(0, +) == cases)
        #expect(outcomes.texts > 0)
        #expect((outcomes.errors["corrupt"] ?? 0) > 0)
    }
}
