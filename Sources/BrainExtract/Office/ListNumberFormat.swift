/// How a list level writes its counter, shared by DOCX numbering and ODT list styles.
enum ListNumberFormat: Equatable {
    case decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman, none

    /// From a WordprocessingML `w:numFmt` value (unknown formats count in decimal).
    init(word value: String) {
        switch value {
        case "decimalZero": self = .decimalZero
        case "lowerLetter": self = .lowerLetter
        case "upperLetter": self = .upperLetter
        case "lowerRoman": self = .lowerRoman
        case "upperRoman": self = .upperRoman
        case "none": self = .none
        default: self = .decimal
        }
    }

    /// From an ODF `style:num-format` value ("" means no number).
    init(openDocument value: String) {
        switch value {
        case "": self = .none
        case "a": self = .lowerLetter
        case "A": self = .upperLetter
        case "i": self = .lowerRoman
        case "I": self = .upperRoman
        default: self = .decimal
        }
    }

    /// `value` written in this format; values are clamped so hostile counters stay short.
    func format(_ value: Int) -> String {
        let number = min(max(value, 0), 99_999)
        switch self {
        case .decimal: return String(number)
        case .decimalZero: return number < 10 ? "0\(number)" : String(number)
        case .lowerLetter: return ListNumberFormat.letters(number)
        case .upperLetter: return ListNumberFormat.letters(number).uppercased()
        case .lowerRoman: return ListNumberFormat.roman(number)
        case .upperRoman: return ListNumberFormat.roman(number).uppercased()
        case .none: return ""
        }
    }

    /// a, b, ... z, aa, bb, ... (the Word and LibreOffice style).
    private static func letters(_ number: Int) -> String {
        guard number > 0 else { return "" }
        let letter = Character(Unicode.Scalar(UInt8(97 + (number - 1) % 26)))
        return String(repeating: letter, count: min((number - 1) / 26 + 1, 20))
    }

    private static func roman(_ number: Int) -> String {
        guard number > 0, number < 4000 else { return String(number) }
        let table: [(Int, String)] = [
            (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
            (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
        ]
        var rest = number
        var out = ""
        for (value, symbol) in table {
            while rest >= value {
                out += symbol
                rest -= value
            }
        }
        return out
    }
}
