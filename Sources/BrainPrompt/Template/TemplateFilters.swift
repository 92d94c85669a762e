/// The filters, with Jinja's parameter names and defaults.
///
/// Supported: default (d), upper, lower, title, capitalize, trim, length (count), join,
/// replace, truncate, first, last, tojson, indent, string, int, list, safe (no-op: no autoescape).
enum TemplateBuiltins {
    static let filters: Set<String> = [
        "default", "d", "upper", "lower", "title", "capitalize", "trim", "length", "count", "join", "replace",
        "truncate", "first", "last", "tojson", "indent", "string", "int", "list", "safe",
    ]
    static let tests: Set<String> = [
        "defined", "undefined", "none", "string", "number", "integer", "float", "boolean", "true", "false",
        "mapping", "sequence", "eq", "equalto", "==", "ne", "!=", "in",
    ]
}

extension TemplateRenderer {
    /// Binds arguments to named parameters: `nil` for a parameter not given.
    func bind(_ arguments: EvaluatedArguments, to parameters: [String], for name: String, at position: SourcePosition) throws(TemplateError) -> [TemplateValue?] {
        guard arguments.positional.count <= parameters.count else {
            throw error(.type, "'\(name)' takes at most \(parameters.count) argument(s), got \(arguments.positional.count)", at: position)
        }
        var bound: [TemplateValue?] = parameters.map { _ in nil }
        for (i, value) in arguments.positional.enumerated() { bound[i] = value }
        for (key, value) in arguments.keyword {
            guard let i = parameters.firstIndex(of: key) else { throw error(.type, "'\(name)' got an unexpected argument '\(key)'", at: position) }
            guard bound[i] == nil else { throw error(.type, "'\(name)' got multiple values for argument '\(key)'", at: position) }
            bound[i] = value
        }
        return bound
    }

    private func integer(_ value: TemplateValue?, default fallback: Int, name: String, at position: SourcePosition) throws(TemplateError) -> Int {
        switch value {
        case nil: return fallback
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case let other?: throw error(.type, "'\(name)' expects an integer, got '\(other.pythonTypeName)'", at: position)
        }
    }

    func applyFilter(_ name: String, to rawInput: TemplateValue, arguments: EvaluatedArguments, at position: SourcePosition, inputPosition: SourcePosition) throws(TemplateError) -> TemplateValue {
        if name == "default" || name == "d" {
            let a = try bind(arguments, to: ["default_value", "boolean"], for: name, at: position)
            let useBoolean = a[1]?.isTruthy ?? false
            if rawInput.isUndefined || (useBoolean && !rawInput.isTruthy) { return a[0] ?? .string("") }
            return rawInput
        }
        var input = rawInput
        if rawInput.isUndefined && isLenient {
            // Jinja's lenient Undefined reads as "" for string filters and as empty for the others.
            switch name {
            case "upper", "lower", "title", "capitalize", "trim", "string", "replace", "safe": input = .string("")
            case "length", "count": return .int(0)
            case "first", "last", "list", "join": input = .list([])
            case "truncate": return rawInput
            default: break
            }
        }
        input = try require(input, at: inputPosition)
        switch name {
        case "upper", "lower", "title", "capitalize", "string", "safe", "length", "count", "first", "last", "list":
            _ = try bind(arguments, to: [], for: name, at: position)
        default: break
        }
        let text = PythonText.str(input)
        switch name {
        case "upper": return .string(text.uppercased())
        case "lower": return .string(text.lowercased())
        case "title": return .string(TextFilters.title(text))
        case "capitalize": return .string(TextFilters.capitalize(text))
        case "string", "safe": return name == "safe" ? input : .string(text)
        case "trim":
            let a = try bind(arguments, to: ["chars"], for: name, at: position)
            guard let chars = a[0], case .string(let set) = chars else { return .string(PythonText.strip(text)) }
            return .string(PythonText.strip(text, where: { set.unicodeScalars.contains($0) }))
        case "length", "count":
            switch input {
            case .string(let s): return .int(s.unicodeScalars.count)
            case .list(let l), .tuple(let l): return .int(l.count)
            case .dict(let d): return .int(d.count)
            default: throw error(.type, "object of type '\(input.pythonTypeName)' has no len()", at: position)
            }
        case "join":
            let a = try bind(arguments, to: ["d"], for: name, at: position)
            let separator = a[0].map(PythonText.str) ?? ""
            return .string(try iterate(input, at: inputPosition).map(PythonText.str).joined(separator: separator))
        case "replace":
            let a = try bind(arguments, to: ["old", "new", "count"], for: name, at: position)
            guard let old = a[0], let new = a[1] else { throw error(.type, "'replace' needs the old and new strings", at: position) }
            let limit = a[2] == nil ? -1 : try integer(a[2], default: -1, name: name, at: position)
            return .string(TextFilters.replace(text, PythonText.str(old), PythonText.str(new), count: limit))
        case "truncate":
            let a = try bind(arguments, to: ["length", "killwords", "end", "leeway"], for: name, at: position)
            let length = try integer(a[0], default: 255, name: name, at: position)
            let end = a[2].map(PythonText.str) ?? "..."
            let leeway = try integer(a[3], default: 5, name: name, at: position)
            guard length >= end.unicodeScalars.count, leeway >= 0 else {
                throw error(.type, "'truncate' expects length >= \(end.unicodeScalars.count) and leeway >= 0", at: position)
            }
            switch input {
            case .string: break
            case .list(let items) where items.count <= length || items.count - length <= leeway: return input
            case .tuple(let items) where items.count <= length || items.count - length <= leeway: return input
            case .dict(let d) where d.count <= length || d.count - length <= leeway: return input
            case .list, .tuple, .dict: throw error(.type, "'\(input.pythonTypeName)' object has no attribute 'rsplit'", at: position)
            default: throw error(.type, "object of type '\(input.pythonTypeName)' has no len()", at: position)
            }
            return .string(TextFilters.truncate(text, length: length, killWords: a[1]?.isTruthy ?? false, end: end, leeway: leeway))
        case "first", "last":
            let items = try iterate(input, at: inputPosition)
            guard let item = name == "first" ? items.first : items.last else {
                return .undefined("no \(name) item, sequence was empty")
            }
            return item
        case "list":
            return .list(try iterate(input, at: inputPosition))
        case "tojson":
            let a = try bind(arguments, to: ["indent"], for: name, at: position)
            let indent = a[0] == nil || a[0] == TemplateValue.none ? nil : try integer(a[0], default: 0, name: name, at: position)
            return .string(PythonText.json(input.json, indent: indent.map { min(max($0, 0), 64) }))
        case "indent":
            guard case .string = input else {
                throw error(.type, "unsupported operand type(s) for +=: '\(input.pythonTypeName)' and 'str'", at: position)
            }
            let a = try bind(arguments, to: ["width", "first", "blank"], for: name, at: position)
            let indentation: String
            if case .string(let s)? = a[0] { indentation = s } else {
                indentation = String(repeating: " ", count: min(max(try integer(a[0], default: 4, name: name, at: position), 0), 1024))
            }
            return .string(TextFilters.indent(text, by: indentation, first: a[1]?.isTruthy ?? false, blank: a[2]?.isTruthy ?? false))
        case "int":
            let a = try bind(arguments, to: ["default"], for: name, at: position)
            return TextFilters.int(input) ?? a[0] ?? .int(0)
        default:
            throw error(.syntax, "unknown filter '\(name)'", at: position)
        }
    }

    func applyTest(_ name: String, to value: TemplateValue, arguments: EvaluatedArguments, at position: SourcePosition, inputPosition: SourcePosition) throws(TemplateError) -> Bool {
        let hasArguments = !arguments.positional.isEmpty || !arguments.keyword.isEmpty
        switch name {
        case "defined", "undefined", "none", "string", "number", "mapping", "sequence", "boolean", "true", "false", "integer", "float":
            if hasArguments { throw error(.type, "test '\(name)' takes no arguments", at: position) }
        default: break
        }
        switch name {
        case "defined": return !value.isUndefined
        case "undefined": return value.isUndefined
        case "none": return value == .none
        case "string", "number", "integer", "float", "boolean", "mapping", "true", "false":
            // Type checks, as in Jinja, are false for an undefined value rather than an error.
            if value.isUndefined { return false }
        default: break
        }
        let v = try require(value, at: inputPosition)
        switch name {
        case "string": if case .string = v { return true } else { return false }
        case "number": switch v { case .int, .double, .bool: return true; default: return false }
        case "integer": if case .int = v { return true } else { return false }
        case "float": if case .double = v { return true } else { return false }
        case "boolean": if case .bool = v { return true } else { return false }
        case "true": return v == .bool(true)
        case "false": return v == .bool(false)
        case "mapping": if case .dict = v { return true } else { return false }
        case "sequence": switch v { case .list, .tuple, .dict, .string: return true; default: return false }
        case "eq", "equalto", "==", "ne", "!=":
            let a = try bind(arguments, to: ["other"], for: name, at: position)
            guard let other = a[0] else { throw error(.type, "test '\(name)' needs a value to compare with", at: position) }
            return equals(v, other) == (name == "eq" || name == "equalto" || name == "==")
        case "in":
            let a = try bind(arguments, to: ["seq"], for: name, at: position)
            guard let container = a[0] else { throw error(.type, "test 'in' needs a container", at: position) }
            return try contains(container, v, at: position)
        default:
            throw error(.syntax, "unknown test '\(name)'", at: position)
        }
    }

    /// The few Python methods templates commonly call: dict items/keys/values/get and
    /// string upper/lower/strip/startswith/endswith/split.
    func callMethod(_ name: String, on receiver: TemplateValue, arguments: EvaluatedArguments, at position: SourcePosition) throws(TemplateError) -> TemplateValue {
        switch (receiver, name) {
        case (.dict(let d), "items"):
            _ = try bind(arguments, to: [], for: name, at: position)
            return .list(d.entries.map { .tuple([.string($0.key), $0.value]) })
        case (.dict(let d), "keys"):
            _ = try bind(arguments, to: [], for: name, at: position)
            return .list(d.entries.map { .string($0.key) })
        case (.dict(let d), "values"):
            _ = try bind(arguments, to: [], for: name, at: position)
            return .list(d.entries.map(\.value))
        case (.dict(let d), "get"):
            let a = try bind(arguments, to: ["key", "default"], for: name, at: position)
            guard case .string(let key)? = a[0] else { return a[1] ?? .none }
            return d[key] ?? a[1] ?? .none
        case (.string(let s), "upper"), (.string(let s), "lower"), (.string(let s), "strip"):
            _ = try bind(arguments, to: [], for: name, at: position)
            return .string(name == "upper" ? s.uppercased() : name == "lower" ? s.lowercased() : PythonText.strip(s))
        case (.string(let s), "startswith"), (.string(let s), "endswith"):
            let a = try bind(arguments, to: ["prefix"], for: name, at: position)
            guard case .string(let affix)? = a[0] else { throw error(.type, "'\(name)' needs a string", at: position) }
            return .bool(name == "startswith" ? s.unicodeScalars.starts(with: affix.unicodeScalars) : s.unicodeScalars.reversed().starts(with: affix.unicodeScalars.reversed()))
        case (.string(let s), "split"):
            let a = try bind(arguments, to: ["sep"], for: name, at: position)
            if case .string(let separator)? = a[0], !separator.isEmpty {
                return .list(s.components(separatedBy: separator).map { .string($0) })
            }
            return .list(s.unicodeScalars.split(whereSeparator: PythonText.isSpace).map { .string(String(String.UnicodeScalarView($0))) })
        default:
            throw error(.type, "'\(receiver.pythonTypeName) object' has no method '\(name)'", at: position)
        }
    }
}
