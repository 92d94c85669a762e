/// The grounding comparison form of text in ASCII plus the Latin letters of U+0080-U+024F
/// (names such as "Zoë" or "Łukasz"), without Foundation's normalisation and folding.
///
/// Each such letter's form is taken from `GroundingCheck.normalizeUnicode` itself, once, and
/// kept only when it is plain ASCII letters or digits and stays the same beside other letters,
/// spaces and ampersands; text with any other character takes the general path.
enum GroundingLatinForm {
    static let first: UInt32 = 0x80
    static let end: UInt32 = 0x250

    /// The folded letters for each scalar from `first` up to `end`, or nil where the fast path
    /// does not apply.
    static let folds: [[UInt8]?] = (first..<end).map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let c = String(Character(scalar))
        let form = GroundingCheck.normalizeUnicode(c)
        guard !form.isEmpty, form.utf8.allSatisfy({ (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }) else { return nil }
        let contexts = ["a" + c + "b" + c, c + " " + c, "X&" + c + "'s-" + c + "9"]
        let expected = ["a" + form + "b" + form, form + " " + form, "x and " + form + "s " + form + "9"]
        guard contexts.map(GroundingCheck.normalizeUnicode) == expected else { return nil }
        return Array(form.utf8)
    }

    /// `" " + normalize(text) + " "` as bytes, or nil when the text has a character outside
    /// ASCII and the covered Latin letters.
    static func spaced(_ text: String) -> [UInt8]? {
        let space = UInt8(ascii: " ")
        var out: [UInt8] = [space]
        out.reserveCapacity(text.utf8.count + 2)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x2018 || value == 0x2019 { continue }  // apostrophes vanish
            let letters: [UInt8]
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    letters = [byte]
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    letters = [byte | 0x20]
                case UInt8(ascii: "'"), UInt8(ascii: "`"):
                    continue
                case UInt8(ascii: "&"):
                    if out.count > 1 { out.append(space) }
                    out.append(contentsOf: "and".utf8)
                    pendingSpace = true
                    continue
                default:
                    pendingSpace = true
                    continue
                }
            } else if value < end, let fold = folds[Int(value - first)] {
                letters = fold
            } else {
                return nil
            }
            if pendingSpace, out.count > 1 { out.append(space) }
            pendingSpace = false
            out.append(contentsOf: letters)
        }
        out.append(space)
        return out
    }
}
