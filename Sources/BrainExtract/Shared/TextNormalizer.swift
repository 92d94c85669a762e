import Foundation

/// The output rules every extractor shares: Unicode NFC, `\n` line ends, no trailing spaces,
/// at most one blank line in a row, no leading or trailing blank lines. Form feeds (PDF page
/// breaks) are kept.
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        var out = ""
        out.reserveCapacity(nfc.utf8.count)
        var line = ""
        var blankRun = 0
        var wroteAny = false
        func flush() {
            while let last = line.last, last == " " || last == "\t" || last == "\u{00A0}" { line.removeLast() }
            if line.isEmpty {
                blankRun += 1
            } else {
                if wroteAny { out += blankRun > 0 ? "\n\n" : "\n" }
                out += line
                wroteAny = true
                blankRun = 0
            }
            line = ""
        }
        var previousWasCR = false
        for ch in nfc.unicodeScalars {
            switch ch {
            case "\r":
                flush()
                previousWasCR = true
                continue
            case "\n":
                if !previousWasCR { flush() }
            case "\u{0C}":
                flush()
                if wroteAny { out += "\n" }
                out += "\u{0C}"
                wroteAny = false
                blankRun = 0
            case "\u{2028}", "\u{2029}":
                flush()
            default:
                line.unicodeScalars.append(ch)
            }
            previousWasCR = false
        }
        flush()
        return out
    }
}
