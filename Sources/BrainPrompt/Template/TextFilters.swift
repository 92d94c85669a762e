/// String algorithms of Jinja's filters, on Unicode scalars as Python counts them.
enum TextFilters {
    /// Jinja's `title`: upper-case the first letter after whitespace, `-`, `(`, `{`, `[` or `<`.
    static func title(_ s: String) -> String {
        var out = ""
        var atWordStart = true
        for scalar in s.unicodeScalars {
            let isBoundary = PythonText.isSpace(scalar) || "-({[<".unicodeScalars.contains(scalar)
            if isBoundary {
                out.unicodeScalars.append(scalar)
                atWordStart = true
            } else {
                out += atWordStart ? String(scalar).uppercased() : String(scalar).lowercased()
                atWordStart = false
            }
        }
        return out
    }

    static func capitalize(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return String(first).uppercased() + String(String.UnicodeScalarView(s.unicodeScalars.dropFirst())).lowercased()
    }

    /// Python's `str.replace(old, new, count)`; an empty `old` inserts between every character.
    static func replace(_ s: String, _ old: String, _ new: String, count: Int) -> String {
        var remaining = count < 0 ? Int.max : count
        let scalars = Array(s.unicodeScalars)
        let needle = Array(old.unicodeScalars)
        var out = String.UnicodeScalarView()
        if needle.isEmpty {
            for scalar in scalars {
                if remaining > 0 { out.append(contentsOf: new.unicodeScalars); remaining -= 1 }
                out.append(scalar)
            }
            if remaining > 0 { out.append(contentsOf: new.unicodeScalars) }
            return String(out)
        }
        var i = 0
        while i < scalars.count {
            if remaining > 0, i + needle.count <= scalars.count, Array(scalars[i..<(i + needle.count)]) == needle {
                out.append(contentsOf: new.unicodeScalars)
                i += needle.count
                remaining -= 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// Jinja's `truncate`: keep strings within `length + leeway`, else cut to `length - len(end)`
    /// (at the last space unless `killWords`) and add `end`.
    static func truncate(_ s: String, length: Int, killWords: Bool, end: String, leeway: Int) -> String {
        let scalars = Array(s.unicodeScalars)
        if scalars.count <= length || scalars.count - length <= leeway { return s }
        let keep = max(0, length - end.unicodeScalars.count)
        var head = Array(scalars[0..<min(keep, scalars.count)])
        if !killWords, let space = head.lastIndex(of: " ") { head = Array(head[0..<space]) }
        return String(String.UnicodeScalarView(head)) + end
    }

    /// Jinja 3's `indent`: indent every line but the first (unless `first`), skipping blank
    /// lines (unless `blank`).
    static func indent(_ s: String, by indentation: String, first: Bool, blank: Bool) -> String {
        var lines = PythonText.splitlines(s + "\n")
        var result: String
        if blank {
            result = lines.joined(separator: "\n" + indentation)
        } else {
            result = lines.isEmpty ? "" : lines.removeFirst()
            if !lines.isEmpty {
                result += "\n" + lines.map { $0.isEmpty ? $0 : indentation + $0 }.joined(separator: "\n")
            }
        }
        return first ? indentation + result : result
    }

    /// Jinja's `int` filter conversion, or nil when the value has no integer reading.
    static func int(_ value: TemplateValue) -> TemplateValue? {
        switch value {
        case .int: return value
        case .bool(let b): return .int(b ? 1 : 0)
        case .double(let d):
            guard d.isFinite, abs(d) < 9.2e18 else { return nil }
            return .int(Int(d))
        case .string(let s):
            let trimmed = PythonText.strip(s).replacingOccurrences(of: "_", with: "")
            if let i = Int(trimmed) { return .int(i) }
            if let d = Double(trimmed), d.isFinite, abs(d) < 9.2e18 { return .int(Int(d)) }
            return nil
        default: return nil
        }
    }
}
