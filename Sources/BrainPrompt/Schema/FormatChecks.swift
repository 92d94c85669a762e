/// Plausibility checks for `format`: enough to catch a model putting prose where a date,
/// address or link belongs, not a full RFC grammar. Unknown formats are annotations and pass.
enum FormatChecks {
    /// A description of what is wrong ("is not a valid date (YYYY-MM-DD)"), or nil when plausible.
    static func problem(with text: String, format: String) -> String? {
        switch format {
        case "date": return isDate(Substring(text)) ? nil : "is not a valid date (YYYY-MM-DD)"
        case "date-time": return isDateTime(text) ? nil : "is not a valid date-time (YYYY-MM-DDThh:mm:ssZ)"
        case "email", "idn-email": return isEmail(text) ? nil : "is not a valid email address"
        case "uri", "iri": return isURI(text, requireHTTP: false) ? nil : "is not an absolute URI"
        case "url": return isURI(text, requireHTTP: true) ? nil : "is not an http(s) URL"
        default: return nil
        }
    }

    /// An ASCII digit 0-9 (`Character.isNumber` also accepts other scripts' digits and fractions).
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    /// `YYYY-MM-DD` with a real calendar day.
    static func isDate(_ text: Substring) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(FormatChecks.isDigit) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        return CalendarDate.isValid(year: year, month: month, day: day)
    }

    /// RFC 3339: date, `T`, `hh:mm:ss`, optional fraction, `Z` or `±hh:mm`.
    static func isDateTime(_ text: String) -> Bool {
        let upper = text.uppercased()
        guard let t = upper.firstIndex(of: "T"), isDate(upper[..<t]) else { return false }
        var rest = upper[upper.index(after: t)...]
        if rest.hasSuffix("Z") {
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard isClock(rest[rest.index(after: sign)...], seconds: false) else { return false }
            rest = rest[..<sign]
        } else {
            return false
        }
        if let dot = rest.firstIndex(of: ".") {
            let fraction = rest[rest.index(after: dot)...]
            guard !fraction.isEmpty, fraction.allSatisfy(FormatChecks.isDigit) else { return false }
            rest = rest[..<dot]
        }
        return isClock(rest, seconds: true)
    }

    private static func isClock(_ text: Substring, seconds: Bool) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == (seconds ? 3 : 2), parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(FormatChecks.isDigit) }),
            let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60
        else { return false }
        if seconds, let s = Int(parts[2]) { return s <= 60 }
        return true
    }

    /// One `@`, a non-empty local part, a dotted domain, no whitespace.
    static func isEmail(_ text: String) -> Bool {
        if let answer = ASCIIText.with(text, \.isEmail) { return answer }
        return isEmailByCharacter(text)
    }

    /// `isEmail` read character by character (any text; ASCII text takes the byte path).
    static func isEmailByCharacter(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty && !$0.hasPrefix("-") && !$0.hasSuffix("-") }
    }

    /// `scheme:rest` without whitespace; for http(s), a non-empty host after `//`.
    static func isURI(_ text: String, requireHTTP: Bool) -> Bool {
        if let answer = ASCIIText.with(text, { $0.isURI(requireHTTP: requireHTTP) }) { return answer }
        return isURIByCharacter(text, requireHTTP: requireHTTP)
    }

    /// `isURI` read character by character (any text; ASCII text takes the byte path).
    static func isURIByCharacter(_ text: String, requireHTTP: Bool) -> Bool {
        guard let colon = text.firstIndex(of: ":"), !text.contains(where: \.isWhitespace) else { return false }
        let scheme = text[..<colon].lowercased()
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) })
        else { return false }
        let rest = text[text.index(after: colon)...]
        if scheme == "http" || scheme == "https" {
            guard rest.hasPrefix("//") else { return false }
            let host = rest.dropFirst(2).prefix(while: { !"/?#".contains($0) })
            return !host.isEmpty
        }
        return !requireHTTP && !rest.isEmpty
    }
}

/// Gregorian calendar facts used by format checks and date normalisation.
enum CalendarDate {
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }
}
