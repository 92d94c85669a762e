/// Comparison and arithmetic with Python's rules (bools count as numbers, ints and floats mix).
extension TemplateRenderer {
    private enum Number {
        case int(Int)
        case double(Double)
        var double: Double { switch self { case .int(let i): return Double(i); case .double(let d): return d } }
    }

    private func number(_ value: TemplateValue) -> Number? {
        switch value {
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .bool(let b): return .int(b ? 1 : 0)
        default: return nil
        }
    }

    /// Python `==` (an undefined value equals only another undefined value).
    func equals(_ a: TemplateValue, _ b: TemplateValue) -> Bool {
        if a.isUndefined || b.isUndefined { return a.isUndefined && b.isUndefined }
        if let x = number(a), let y = number(b) {
            if case .int(let i) = x, case .int(let j) = y { return i == j }
            return x.double == y.double
        }
        switch (a, b) {
        case (.none, .none): return true
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equals($0, $1) }
        case (.dict(let x), .dict(let y)):
            return x.count == y.count && x.entries.allSatisfy { entry in y[entry.key].map { equals(entry.value, $0) } ?? false }
        default: return false
        }
    }

    /// Python ordering: -1, 0 or 1, or nil when the types cannot be ordered.
    private func order(_ a: TemplateValue, _ b: TemplateValue) -> Int? {
        if let x = number(a), let y = number(b) {
            if case .int(let i) = x, case .int(let j) = y { return i < j ? -1 : i == j ? 0 : 1 }
            let (p, q) = (x.double, y.double)
            return p < q ? -1 : p == q ? 0 : 1
        }
        switch (a, b) {
        case (.string(let x), .string(let y)):
            if x.unicodeScalars.elementsEqual(y.unicodeScalars) { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
        case (.list(let x), .list(let y)), (.tuple(let x), .tuple(let y)):
            for (p, q) in zip(x, y) where !equals(p, q) { return order(p, q) }
            return x.count < y.count ? -1 : x.count == y.count ? 0 : 1
        default: return nil
        }
    }

    func compare(_ op: String, _ a: TemplateValue, _ b: TemplateValue, at position: SourcePosition) throws(TemplateError) -> Bool {
        switch op {
        case "==": return equals(a, b)
        case "!=": return !equals(a, b)
        case "in": return try contains(b, a, at: position)
        case "not in": return !(try contains(b, a, at: position))
        default:
            guard let o = order(a, b) else {
                throw error(.type, "'\(op)' not supported between instances of '\(a.pythonTypeName)' and '\(b.pythonTypeName)'", at: position)
            }
            switch op {
            case "<": return o < 0
            case "<=": return o <= 0
            case ">": return o > 0
            default: return o >= 0
            }
        }
    }

    /// Python `needle in container`.
    func contains(_ container: TemplateValue, _ needle: TemplateValue, at position: SourcePosition) throws(TemplateError) -> Bool {
        switch container {
        case .undefined: return false
        case .string(let haystack):
            guard case .string(let s) = needle else {
                throw error(.type, "'in <string>' requires string as left operand, not \(needle.pythonTypeName)", at: position)
            }
            return s.isEmpty || haystack.contains(s)
        case .list(let items), .tuple(let items): return items.contains { equals($0, needle) }
        case .dict(let d):
            if case .string(let key) = needle { return d[key] != nil }
            return false
        default:
            throw error(.type, "argument of type '\(container.pythonTypeName)' is not iterable", at: position)
        }
    }

    func arithmetic(_ op: String, _ a: TemplateValue, _ b: TemplateValue, at position: SourcePosition) throws(TemplateError) -> TemplateValue {
        if op == "~" { return .string(PythonText.str(a) + PythonText.str(b)) }
        switch (op, a, b) {
        case ("+", .string(let x), .string(let y)): return .string(x + y)
        case ("+", .list(let x), .list(let y)): return .list(x + y)
        case ("+", .tuple(let x), .tuple(let y)): return .tuple(x + y)
        default: break
        }
        guard let x = number(a), let y = number(b) else {
            throw error(.type, "unsupported operand type(s) for \(op): '\(a.pythonTypeName)' and '\(b.pythonTypeName)'", at: position)
        }
        if op == "/" {
            guard y.double != 0 else { throw error(.type, "division by zero", at: position) }
            return .double(x.double / y.double)
        }
        if case .int(let i) = x, case .int(let j) = y {
            let result: (partialValue: Int, overflow: Bool)
            switch op {
            case "+": result = i.addingReportingOverflow(j)
            case "-": result = i.subtractingReportingOverflow(j)
            case "*": result = i.multipliedReportingOverflow(by: j)
            default:
                guard j != 0 else { throw error(.type, "integer division or modulo by zero", at: position) }
                guard !(i == Int.min && j == -1) else { throw error(.type, "integer overflow", at: position) }
                let (q, r) = (i / j, i % j)
                let floored = r != 0 && (r < 0) != (j < 0)
                return .int(op == "//" ? (floored ? q - 1 : q) : (floored ? r + j : r))
            }
            if result.overflow { throw error(.type, "integer overflow", at: position) }
            return .int(result.partialValue)
        }
        let (p, q) = (x.double, y.double)
        switch op {
        case "+": return .double(p + q)
        case "-": return .double(p - q)
        case "*": return .double(p * q)
        default:
            guard q != 0 else { throw error(.type, "float division or modulo by zero", at: position) }
            let floorQuotient = (p / q).rounded(.down)
            return .double(op == "//" ? floorQuotient : p - floorQuotient * q)
        }
    }
}
