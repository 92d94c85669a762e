import BrainCore

/// Options shared by the read-side commands (jobs, results, logs).
enum ReportOptions {
    static let taskNames = TaskType.allCases.map(\.rawValue)

    static func limit(defaultValue: Int) -> OptionSpec {
        .value("limit", "N", "show at most N rows, newest first (default \(defaultValue); 0 for all)")
    }

    static let task = OptionSpec.value("task", "T", "only this task: " + taskNames.joined(separator: "|"))

    /// The --limit value: nil means no limit.
    static func limit(_ a: ParsedArguments, defaultValue: Int) throws(UsageError) -> Int? {
        let n = try a.int("limit", range: 0...1_000_000_000) ?? defaultValue
        return n == 0 ? nil : n
    }

    static func task(_ a: ParsedArguments) throws(UsageError) -> String? { try a.choice("task", taskNames) }

    /// A job or result id given as a word (positive whole number).
    static func id(_ text: String, what: String) throws(UsageError) -> Int {
        guard let n = Int(text), n > 0 else { throw UsageError("\(what) must be a positive whole number, not '\(text)'") }
        return n
    }

    /// `text` cut to `length` characters with an ellipsis, on one line.
    static func short(_ text: String?, _ length: Int) -> String {
        guard let text else { return "-" }
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count > length ? String(line.prefix(max(0, length - 1))) + "…" : line
    }
}
