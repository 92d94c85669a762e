import BrainCore

/// Reads the JSON text columns of the store (parsed, warnings, fallback_chain, ...).
enum StoredJSON {
    /// The parsed document; nil for SQL NULL. Text our parser refuses (the column's CHECK uses
    /// SQLite's json_valid, which is a little more lenient) comes back as a JSON string, so
    /// nothing stored is ever dropped from a report.
    static func parse(_ text: String?) -> JSONValue? {
        guard let text else { return nil }
        return (try? JSONValue.parse(text)) ?? .string(text)
    }
}
