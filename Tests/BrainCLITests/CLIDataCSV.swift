/// Parses RFC 4180 CSV: records end at CRLF (or a bare LF), fields may be quoted, quotes inside
/// quoted fields are doubled. Returns nil for text that is not valid CSV.
enum CLIDataCSV {
    static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterClosingQuote = false
        var fieldStarted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        func endField() {
            record.append(field)
            field = ""
            quoted = false
            afterClosingQuote = false
            fieldStarted = false
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    let following = next()
                    if following == "\"" {
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                        afterClosingQuote = true
                        pending = following
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r":
                guard next() == "\n" else { return nil }
                endField()
                records.append(record)
                record = []
            case "\n":
                endField()
                records.append(record)
                record = []
            case "\"":
                guard !fieldStarted else { return nil }
                quoted = true
                fieldStarted = true
            default:
                guard !afterClosingQuote else { return nil }
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
        }
        guard !quoted else { return nil }
        if fieldStarted || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}
