import Foundation
import Testing

@testable import BrainExtract

/// Mutation fuzzing over every non-PDF corpus file: no input may crash, trap or hang the extractors.
@Suite struct ExtractFuzzTests {
    private static let casesPerFile = 64

    private enum Mutation: CaseIterable {
        case flip, flipHeader, truncate, splice, duplicate, delete
    }

    /// One mutated copy of `bytes`; `donor` supplies spliced-in bytes.
    private static func mutate(_ bytes: [UInt8], donor: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        guard bytes.count > 8 else { return bytes }
        var out = bytes
        let mutation = Mutation.allCases.randomElement(using: &generator) ?? .flip
        switch mutation {
        case .flip:
            for _ in 0..<Int.random(in: 1...16, using: &generator) {
                out[Int.random(in: 0..<out.count, using: &generator)] ^= UInt8.random(in: 1...255, using: &generator)
            }
        case .flipHeader:
            // Structures (OLE2 header and FAT, ZIP local header, RTF/HTML prologue) live near the start.
            let span = min(out.count, 2048)
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                out[Int.random(in: 0..<span, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
        case .truncate:
            out = Array(out.prefix(Int.random(in: 1..<out.count, using: &generator)))
        case .splice:
            guard donor.count > 2 else { break }
            let length = Int.random(in: 1...min(4096, donor.count - 1), using: &generator)
            let from = Int.random(in: 0...(donor.count - length), using: &generator)
            let at = Int.random(in: 0..<out.count, using: &generator)
            out.replaceSubrange(at..<min(out.count, at + length), with: donor[from..<(from + length)])
        case .duplicate:
            let start = Int.random(in: 0..<out.count, using: &generator)
            let end = min(out.count, start + Int.random(in: 1...8192, using: &generator))
            out.insert(contentsOf: out[start..<end], at: Int.random(in: 0..<out.count, using: &generator))
        case .delete:
            let start = Int.random(in: 0..<out.count, using: &generator)
            out.removeSubrange(start..<min(out.count, start + Int.random(in: 1...4096, using: &generator)))
        }
        return out
    }

    @Test func mutatedCorpusFilesNeverCrashOrHang() throws {
        guard CorpusFiles.available else { return }
        let names = CorpusFiles.devFiles(extensions: ["doc", "docx", "odt", "rtf", "html", "htm", "txt"])
        #expect(names.count >= 10)
        let files = try names.map { [UInt8](try CorpusFiles.dev($0)) }
        var limits = ExtractionLimits()
        limits.timeBudgetSeconds = 10
        var generator = SplitMix64(seed: 0x5EED_F00D)
        var outcomes: [String: Int] = [:]
        var timeouts: [String] = []
        for (index, file) in files.enumerated() {
            for _ in 0..<Self.casesPerFile {
                let donor = files[Int.random(in: 0..<files.count, using: &generator)]
                let mutated = Self.mutate(file, donor: donor, using: &generator)
                do throws(ExtractionError) {
                    let result = try DocumentExtractor.extract(Data(mutated), limits: limits)
                    #expect(!result.text.unicodeScalars.contains("\u{0}"))
                    outcomes["text", default: 0] += 1
                } catch {
                    if case .timedOut = error { timeouts.append(names[index]) }
                    #expect(!error.description.isEmpty)
                    outcomes[error.kind, default: 0] += 1
                }
            }
        }
        #expect(timeouts.isEmpty, "timed out: \(timeouts)")
        #expect(outcomes.values.reduce(0, +) == files.count * Self.casesPerFile)
        #expect((outcomes["text"] ?? 0) > 0)
    }

    @Test func mutatedSmallWordDocumentsNeverCrash() {
        // In a small file most flips land in the header, FAT, directory, FIB, piece table or FKPs.
        var options = DOCTestFiles.WordOptions()
        options.hidden = [2..<4]
        options.numbered = [6..<12, 12..<18]
        let seeds = [
            [UInt8](DOCTestFiles.wordDocument("Certs\rFirst\rOther\rAfter\u{13}x\u{14}y\u{15}\r", options: options)),
            [UInt8](DOCTestFiles.wordDocument("a\u{7}b\u{7}\u{7}c\r", options: DOCTestFiles.WordOptions(compressed: false))),
        ]
        var generator = SplitMix64(seed: 0xD0C)
        var texts = 0
        for index in 0..<1200 {
            let seed = seeds[index % seeds.count]
            var mutated = seed
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                mutated[Int.random(in: 0..<mutated.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            do throws(ExtractionError) {
                _ = try DocumentExtractor.extract(Data(mutated))
                texts += 1
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        #expect(texts > 0)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix64(seed: 42)
        let prefixes: [[UInt8]] = [
            [], Array("{\\rtf1".utf8), Array("<html>".utf8), CompoundFile.signature, [0xFF, 0xFE], [0xEF, 0xBB, 0xBF],
        ]
        for prefix in prefixes {
            for _ in 0..<40 {
                let body = (0..<Int.random(in: 0...3000, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
                do throws(ExtractionError) {
                    _ = try DocumentExtractor.extract(Data(prefix + body))
                } catch {
                    #expect(!error.description.isEmpty)
                }
            }
        }
    }
}
