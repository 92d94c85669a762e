import Foundation

/// Reads the date spellings models and resumes use and rewrites them to the JSON Resume
/// pattern (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), never adding precision that is not there.
///
/// "Jan 2020", "January 2020", "01/2020", "2020-1", "2020/01" -> "2020-01";
/// "2020/01/15", "15 Jan 2020", "Jan 15, 2020", "2020-01-15T09:30:00Z" -> "2020-01-15";
/// "Summer 2019" -> "2019"; "03/04/2020" (day and month order unknown) -> "2020";
/// "Present", "current", "till date" -> `.ongoing`.
public enum ResumeDate {
    /// What a date string turned out to be.
    public enum Reading: Sendable, Equatable {
        /// A date in the JSON Resume pattern; `note` says when precision was dropped.
        case date(String, note: String?)
        /// A word meaning the period has not ended ("Present").
        case ongoing
        /// Not a date this reader knows; left for validation to report.
        case unrecognized
    }

    static let ongoingWords: Set<String> = [
        "present", "current", "currently", "now", "today", "ongoing", "till date", "to date", "till now",
        "until now", "to present", "till present", "actual", "heute", "actualidad", "atualmente", "presente",
    ]
    /// What `read` trims from both ends.
    static let edgeCharacters = CharacterSet.whitespacesAndNewlines.union(.punctuationCharacters)
    static let seasons: Set<String> = ["spring", "summer", "fall", "autumn", "winter"]
    static let ignoredWords: Set<String> = ["st", "nd", "rd", "th", "of", "the"]
    static let monthNames: [String: Int] = {
        let names: [[String]] = [
            ["jan", "january", "januar", "janvier", "enero", "janeiro"],
            ["feb", "february", "februar", "fevrier", "febrero", "fevereiro"],
            ["mar", "march", "marz", "mars", "marzo", "marco"],
            ["apr", "april", "avril", "abril"],
            ["may", "mai", "mayo", "maio"],
            ["jun", "june", "juni", "juin", "junio", "junho"],
            ["jul", "july", "juli", "juillet", "julio", "julho"],
            ["aug", "august", "aout", "agosto"],
            ["sep", "sept", "september", "septembre", "septiembre", "setembro"],
            ["oct", "october", "oktober", "octobre", "octubre", "outubro"],
            ["nov", "november", "novembre", "noviembre", "novembro"],
            ["dec", "december", "dezember", "decembre", "diciembre", "dezembro"],
        ]
        var map: [String: Int] = [:]
        for (i, list) in names.enumerated() { for name in list { map[name] = i + 1 } }
        return map
    }()

    private enum Token: Equatable {
        case number(Int, digits: Int)
        case month(Int)
        case season
    }

    /// Whether `read(raw)` is `.ongoing`; a text with a digit never is, and is not read at all.
    public static func isOngoing(_ raw: String) -> Bool {
        if raw.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return false }
        return read(raw) == .ongoing
    }

    /// Reads one date string.
    public static func read(_ raw: String) -> Reading {
        let folded = raw.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: edgeCharacters)
        let words = folded.split(whereSeparator: { !$0.isLetter }).joined(separator: " ")
        if !folded.contains(where: \.isNumber), ongoingWords.contains(words) { return .ongoing }
        // ISO date-time: keep the calendar date.
        if folded.count > 10, let t = folded.firstIndex(of: "t"), folded.distance(from: folded.startIndex, to: t) == 10,
            FormatChecks.isDate(folded[..<t])
        {
            return .date(String(folded[..<t]), note: nil)
        }
        guard let tokens = tokenize(folded), !tokens.isEmpty else { return .unrecognized }
        return interpret(tokens)
    }

    private static func tokenize(_ text: String) -> [Token]? {
        var tokens: [Token] = []
        var current = ""
        func flush() -> Bool {
            defer { current = "" }
            guard !current.isEmpty else { return true }
            if current.allSatisfy(FormatChecks.isDigit) {
                guard current.count <= 4, let n = Int(current) else { return false }
                tokens.append(.number(n, digits: current.count))
            } else if let month = monthNames[current] {
                tokens.append(.month(month))
            } else if seasons.contains(current) {
                tokens.append(.season)
            } else if !ignoredWords.contains(current) {
                return false
            }
            return true
        }
        for ch in text {
            let sameKind = current.last.map { FormatChecks.isDigit($0) == FormatChecks.isDigit(ch) } ?? true
            if ch.isLetter || FormatChecks.isDigit(ch), sameKind {
                current.append(ch)
            } else {
                guard flush() else { return nil }
                if ch.isLetter || FormatChecks.isDigit(ch) { current.append(ch) }
                else if !" -/.,'’".contains(ch) { return nil }
            }
        }
        guard flush() else { return nil }
        return tokens
    }

    private static func interpret(_ tokens: [Token]) -> Reading {
        func year(_ t: Token) -> Int? {
            if case .number(let n, 4) = t, (1000...2999).contains(n) { return n }
            return nil
        }
        func small(_ t: Token) -> Int? {
            if case .number(let n, let digits) = t, digits <= 2 { return n }
            return nil
        }
        func month(_ t: Token) -> Int? {
            if case .month(let m) = t { return m }
            return nil
        }
        func ym(_ y: Int, _ m: Int) -> Reading {
            (1...12).contains(m) ? .date(pad(y, 4) + "-" + pad(m, 2), note: nil) : .unrecognized
        }
        func ymd(_ y: Int, _ m: Int, _ d: Int) -> Reading {
            CalendarDate.isValid(year: y, month: m, day: d)
                ? .date(pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2), note: nil) : .unrecognized
        }
        switch tokens.count {
        case 1:
            if let y = year(tokens[0]) { return .date(pad(y, 4), note: nil) }
        case 2:
            let (a, b) = (tokens[0], tokens[1])
            if let y = year(a), let m = small(b) ?? month(b) { return ym(y, m) }
            if let y = year(b), let m = small(a) ?? month(a) { return ym(y, m) }
            if let y = year(b), a == .season { return .date(pad(y, 4), note: "season dropped") }
        case 3:
            let (a, b, c) = (tokens[0], tokens[1], tokens[2])
            if let y = year(a), let m = small(b) ?? month(b), let d = small(c) { return ymd(y, m, d) }
            if let y = year(c), let m = month(a), let d = small(b) { return ymd(y, m, d) }
            if let y = year(c), let d = small(a), let m = month(b) { return ymd(y, m, d) }
            if let y = year(c), let first = small(a), let second = small(b) {
                if first > 12, second <= 12 { return ymd(y, second, first) }
                if second > 12, first <= 12 { return ymd(y, first, second) }
                if first == second { return ymd(y, first, second) }
                guard first >= 1, second >= 1, first <= 12, second <= 12 else { return .unrecognized }
                return .date(pad(y, 4), note: "day and month order is ambiguous, kept the year")
            }
        default:
            break
        }
        return .unrecognized
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
