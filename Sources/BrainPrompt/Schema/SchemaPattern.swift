import Foundation

/// A compiled `pattern` regular expression (ECMA-262 as JSON Schema asks, run by
/// `NSRegularExpression`, whose syntax covers the subset schemas use). Unanchored: the
/// pattern may match anywhere in the string unless it says `^...$`.
///
/// ASCII text is matched by an `ASCIIPattern` when the pattern is in its subset (the usual
/// case: dates, codes, URL prefixes), which answers the same as ICU without its per-call cost.
struct SchemaPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    let source: String
    private let regex: NSRegularExpression
    private let ascii: ASCIIPattern?

    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source, options: []) else { return nil }
        self.source = source
        self.regex = regex
        self.ascii = ASCIIPattern(source)
    }

    func matches(_ text: String) -> Bool {
        if let ascii, let answer = ascii.matches(text) { return answer }
        return icuMatches(text)
    }

    /// The answer of `NSRegularExpression` alone.
    func icuMatches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }

    /// Whether ASCII text is matched without ICU.
    var hasASCIIMatcher: Bool { ascii != nil }
}
