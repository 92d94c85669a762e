import Foundation

/// Finds an HTML file's character encoding: BOM, then `<meta charset>` / `http-equiv`, then the bytes.
enum HTMLCharset {
    static func decode(_ data: Data) -> TextDecoder.Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return TextDecoder.decode(data)
        }
        if let littleEndian = TextDecoder.bomlessUTF16(bytes) {
            return TextDecoder.Decoded(text: TextDecoder.utf16(bytes[...], littleEndian: littleEndian), encoding: littleEndian ? "utf-16le" : "utf-16be")
        }
        switch declared(bytes) {
        case let label? where label.hasPrefix("utf-8") || label == "utf8":
            if let text = TextDecoder.validUTF8(bytes) { return TextDecoder.Decoded(text: text, encoding: "utf-8") }
        case let label? where label.hasPrefix("windows-125") || label.hasPrefix("cp125"):
            if let number = Int(label.filter(\.isNumber)), CodePage(number: number).isSupported {
                return TextDecoder.Decoded(text: CodePage(number: number).decode(bytes), encoding: "windows-\(number)")
            }
        case let label? where ["iso-8859-1", "latin1", "iso8859-1", "us-ascii", "ascii", "iso-8859-15"].contains(label):
            return TextDecoder.Decoded(text: Windows1252.decode(bytes), encoding: "windows-1252")
        case let label? where label == "iso-8859-2":
            return TextDecoder.Decoded(text: String(data: data, encoding: .isoLatin2) ?? Windows1252.decode(bytes), encoding: "iso-8859-2")
        default:
            break
        }
        return TextDecoder.decode(data)
    }

    /// The charset label declared in the first 2048 bytes (meta tag or XML declaration), lower-cased.
    static func declared(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(2048), as: UTF8.self).lowercased()
        let xmlDeclaration = head.hasPrefix("<?xml") ? head.range(of: "encoding=") : nil
        guard let range = head.range(of: "charset=") ?? xmlDeclaration else { return nil }
        let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
        let label = rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        return label.isEmpty ? nil : String(label)
    }
}
