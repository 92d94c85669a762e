import Foundation
import Testing

@testable import BrainExtract

@Suite struct PDFCFFTests {
    /// A CFF font with three glyphs (A, B and the custom `uni263A`) at codes 0x41, 0x42 and 0x61.
    static func font() -> [UInt8] {
        func int32(_ v: Int) -> [UInt8] { [29, UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func index(_ items: [[UInt8]]) -> [UInt8] {
            var out: [UInt8] = [0, UInt8(items.count), 1]
            var offset = 1
            out.append(UInt8(offset))
            for item in items { offset += item.count; out.append(UInt8(offset)) }
            return out + items.flatMap { $0 }
        }
        let header: [UInt8] = [1, 0, 4, 1]
        let name = index([Array("A".utf8)])
        let strings = index([Array("uni263A".utf8)])
        let globalSubrs: [UInt8] = [0, 0]
        let topLength = 2 + 1 + 2 + 18
        let charsetAt = header.count + name.count + topLength + strings.count + globalSubrs.count
        let sidA = PDFCFF.standardStrings.firstIndex(of: "A") ?? 0
        let charset: [UInt8] = [0, 0, UInt8(sidA), 0, UInt8(sidA + 1), 0x01, 0x87]  // SIDs A, B, 391
        let encodingAt = charsetAt + charset.count
        let encoding: [UInt8] = [0, 3, 0x41, 0x42, 0x61]
        let charStringsAt = encodingAt + encoding.count
        let top = index([int32(charsetAt) + [15] + int32(encodingAt) + [16] + int32(charStringsAt) + [17]])
        return header + name + top + strings + globalSubrs + charset + encoding + index([[14], [14], [14], [14]])
    }

    @Test func customEncodingAndCharset() throws {
        let names = try #require(PDFCFF.encoding(Self.font()))
        #expect(names[0x41] == "A")
        #expect(names[0x42] == "B")
        #expect(names[0x61] == "uni263A")
        #expect(names[0x43] == nil)
    }

    @Test func embeddedType1CFontWithoutEncoding() throws {
        var b = PDFTestBuilder()
        let program = b.addStream("/Subtype /Type1C", Self.font())
        let descriptor = b.add("<< /Type /FontDescriptor /FontName /A /Flags 4 /FontFile3 \(program) 0 R >>")
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /A /FontDescriptor \(descriptor) 0 R /FirstChar 65 /LastChar 97 /Widths [\(Array(repeating: "500", count: 33).joined(separator: " "))] >>"
        let fontNumber = b.add(font)
        let content = b.addStream("", Array("BT /F1 12 Tf 72 720 Td (ABa) Tj ET".utf8))
        let page = b.add("<< /Type /Page /Parent \(fontNumber + 3) 0 R /Resources << /Font << /F1 \(fontNumber) 0 R >> >> /Contents \(content) 0 R >>")
        let pages = b.add("<< /Type /Pages /Kids [\(page) 0 R] /Count 1 >>")
        let catalog = b.add("<< /Type /Catalog /Pages \(pages) 0 R >>")
        #expect(try PDFTestBuilder.text(b.build(root: catalog)) == "AB☺")
    }

    @Test func hostileBytesNeverTrap() {
        var random = PDFFuzzTests.Random(state: 42)
        let seed = Self.font()
        for _ in 0..<2000 {
            var bytes = seed
            for _ in 0...random.below(4) { bytes[random.below(bytes.count)] = UInt8(truncatingIfNeeded: random.next()) }
            if random.below(3) == 0 { bytes = Array(bytes.prefix(random.below(bytes.count))) }
            _ = PDFCFF.encoding(bytes)
        }
        #expect(PDFCFF.encoding([]) == nil)
    }
}
