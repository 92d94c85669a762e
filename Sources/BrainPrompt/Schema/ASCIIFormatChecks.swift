/// The `FormatChecks` email and URI rules on text that is all ASCII, read byte by byte.
///
/// In ASCII text every character is one byte, except CR LF, which is one character but holds
/// whitespace, and whitespace fails both checks before anything else is looked at. So the
/// character-level rules reduce to byte rules: whitespace is 0x09-0x0D and space, letters are
/// A-Z and a-z, digits 0-9, and lower-casing touches only A-Z.
struct ASCIIText {
    private let bytes: UnsafeBufferPointer<UInt8>

    /// Runs `body` on the text's bytes; nil when a byte is outside ASCII.
    static func with<Result>(_ text: String, _ body: (ASCIIText) -> Result) -> Result? {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte >= 0x80 { return nil }
            return body(ASCIIText(bytes: bytes))
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (0x09...0x0D).contains(b) }
    private static func isLetter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) }
    private static func isDigit(_ b: UInt8) -> Bool { (0x30...0x39).contains(b) }

    /// `FormatChecks.isEmail` for this text.
    var isEmail: Bool {
        let at = UInt8(ascii: "@")
        guard let sign = bytes.firstIndex(of: at), sign > 0, sign <= 64,
            !bytes[(sign + 1)...].contains(at),
            !bytes.contains(where: { Self.isWhitespace($0) || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: ",") })
        else { return false }
        let labels = bytes[(sign + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let hyphen = UInt8(ascii: "-")
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && $0.first != hyphen && $0.last != hyphen }
    }

    /// `FormatChecks.isURI` for this text.
    func isURI(requireHTTP: Bool) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), !bytes.contains(where: Self.isWhitespace) else { return false }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, Self.isLetter(first),
            scheme.allSatisfy({ Self.isLetter($0) || Self.isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else { return false }
        let rest = bytes[(colon + 1)...]
        let lowered = scheme.lazy.map { Self.isLetter($0) ? $0 | 0x20 : $0 }
        if lowered.elementsEqual("http".utf8) || lowered.elementsEqual("https".utf8) {
            let slash = UInt8(ascii: "/")
            guard rest.count >= 2, rest[rest.startIndex] == slash, rest[rest.startIndex + 1] == slash else { return false }
            let hostStart = rest.startIndex + 2
            guard hostStart < rest.endIndex else { return false }
            let b = rest[hostStart]
            return b != slash && b != UInt8(ascii: "?") && b != UInt8(ascii: "#")
        }
        return !requireHTTP && !rest.isEmpty
    }
}
