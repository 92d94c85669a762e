import Foundation

/// A compiled `pattern` regular expression (ECMA-262 as JSON Schema asks, run by
/// `NSRegularExpression`, whose syntax covers the subset schemas use). Unanchored: the
/// pattern may match anywhere in the string unless it says `^...$`.
struct SchemaPattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented as thread-safe.
    let source: String
    private let regex: NSRegularExpression

    init?(_ source: String) {
        guard let regex = try? NSRegularExpression(pattern: source, options: []) else { return nil }
        self.source = source
        self.regex = regex
    }

    func matches(_ text: String) -> Bool {
        let range = NSRange(text.startIndex..<text.endIndex, in: text)
        return regex.firstMatch(in: text, options: [], range: range) != nil
    }
}
