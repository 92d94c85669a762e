import Foundation
import Testing

@testable import BrainExtract

@Suite struct PDFFilterTests {
    static let sample = Array("BT /F1 12 Tf 72 720 Td (Filtered text) Tj ET".utf8)

    static func decode(_ data: [UInt8], _ dict: String) throws -> [UInt8]? {
        var parser = PDFParser(Array(dict.utf8))
        let parsed = try #require(parser.parseObject()?.dict)
        return try PDFFilters.decode(data, dict: parsed, resolve: { $0 }, maxOutput: 1 << 20)
    }

    /// LZW with EarlyChange 1, as PDF writers produce it.
    static func lzwEncode(_ input: [UInt8]) -> [UInt8] {
        var table: [[UInt8]: Int] = [:]
        for i in 0..<256 { table[[UInt8(i)]] = i }
        var next = 258, width = 9
        var bits: [Bool] = []
        func emit(_ code: Int) { for k in (0..<width).reversed() { bits.append(code >> k & 1 == 1) } }
        emit(256)
        var current: [UInt8] = []
        for b in input {
            let candidate = current + [b]
            if table[candidate] != nil { current = candidate; continue }
            emit(table[current] ?? 0)
            table[candidate] = next
            next += 1
            if next + 1 >= 1 << width, width < 12 { width += 1 }
            current = [b]
        }
        if !current.isEmpty { emit(table[current] ?? 0) }
        emit(257)
        var out: [UInt8] = []
        var byte: UInt8 = 0
        for (i, bit) in bits.enumerated() {
            byte = byte << 1 | (bit ? 1 : 0)
            if i % 8 == 7 { out.append(byte); byte = 0 }
        }
        if bits.count % 8 != 0 { out.append(byte << UInt8(8 - bits.count % 8)) }
        return out
    }

    @Test func flate() throws {
        let packed = [UInt8](Inflater.deflate(Data(Self.sample), format: .zlib))
        #expect(try Self.decode(packed, "<< /Filter /FlateDecode >>") == Self.sample)
    }

    @Test func flateWithPNGPredictor() throws {
        let rows: [[UInt8]] = [[1, 2, 3], [4, 6, 8], [4, 6, 8]]
        var predicted: [UInt8] = []
        var previous: [UInt8] = [0, 0, 0]
        for (i, row) in rows.enumerated() {
            if i == 1 {
                predicted.append(1)  // Sub
                for k in 0..<3 { predicted.append(row[k] &- (k > 0 ? row[k - 1] : 0)) }
            } else {
                predicted.append(2)  // Up
                for k in 0..<3 { predicted.append(row[k] &- previous[k]) }
            }
            previous = row
        }
        let packed = [UInt8](Inflater.deflate(Data(predicted), format: .zlib))
        let out = try Self.decode(packed, "<< /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 3 >> >>")
        #expect(out == rows.flatMap { $0 })
    }

    @Test func asciiHex() throws {
        #expect(try Self.decode(Array("48 65 6c6C6f7>".utf8), "<< /Filter /ASCIIHexDecode >>") == Array("Hellop".utf8))
    }

    @Test func ascii85PublishedVector() throws {
        #expect(try Self.decode(Array("9jqo^BlbD-BleB1DJ+*+F(f,q~>".utf8), "<< /Filter /ASCII85Decode >>") == Array("Man is distinguished".utf8))
        #expect(try Self.decode(Array("z~>".utf8), "<< /Filter /A85 >>") == [0, 0, 0, 0])
    }

    @Test func lzwRoundTrip() throws {
        let text = Array(String(repeating: "TOBEORNOTTOBEORTOBEORNOT#", count: 40).utf8)
        #expect(try Self.decode(Self.lzwEncode(text), "<< /Filter /LZWDecode >>") == text)
    }

    @Test func runLength() throws {
        #expect(try Self.decode([2, 0x61, 0x62, 0x63, 254, 0x78, 128], "<< /Filter /RunLengthDecode >>") == Array("abcxxx".utf8))
    }

    @Test func filterChain() throws {
        let packed = [UInt8](Inflater.deflate(Data(Self.sample), format: .zlib))
        let hex = Array((packed.map { String(format: "%02x", $0) }.joined() + ">").utf8)
        #expect(try Self.decode(hex, "<< /Filter [/ASCIIHexDecode /FlateDecode] >>") == Self.sample)
    }

    @Test func imageFiltersAreNotDecoded() throws {
        #expect(try Self.decode([0xFF, 0xD8, 0xFF], "<< /Filter /DCTDecode >>") == nil)
    }

    @Test func inflationIsCapped() throws {
        let bomb = [UInt8](Inflater.deflate(Data(repeating: 0, count: 4 << 20), format: .zlib))
        var parser = PDFParser(Array("<< /Filter /FlateDecode >>".utf8))
        let dict = try #require(parser.parseObject()?.dict)
        #expect(throws: ExtractionError.self) { try PDFFilters.decode(bomb, dict: dict, resolve: { $0 }, maxOutput: 1 << 20) }
    }

    @Test func compressedContentStreamEndToEnd() throws {
        var b = PDFTestBuilder()
        b.add("<< /Type /Catalog /Pages 2 0 R >>")
        b.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        b.add("<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
        b.addStream("/Filter /LZWDecode", Self.lzwEncode(Self.sample))
        b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        #expect(try PDFTestBuilder.text(b.build(root: 1)) == "Filtered text")
    }
}
