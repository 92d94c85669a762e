import Foundation

@testable import BrainExtract

/// Builds small PDF files for tests: objects are numbered from 1 and written in order.
struct PDFTestBuilder {
    enum XrefStyle {
        /// A classic `xref` table.
        case table
        /// A cross-reference stream with the PNG Up predictor; `compressed` objects go into one object stream.
        case stream(compressed: Set<Int>)
        /// A table whose offsets are all zero (damaged; readers must scan for objects).
        case zeroOffsets
        /// No xref and no `startxref` at all.
        case none
    }

    private(set) var objects: [[UInt8]] = []

    /// Adds an object body (the text between `N 0 obj` and `endobj`); returns its number.
    @discardableResult
    mutating func add(_ body: String) -> Int {
        objects.append(Array(body.utf8))
        return objects.count
    }

    /// Adds a stream object; `/Length` is filled in.
    @discardableResult
    mutating func addStream(_ dict: String = "", _ data: [UInt8]) -> Int {
        objects.append(Array("<< \(dict) /Length \(data.count) >>\nstream\n".utf8) + data + Array("\nendstream".utf8))
        return objects.count
    }

    /// Reserves a number for an object filled later with `set`.
    mutating func reserve() -> Int { add("null") }

    mutating func set(_ number: Int, _ body: String) { objects[number - 1] = Array(body.utf8) }

    /// The whole file; `root` is the catalog's object number.
    func build(root: Int, style: XrefStyle = .table, trailerExtra: String = "") -> Data {
        var out = Array("%PDF-1.7\n%\u{E2}\u{E3}\n".utf8)
        var offsets: [Int: Int] = [:]
        var compressed: Set<Int> = []
        if case .stream(let c) = style { compressed = c }
        for (i, body) in objects.enumerated() where !compressed.contains(i + 1) {
            offsets[i + 1] = out.count
            out += Array("\(i + 1) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
        }
        let size = objects.count + 1
        switch style {
        case .table, .zeroOffsets:
            let start = out.count
            var table = "xref\n0 \(size)\n0000000000 65535 f \n"
            for n in 1..<size {
                let offset = { if case .zeroOffsets = style { return 0 } else { return offsets[n] ?? 0 } }()
                table += String(format: "%010d 00000 n \n", offset)
            }
            table += "trailer\n<< /Size \(size) /Root \(root) 0 R \(trailerExtra) >>\nstartxref\n\(start)\n%%EOF\n"
            out += Array(table.utf8)
        case .stream:
            let streamNumber = size
            let xrefNumber = compressed.isEmpty ? size : size + 1
            var objStmHeader = ""
            var objStmBody: [UInt8] = []
            var index: [Int: Int] = [:]
            for n in compressed.sorted() {
                index[n] = index.count
                objStmHeader += "\(n) \(objStmBody.count) "
                objStmBody += objects[n - 1] + [0x0A]
            }
            if !compressed.isEmpty {
                let data = Array(objStmHeader.utf8) + objStmBody
                offsets[streamNumber] = out.count
                let packed = [UInt8](Inflater.deflate(Data(data), format: .zlib))
                out += Array("\(streamNumber) 0 obj\n<< /Type /ObjStm /N \(compressed.count) /First \(objStmHeader.utf8.count) /Filter /FlateDecode /Length \(packed.count) >>\nstream\n".utf8)
                out += packed + Array("\nendstream\nendobj\n".utf8)
            }
            offsets[xrefNumber] = out.count
            var rows: [[UInt8]] = [[0, 0, 0, 0, 0]]
            for n in 1...xrefNumber {
                if let i = index[n] {
                    rows.append([2, 0, UInt8(streamNumber >> 8), UInt8(streamNumber & 0xFF), UInt8(i)])
                } else {
                    let o = offsets[n] ?? 0
                    rows.append([1, UInt8((o >> 16) & 0xFF), UInt8((o >> 8) & 0xFF), UInt8(o & 0xFF), 0])
                }
            }
            // PNG Up predictor: each row starts with filter type 2 and stores differences.
            var predicted: [UInt8] = []
            var previous = [UInt8](repeating: 0, count: 5)
            for row in rows {
                predicted.append(2)
                for k in 0..<5 { predicted.append(row[k] &- previous[k]) }
                previous = row
            }
            let packed = [UInt8](Inflater.deflate(Data(predicted), format: .zlib))
            out += Array("\(xrefNumber) 0 obj\n<< /Type /XRef /Size \(xrefNumber + 1) /W [1 3 1] /Root \(root) 0 R \(trailerExtra) /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 5 >> /Length \(packed.count) >>\nstream\n".utf8)
            out += packed + Array("\nendstream\nendobj\nstartxref\n\(offsets[xrefNumber] ?? 0)\n%%EOF\n".utf8)
        case .none:
            out += Array("trailer\n<< /Root \(root) 0 R >>\n%%EOF\n".utf8)
        }
        return Data(out)
    }

    /// A one-font document: each content string becomes one page using font `/F1` (`font` is its dictionary).
    static func document(
        pages contents: [String], font: String = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        pageExtra: String = "", style: XrefStyle = .table
    ) -> Data {
        var b = PDFTestBuilder()
        let catalog = b.reserve()
        let pagesNumber = b.reserve()
        let fontNumber = b.add(font)
        var kids: [String] = []
        for content in contents {
            let c = b.addStream("", Array(content.utf8))
            let page = b.add("<< /Type /Page /Parent \(pagesNumber) 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 \(fontNumber) 0 R >> >> /Contents \(c) 0 R \(pageExtra) >>")
            kids.append("\(page) 0 R")
        }
        b.set(catalog, "<< /Type /Catalog /Pages \(pagesNumber) 0 R >>")
        b.set(pagesNumber, "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(kids.count) >>")
        return b.build(root: catalog, style: style)
    }

    /// Extracted text with runs of whitespace collapsed (the tests check words and order).
    static func text(_ data: Data) throws -> String {
        let out = try PDFExtractor.extract(data)
        return collapse(out.text)
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }
}

/// Token F1 between two texts (case-folded word tokens as bags), like the corpus scorer.
enum PDFTokenScore {
    static func tokens(_ text: String) -> [String: Int] {
        var bag: [String: Int] = [:]
        let folded = text.precomposedStringWithCompatibilityMapping.lowercased()
            .replacingOccurrences(of: "-\n", with: "")
        for token in folded.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") }) {
            bag[String(token), default: 0] += 1
        }
        return bag
    }

    static func f1(_ candidate: String, _ reference: String) -> Double {
        let a = tokens(candidate), b = tokens(reference)
        let total = a.values.reduce(0, +), expected = b.values.reduce(0, +)
        if total == 0 && expected == 0 { return 1 }
        let overlap = a.reduce(0) { $0 + min($1.value, b[$1.key] ?? 0) }
        guard total > 0, expected > 0, overlap > 0 else { return 0 }
        let p = Double(overlap) / Double(total), r = Double(overlap) / Double(expected)
        return 2 * p * r / (p + r)
    }
}
