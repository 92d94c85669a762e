import Foundation

/// A Windows or DOS single-byte code page named by its number, as RTF's `\ansicpg` and
/// Word's font charsets give it.
struct CodePage: Sendable, Equatable {
    let number: Int

    static let windows1252 = CodePage(number: 1252)

    /// Whether bytes in this code page decode exactly; others fall back to Windows-1252.
    var isSupported: Bool {
        number == 1252 || number == 65001 || Self.foundationEncodings[number] != nil || LegacyCodePages.table(number) != nil
    }

    /// The encoding label reported in `ExtractedText.encoding`.
    var label: String {
        switch number {
        case 65001: return "utf-8"
        case 437, 850: return "ibm\(number)"
        case 10000: return "macintosh"
        case 932: return "shift_jis"
        default: return "windows-\(number)"
        }
    }

    private static let foundationEncodings: [Int: String.Encoding] = [
        1250: .windowsCP1250, 1251: .windowsCP1251, 1253: .windowsCP1253, 1254: .windowsCP1254,
        28591: .isoLatin1, 932: .shiftJIS,
    ]

    /// Decodes bytes; unknown code pages use Windows-1252, and undecodable bytes fall back per byte.
    func decode(_ bytes: [UInt8]) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if number == 65001 { return String(decoding: bytes, as: UTF8.self) }
        if let table = LegacyCodePages.table(number) {
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : Unicode.Scalar(table[Int(byte) - 0x80]) ?? "\u{FFFD}")
            }
            return String(scalars)
        }
        if let encoding = Self.foundationEncodings[number], let text = String(data: Data(bytes), encoding: encoding) {
            return text
        }
        return Windows1252.decode(bytes)
    }

    /// The code page for an RTF/Windows font charset number (`\fcharsetN`), if it implies one.
    static func forCharset(_ charset: Int) -> CodePage? {
        switch charset {
        case 0: return .windows1252
        case 238: return CodePage(number: 1250)
        case 204: return CodePage(number: 1251)
        case 161: return CodePage(number: 1253)
        case 162: return CodePage(number: 1254)
        case 128: return CodePage(number: 932)
        default: return nil
        }
    }
}
