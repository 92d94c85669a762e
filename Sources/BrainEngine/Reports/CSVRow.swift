/// Writes rows of RFC 4180 CSV.
public enum CSVRow {
    /// One record terminated by CRLF. A field containing a comma, a double quote, CR or LF is
    /// quoted, with its double quotes doubled; other fields are written as they are.
    public static func encode(_ fields: [String]) -> String {
        fields.map(quoteIfNeeded).joined(separator: ",") + "\r\n"
    }

    static func quoteIfNeeded(_ field: String) -> String {
        let needsQuotes = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
