import BrainCore

/// Years of work experience from a resume's `work[]` date ranges.
///
/// Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the schema's pattern); a range counts its first and
/// last month, a missing month means January for a start and December for an end, a role without
/// `endDate` runs to `asOf`, and overlapping or touching ranges are merged before summing. Entries
/// without a readable start are skipped.
public enum ExperienceYears {
    /// At most this many work entries are read (the schema allows 40).
    static let maximumEntries = 200

    /// Total years with one decimal, or nil when no entry has a readable start date.
    public static func total(work: [JSONValue], asOf: String) -> Double? {
        guard let now = month(asOf, end: true) else { return nil }
        var ranges: [(start: Int, end: Int)] = []
        for entry in work.prefix(maximumEntries) {
            guard let start = entry["startDate"]?.stringValue.flatMap({ month($0, end: false) }) else { continue }
            let end = min(entry["endDate"]?.stringValue.flatMap { month($0, end: true) } ?? now, now)
            if end >= start { ranges.append((start, end)) }
        }
        guard !ranges.isEmpty else { return nil }
        ranges.sort { $0.start < $1.start }
        var months = 0
        var current = ranges[0]
        for range in ranges.dropFirst() {
            if range.start <= current.end + 1 {
                current.end = max(current.end, range.end)
            } else {
                months += current.end - current.start + 1
                current = range
            }
        }
        months += current.end - current.start + 1
        return (Double(months) / 12 * 10).rounded() / 10
    }

    /// Months since year 0 for a `YYYY[-MM[-DD]]` date; a missing month is January, or December when `end`.
    static func month(_ text: String, end: Bool) -> Int? {
        let parts = text.prefix(10).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, isDigits(parts[0]),
            let year = Int(parts[0]), (1000...2999).contains(year)
        else { return nil }
        var monthNumber = end ? 12 : 1
        if parts.count >= 2 {
            guard parts[1].count == 2, isDigits(parts[1]), let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            monthNumber = m
        }
        return year * 12 + monthNumber - 1
    }

    private static func isDigits(_ s: Substring) -> Bool { s.utf8.allSatisfy { (48...57).contains($0) } }
}
