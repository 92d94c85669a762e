/// Parsers for the wait hints providers send with rate limits (providers.md §2.7, §5.6, §7.5, §4.5).
///
/// Every function returns seconds to wait from `now`, never negative, or nil when the value is
/// not in the expected form. Inputs are hostile: lengths are bounded and nothing traps.
public enum RetryAfter {
    /// `Retry-After`: delay seconds (integer or fractional) or an HTTP-date, relative to `now` (epoch seconds).
    public static func header(_ value: String, now: Double) -> Double? {
        let text = value.trimmingSpaces
        guard !text.isEmpty, text.utf8.count <= 64 else { return nil }
        if let seconds = plainNumber(text) { return seconds }
        guard let date = HTTPDate.parse(text) else { return nil }
        return max(0, date - now)
    }

    /// `retry-after-ms`: milliseconds.
    public static func milliseconds(_ value: String) -> Double? {
        plainNumber(value.trimmingSpaces).map { $0 / 1000 }
    }

    /// A Go-style duration such as `2m59.56s`, `7.66s`, `172ms`, `1h2m`, `6m0s` (Groq and OpenAI
    /// `x-ratelimit-reset-*`, "try again in …" texts) or a protobuf Duration such as `42s` or
    /// `34.074824224s` (Gemini `RetryInfo.retryDelay`). Units: h, m, s, ms, us, µs, ns.
    public static func duration(_ value: String) -> Double? {
        let text = Array(value.trimmingSpaces.unicodeScalars)
        guard !text.isEmpty, text.count <= 64 else { return nil }
        if text == ["0"] { return 0 }
        var total = 0.0
        var i = 0
        while i < text.count {
            let start = i
            while i < text.count, text[i].isDigitOrDot { i += 1 }
            guard i > start, let number = Double(String(String.UnicodeScalarView(text[start..<i]))) else { return nil }
            let unitStart = i
            while i < text.count, !text[i].isDigitOrDot { i += 1 }
            let unit = String(String.UnicodeScalarView(text[unitStart..<i]))
            let scale: Double
            switch unit {
            case "h": scale = 3600
            case "m": scale = 60
            case "s": scale = 1
            case "ms": scale = 0.001
            case "us", "µs", "μs": scale = 0.000_001
            case "ns": scale = 0.000_000_001
            default: return nil
            }
            total += number * scale
        }
        return total.isFinite ? total : nil
    }

    /// The duration in a message such as "Please try again in 11.455s." (OpenAI, Groq) or
    /// "Please retry in 42.87350591s." (Gemini).
    public static func inMessage(_ message: String) -> Double? {
        let lower = message.lowercased()
        for phrase in ["try again in ", "retry in "] {
            guard let range = lower.range(of: phrase) else { continue }
            let token = lower[range.upperBound...].prefix(while: { $0.isNumber || "hmsuµn.".contains($0) })
            var text = String(token)
            while text.hasSuffix(".") { text.removeLast() }
            if let seconds = duration(text) { return seconds }
        }
        return nil
    }

    /// OpenRouter's `X-RateLimit-Reset`: read as epoch milliseconds (the common reading, §4.5);
    /// values that look like epoch seconds or a plain delay are accepted too.
    public static func resetTime(_ value: String, now: Double) -> Double? {
        guard let number = plainNumber(value.trimmingSpaces) else { return nil }
        if number >= 100_000_000_000 { return max(0, number / 1000 - now) }
        if number >= 1_000_000_000 { return max(0, number - now) }
        return number
    }

    /// A non-negative finite decimal number, nothing else.
    static func plainNumber(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.count <= 32,
            text.unicodeScalars.allSatisfy({ $0.isDigitOrDot }),
            let value = Double(text), value.isFinite, value >= 0
        else { return nil }
        return value
    }
}

extension Unicode.Scalar {
    fileprivate var isDigitOrDot: Bool { ("0"..."9").contains(self) || self == "." }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\n" || first == "\r" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\n" || last == "\r" {
            scalars = scalars.dropLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
