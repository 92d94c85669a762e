import Foundation

/// A small, safe pull reader for XML.
///
/// It reads UTF-8 (UTF-16 with a byte-order mark is transcoded first), reports elements,
/// attributes and character data, decodes the five predefined entities and numeric references,
/// and skips comments and processing instructions. A DOCTYPE (with any internal subset) is
/// skipped unread, so no entity is ever declared or expanded: a reference to anything but the
/// predefined entities is an error (no external entities, no billion laughs). Nesting deeper than
/// `maxDepth` and malformed markup end in `ExtractionError.corrupt` or `.limitExceeded`.
public struct XMLReader {
    private let bytes: [UInt8]
    private var position = 0
    private var open: [String] = []
    private var pendingEnd: String?
    private var sawRoot = false
    private var sawDoctype = false
    private var steps = 0
    private let maxDepth: Int
    private let format: DocumentFormat
    private let deadline: Deadline?

    /// - Parameters:
    ///   - format: the document kind named in errors.
    ///   - deadline: checked every few thousand events when given.
    public init(_ data: Data, format: DocumentFormat, maxDepth: Int, deadline: Deadline? = nil) {
        bytes = XMLReader.utf8Bytes(data)
        self.format = format
        self.maxDepth = maxDepth
        self.deadline = deadline
    }

    /// The current element nesting depth.
    public var depth: Int { open.count }

    /// The next event, or nil at the end of a well-formed document.
    public mutating func next() throws(ExtractionError) -> XMLEvent? {
        if let name = pendingEnd {
            pendingEnd = nil
            open.removeLast()
            return .end(name: name)
        }
        steps &+= 1
        if steps & 0xFFF == 0 { try deadline?.check() }
        while position < bytes.count {
            if bytes[position] != 0x3C {
                let text = try readText()
                if open.isEmpty {
                    if text.unicodeScalars.contains(where: { !XMLReader.isSpace($0.value) }) {
                        throw fail(sawRoot ? "text after the root element" : "text before the root element")
                    }
                    continue
                }
                return .text(text)
            }
            let marker = position + 1 < bytes.count ? bytes[position + 1] : 0
            if marker != 0x3F && marker != 0x21 && marker != 0x2F {
                return try readStartTag()
            }
            if marker == 0x3F {
                try skip(past: "?>", what: "processing instruction", from: position + 2)
            } else if starts(with: "<!--") {
                try skip(past: "-->", what: "comment", from: position + 4)
            } else if starts(with: "<![CDATA[") {
                position += 9
                let start = position
                try skip(past: "]]>", what: "cdata section", from: start)
                if open.isEmpty { throw fail("cdata outside the root element") }
                return .text(String(decoding: bytes[start..<(position - 3)], as: UTF8.self))
            } else if starts(with: "<!DOCTYPE") {
                if sawRoot { throw fail("a DOCTYPE after the root element") }
                try skipDoctype()
            } else if starts(with: "<!") {
                throw fail("a <! declaration that is not a comment, cdata or DOCTYPE")
            } else if starts(with: "</") {
                return try readEndTag()
            } else {
                return try readStartTag()
            }
        }
        if let name = open.last { throw fail("xml ends inside <\(name)> (truncated)") }
        if !sawRoot { throw fail("xml has no root element") }
        return nil
    }

    // MARK: - Tags

    private mutating func readStartTag() throws(ExtractionError) -> XMLEvent {
        if sawRoot && open.isEmpty { throw fail("a second root element") }
        position += 1
        let name = try readName()
        var attributes: [XMLRawAttribute] = []
        while true {
            skipSpace()
            guard position < bytes.count else { throw fail("xml ends inside the tag <\(name)> (truncated)") }
            let byte = bytes[position]
            if byte == 0x3E {
                position += 1
                try push(name)
                return .start(name: name, attributes: attributes)
            }
            if byte == 0x2F {
                guard position + 1 < bytes.count, bytes[position + 1] == 0x3E else { throw fail("stray / in <\(name)>") }
                position += 2
                try push(name)
                pendingEnd = name
                return .start(name: name, attributes: attributes)
            }
            let attributeName = try readName()
            skipSpace()
            guard position < bytes.count, bytes[position] == 0x3D else {
                throw fail("attribute \(attributeName) in <\(name)> has no value")
            }
            position += 1
            skipSpace()
            guard position < bytes.count, bytes[position] == 0x22 || bytes[position] == 0x27 else {
                throw fail("attribute \(attributeName) in <\(name)> is not quoted")
            }
            let quote = bytes[position]
            position += 1
            guard let close = bytes[position...].firstIndex(of: quote) else {
                throw fail("attribute \(attributeName) in <\(name)> is not closed (truncated)")
            }
            let raw = bytes[position..<close]
            if raw.contains(0x3C) { throw fail("< inside attribute \(attributeName)") }
            position = close + 1
            let value: String
            if raw.contains(where: { $0 == 0x26 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                let scalars = try decodeEntities(raw).map { XMLReader.isSpace($0.value) ? " " : $0 }
                value = String(String.UnicodeScalarView(scalars))
            } else {
                value = String(decoding: raw, as: UTF8.self)
            }
            attributes.append(XMLRawAttribute(name: attributeName, value: value))
        }
    }

    private mutating func readEndTag() throws(ExtractionError) -> XMLEvent {
        position += 2
        let name = try readName()
        skipSpace()
        guard position < bytes.count, bytes[position] == 0x3E else { throw fail("end tag </\(name)> is not closed") }
        position += 1
        guard let expected = open.last else { throw fail("end tag </\(name)> without a start tag") }
        guard expected == name else { throw fail("end tag </\(name)> does not match <\(expected)>") }
        open.removeLast()
        return .end(name: name)
    }

    private mutating func push(_ name: String) throws(ExtractionError) {
        if open.count >= maxDepth { throw .limitExceeded(what: "xml element nesting depth", limit: maxDepth) }
        open.append(name)
        sawRoot = true
    }

    private mutating func readName() throws(ExtractionError) -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if XMLReader.isSpace(UInt32(byte)) || byte == 0x2F || byte == 0x3E || byte == 0x3D || byte == 0x3C
                || byte == 0x22 || byte == 0x27
            {
                break
            }
            position += 1
        }
        guard position > start else { throw fail(position < bytes.count ? "a tag without a name" : "xml is truncated") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    // MARK: - Text

    private mutating func readText() throws(ExtractionError) -> String {
        let end = bytes[position...].firstIndex(of: 0x3C) ?? bytes.count
        let raw = bytes[position..<end]
        position = end
        if !raw.contains(0x26) { return String(decoding: raw, as: UTF8.self) }
        return String(String.UnicodeScalarView(try decodeEntities(raw)))
    }

    /// Decodes `&amp;`-style and numeric references; any other entity is an error (none are declared).
    private func decodeEntities(_ raw: ArraySlice<UInt8>) throws(ExtractionError) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var rest = raw
        while let amp = rest.firstIndex(of: 0x26) {
            out.append(contentsOf: String(decoding: rest[rest.startIndex..<amp], as: UTF8.self).unicodeScalars)
            guard let semicolon = rest[amp...].prefix(12).firstIndex(of: 0x3B) else {
                throw fail("an & that starts no entity reference")
            }
            let name = String(decoding: rest[(amp + 1)..<semicolon], as: UTF8.self)
            out.append(try XMLReader.resolve(entity: name, doctype: sawDoctype, fail: fail))
            rest = rest[(semicolon + 1)...]
        }
        out.append(contentsOf: String(decoding: rest, as: UTF8.self).unicodeScalars)
        return out
    }

    private static func resolve(
        entity name: String, doctype: Bool, fail: (String) -> ExtractionError
    ) throws(ExtractionError) -> Unicode.Scalar {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard name.hasPrefix("#") else {
            throw fail(doctype ? "entity &\(name); is not expanded (DOCTYPE declarations are ignored)" : "entity &\(name); is not declared")
        }
        let digits = name.dropFirst()
        let value: UInt32? =
            digits.hasPrefix("x") || digits.hasPrefix("X")
            ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else {
            throw fail("character reference &\(name); is not a valid character")
        }
        return scalar
    }

    // MARK: - Helpers

    private func starts(with literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - position >= count else { return false }
        return literal.withUTF8Buffer { pattern in
            for offset in 0..<count where bytes[position + offset] != pattern[offset] { return false }
            return true
        }
    }

    /// Moves past the first `literal` at or after `start`.
    private mutating func skip(past literal: StaticString, what: String, from start: Int) throws(ExtractionError) {
        let pattern = literal.withUTF8Buffer { Array($0) }
        var from = min(start, bytes.count)
        while let hit = bytes[from...].firstIndex(of: pattern[0]) {
            if bytes.count - hit >= pattern.count, bytes[hit..<(hit + pattern.count)].elementsEqual(pattern) {
                position = hit + pattern.count
                return
            }
            from = hit + 1
        }
        throw fail("\(what) is not closed (truncated)")
    }

    /// Skips a DOCTYPE and its internal subset without reading any declaration in it.
    private mutating func skipDoctype() throws(ExtractionError) {
        sawDoctype = true
        var quote: UInt8?
        var brackets = 0
        position += 9
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == 0x5B {
                brackets += 1
            } else if byte == 0x5D {
                brackets = max(0, brackets - 1)
            } else if byte == 0x3E && brackets == 0 {
                return
            }
        }
        throw fail("DOCTYPE is not closed (truncated)")
    }

    private mutating func skipSpace() {
        while position < bytes.count, XMLReader.isSpace(UInt32(bytes[position])) { position += 1 }
    }

    private static func isSpace(_ value: UInt32) -> Bool { value == 0x20 || value == 0x0A || value == 0x0D || value == 0x09 }

    private func fail(_ detail: String) -> ExtractionError { .corrupt(format: format, detail: "malformed xml: \(detail)") }

    /// The document as UTF-8: a UTF-8 BOM is dropped, UTF-16 (BOM or `<` pattern) is transcoded.
    static func utf8Bytes(_ data: Data) -> [UInt8] {
        let raw = [UInt8](data)
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) { return Array(raw.dropFirst(3)) }
        let littleEndian: Bool
        if raw.starts(with: [0xFF, 0xFE]) || raw.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            littleEndian = true
        } else if raw.starts(with: [0xFE, 0xFF]) || raw.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            littleEndian = false
        } else {
            return raw
        }
        var units: [UInt16] = []
        units.reserveCapacity(raw.count / 2)
        var index = 0
        while index + 1 < raw.count {
            let pair = littleEndian
                ? UInt16(raw[index]) | UInt16(raw[index + 1]) << 8 : UInt16(raw[index]) << 8 | UInt16(raw[index + 1])
            units.append(pair)
            index += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }
}
