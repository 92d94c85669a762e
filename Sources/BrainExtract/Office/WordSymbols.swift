/// Characters for `w:sym` elements, which name a code point in a symbol font.
enum WordSymbols {
    private static let symbolUpper = Array("ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ")
    private static let symbolLower = Array("αβχδεφγηιϕκλμνοπθρστυϖωξψζ")
    private static let symbolPunctuation: [UInt32: Character] = [
        0xA3: "≤", 0xA5: "∞", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓", 0xB0: "°", 0xB1: "±",
        0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠", 0xBB: "≈", 0xD2: "®", 0xD3: "©", 0xD4: "™",
    ]

    /// The character for `w:char` (hex, often in the private-use range U+F000...) in `font`, when known.
    /// Dingbat fonts (Wingdings, Webdings) map to icons with no text value and yield nil.
    static func character(hex: String, font: String?) -> Character? {
        guard var code = UInt32(hex, radix: 16) else { return nil }
        if code >= 0xF000 && code <= 0xF0FF { code -= 0xF000 }
        let fontName = (font ?? "").lowercased()
        if fontName.contains("wingdings") || fontName.contains("webdings") { return nil }
        if fontName == "symbol" {
            if (0x41...0x5A).contains(code) { return symbolUpper[Int(code - 0x41)] }
            if (0x61...0x7A).contains(code) { return symbolLower[Int(code - 0x61)] }
            if let mapped = symbolPunctuation[code] { return mapped }
            if code < 0x80, let scalar = Unicode.Scalar(code) { return Character(scalar) }
            return nil
        }
        guard code >= 0x20, let scalar = Unicode.Scalar(code), !(0xE000...0xF8FF).contains(code) else { return nil }
        return Character(scalar)
    }
}
