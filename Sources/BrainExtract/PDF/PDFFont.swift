import Foundation

/// Where a font's code-to-text mapping came from.
enum PDFUnicodeSource: Sendable {
    case toUnicode
    /// Rebuilt from the embedded font program or poppler-data tables: may be incomplete.
    case recovered
    /// Nothing: the font's text is lost.
    case none
}

/// A font reduced to what text extraction needs: how to split a string into codes, the text of
/// each code and its advance width (in text space units, i.e. already divided by 1000).
struct PDFFont {
    var isComposite = false
    /// Simple fonts: text and width per byte code.
    var simpleText = [String?](repeating: nil, count: 256)
    var simpleWidths = [Double](repeating: 0, count: 256)
    /// Composite fonts: the encoding CMap, ToUnicode entries, widths by CID.
    var encoding = PDFCMap.identity
    var codeText: [UInt32: String] = [:]
    var cidText: [UInt32: String] = [:]
    var cidWidths: [UInt32: Double] = [:]
    var defaultWidth = 1.0
    /// How the text of a composite font without a ToUnicode map was found (reported as a warning).
    var unicodeSource = PDFUnicodeSource.toUnicode
    var name = ""
    /// Glyph-space em relative to text space: 1 except for Type 3 fonts, whose `/FontMatrix`
    /// decides how large a unit font size draws.
    var sizeScale = 1.0

    /// Text for a code, after the fixups every glyph gets (ligatures, private use, controls).
    static func clean(_ text: String) -> String? {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFB00: out += "ff"
            case 0xFB01: out += "fi"
            case 0xFB02: out += "fl"
            case 0xFB03: out += "ffi"
            case 0xFB04: out += "ffl"
            case 0xFB05, 0xFB06: out += "st"
            case 0xFB07...0xFDFF, 0xFE70...0xFEFF:
                // Other presentation forms (Armenian, Hebrew, Arabic) become their plain letters.
                out += String(Character(scalar)).precomposedStringWithCompatibilityMapping
            case 0xE000...0xF8FF, 0xF0000...0x10FFFF: continue
            case 0x00A0, 0x2002...0x200A, 0x202F, 0x3000: out += " "
            case 0x0009, 0x000A, 0x000D: out += " "
            case 0...0x1F, 0x7F, 0xFEFF, 0x200B...0x200D, 0xFFFD: continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.isEmpty ? nil : out
    }

    /// Walks the codes of a shown string.
    @inline(__always) func forEachCode(_ bytes: [UInt8], _ body: (_ text: String?, _ width: Double, _ isSpaceCode: Bool) -> Void) {
        if !isComposite {
            for b in bytes { body(simpleText[Int(b)], simpleWidths[Int(b)], b == 0x20) }
            return
        }
        var i = 0
        while i < bytes.count {
            let (code, length) = encoding.nextCode(bytes, at: i)
            i += max(1, length)
            let cid = encoding.cid(for: code)
            let text = codeText[code] ?? cidText[cid]
            body(text, cidWidths[cid] ?? defaultWidth, length == 1 && code == 0x20)
        }
    }
}
