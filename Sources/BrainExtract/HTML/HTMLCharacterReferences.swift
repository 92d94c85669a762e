/// Decodes `&name;`, `&#NNN;` and `&#xHHH;` references the way browsers do.
enum HTMLCharacterReferences {
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            guard scalar == "&" else {
                out.append(scalar)
                index += 1
                continue
            }
            if let (replacement, length) = reference(scalars, at: index) {
                for scalar in replacement.unicodeScalars { out.append(scalar) }
                index += length
            } else {
                out.append(scalar)
                index += 1
            }
        }
        return String(out)
    }

    /// The replacement for the reference starting at `start` (an `&`) and how many scalars it spans.
    private static func reference(_ scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var cursor = start + 1
        guard cursor < scalars.count else { return nil }
        if scalars[cursor] == "#" {
            cursor += 1
            var hex = false
            if cursor < scalars.count, scalars[cursor] == "x" || scalars[cursor] == "X" {
                hex = true
                cursor += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while cursor < scalars.count, let digit = digitValue(scalars[cursor], hex: hex) {
                if value < 0x11_0000 { value = value * (hex ? 16 : 10) + digit }
                digits += 1
                cursor += 1
            }
            guard digits > 0 else { return nil }
            if cursor < scalars.count, scalars[cursor] == ";" { cursor += 1 }
            return (String(numeric(value)), cursor - start)
        }
        var name = ""
        while cursor < scalars.count, name.unicodeScalars.count < 32,
              scalars[cursor].properties.isASCIIHexDigit || (scalars[cursor].isASCII && scalars[cursor].properties.isAlphabetic) {
            name.unicodeScalars.append(scalars[cursor])
            cursor += 1
        }
        guard !name.isEmpty else { return nil }
        if cursor < scalars.count, scalars[cursor] == ";", let value = HTMLEntities.named[name] {
            return (value, cursor + 1 - start)
        }
        // Legacy names without a semicolon, longest first (`&copy2024` reads as `©2024`).
        var prefix = name
        while !prefix.isEmpty {
            if HTMLEntities.legacy.contains(prefix), let value = HTMLEntities.named[prefix] {
                return (value, 1 + prefix.unicodeScalars.count)
            }
            prefix.removeLast()
        }
        return nil
    }

    private static func digitValue(_ scalar: Unicode.Scalar, hex: Bool) -> UInt32? {
        switch scalar {
        case "0"..."9": return scalar.value - 0x30
        case "a"..."f" where hex: return scalar.value - 0x61 + 10
        case "A"..."F" where hex: return scalar.value - 0x41 + 10
        default: return nil
        }
    }

    /// Numeric references: 0x80-0x9F mean Windows-1252, invalid values become U+FFFD.
    private static func numeric(_ value: UInt32) -> Character {
        if value >= 0x80 && value <= 0x9F { return Character(Windows1252.scalar(UInt8(value))) }
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        return Character(Unicode.Scalar(value) ?? "\u{FFFD}")
    }
}
