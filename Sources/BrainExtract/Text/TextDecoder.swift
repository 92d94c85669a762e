import Foundation

/// Turns the bytes of a text file into a string and names the encoding it found.
///
/// Order: a byte-order mark wins; then BOM-less UTF-16 told by its NUL pattern; then UTF-8 if the
/// bytes are valid UTF-8; else Windows-1252, which decodes any byte.
enum TextDecoder {
    struct Decoded: Equatable {
        var text: String
        var encoding: String
    }

    static func decode(_ data: Data) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: String(decoding: bytes.dropFirst(3), as: UTF8.self), encoding: "utf-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: true), encoding: "utf-16le")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: utf16(bytes.dropFirst(2), littleEndian: false), encoding: "utf-16be")
        }
        if let littleEndian = bomlessUTF16(bytes) {
            return Decoded(text: utf16(bytes[...], littleEndian: littleEndian), encoding: littleEndian ? "utf-16le" : "utf-16be")
        }
        if let text = validUTF8(bytes) { return Decoded(text: text, encoding: "utf-8") }
        return Decoded(text: Windows1252.decode(bytes), encoding: "windows-1252")
    }

    /// The string if `bytes` are valid UTF-8, else nil.
    static func validUTF8<C: Collection>(_ bytes: C) -> String? where C.Element == UInt8 {
        String(validating: bytes, as: UTF8.self)
    }

    /// Decodes UTF-16 code units; an odd trailing byte is dropped, lone surrogates become U+FFFD.
    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(littleEndian ? first | second << 8 : first << 8 | second)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// Little-endian (true) or big-endian (false) when the first bytes look like ASCII in UTF-16:
    /// most even (BE) or odd (LE) bytes are NUL and the others are not.
    static func bomlessUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(512)
        guard sample.count >= 4 else { return nil }
        var evenNUL = 0, oddNUL = 0
        for (offset, byte) in sample.enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNUL += 1 } else { oddNUL += 1 }
        }
        let pairs = sample.count / 2
        if oddNUL * 10 >= pairs * 7 && evenNUL * 20 < pairs { return true }
        if evenNUL * 10 >= pairs * 7 && oddNUL * 20 < pairs { return false }
        return nil
    }
}
