/// HTTP-date parsing (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// Epoch seconds of `text`, or nil when it is not an HTTP-date.
    static func parse(_ text: String) -> Double? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        if words.count == 6, words[5] == "GMT", let day = Int(words[1]), let month = month(words[2]),
            let year = Int(words[3])
        {
            return epoch(year: year, month: month, day: day, time: words[4])
        }
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT
        if words.count == 4, words[3] == "GMT" {
            let parts = words[1].split(separator: "-").map(String.init)
            if parts.count == 3, let day = Int(parts[0]), let month = month(parts[1]), let short = Int(parts[2]) {
                let year = short < 100 ? (short < 70 ? 2000 + short : 1900 + short) : short
                return epoch(year: year, month: month, day: day, time: words[2])
            }
        }
        // asctime: Sun Nov  6 08:49:37 1994
        if words.count == 5, let month = month(words[1]), let day = Int(words[2]), let year = Int(words[4]) {
            return epoch(year: year, month: month, day: day, time: words[3])
        }
        return nil
    }

    private static func month(_ word: String) -> Int? {
        months.firstIndex(of: word.lowercased()).map { $0 + 1 }
    }

    private static func epoch(year: Int, month: Int, day: Int, time: String) -> Double? {
        let hms = time.split(separator: ":").compactMap { Int($0) }
        guard hms.count == 3, (1...31).contains(day), (1900...9999).contains(year),
            (0...23).contains(hms[0]), (0...59).contains(hms[1]), (0...60).contains(hms[2])
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Double(days * 86_400 + hms[0] * 3600 + hms[1] * 60 + hms[2])
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
