import BrainCore

/// A value while rendering: JSON data plus the distinctions Jinja makes (int versus float,
/// undefined versus none).
///
/// `undefined` carries the message to report if the value is used (strict undefined).
public enum TemplateValue: Sendable, Equatable {
    case undefined(String)
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([TemplateValue])
    /// An immutable sequence; `items()` yields `(key, value)` pairs as tuples, as Python does.
    case tuple([TemplateValue])
    case dict(TemplateDict)

    /// Converts JSON data; integral numbers become ints, as Python's json module would for `3`.
    public init(_ json: JSONValue) {
        switch json {
        case .null: self = .none
        case .bool(let b): self = .bool(b)
        case .number(let n):
            if let i = json.intValue { self = .int(i) } else { self = .double(n) }
        case .string(let s): self = .string(s)
        case .array(let a): self = .list(a.map(TemplateValue.init))
        case .object(let o): self = .dict(TemplateDict(o.entries.map { ($0.key, TemplateValue($0.value)) }))
        }
    }

    var isUndefined: Bool { if case .undefined = self { return true } else { return false } }

    /// Python truthiness (undefined must be checked by the caller first).
    var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l), .tuple(let l): return !l.isEmpty
        case .dict(let d): return !d.isEmpty
        }
    }

    /// Python's type name, as Jinja's error messages use it.
    var pythonTypeName: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        }
    }

    /// The value as JSON (for `tojson`); undefined becomes null.
    var json: JSONValue {
        switch self {
        case .undefined, .none: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .number(Double(i))
        case .double(let d): return .number(d)
        case .string(let s): return .string(s)
        case .list(let l), .tuple(let l): return .array(l.map(\.json))
        case .dict(let d): return .object(JSONObject(d.entries.map { ($0.key, $0.value.json) }))
        }
    }
}

/// An insertion-ordered mapping from string keys, like a Python dict built from JSON.
public struct TemplateDict: Sendable, Equatable {
    public private(set) var entries: [(key: String, value: TemplateValue)]

    public init(_ pairs: [(String, TemplateValue)] = []) {
        entries = []
        for (k, v) in pairs { self[k] = v }
    }

    public var isEmpty: Bool { entries.isEmpty }
    public var count: Int { entries.count }

    public subscript(key: String) -> TemplateValue? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    public static func == (lhs: TemplateDict, rhs: TemplateDict) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }
}
