import Foundation

/// A value bound to or read from SQLite.
public enum SQLValue: Sendable, Equatable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)

    public var int: Int? {
        switch self {
        case .integer(let v): return Int(v)
        case .real(let v): return v.isFinite && abs(v) < 9.0e18 ? Int(v) : nil
        case .text(let s): return Int(s)
        default: return nil
        }
    }

    public var double: Double? {
        switch self {
        case .integer(let v): return Double(v)
        case .real(let v): return v
        case .text(let s): return Double(s)
        default: return nil
        }
    }

    public var string: String? {
        switch self {
        case .text(let s): return s
        case .integer(let v): return String(v)
        case .real(let v): return String(v)
        case .blob(let d): return String(decoding: d, as: UTF8.self)
        case .null: return nil
        }
    }

    public var data: Data? {
        switch self {
        case .blob(let d): return d
        case .text(let s): return Data(s.utf8)
        default: return nil
        }
    }

    public var bool: Bool? { int.map { $0 != 0 } }
    public var isNull: Bool { self == .null }
}

/// Types that bind as SQL parameters: Int, Int64, Double, String, Data, Bool, and optionals of them.
public protocol SQLValueConvertible: Sendable {
    var sqlValue: SQLValue { get }
}

extension SQLValue: SQLValueConvertible { public var sqlValue: SQLValue { self } }
extension Int: SQLValueConvertible { public var sqlValue: SQLValue { .integer(Int64(self)) } }
extension Int64: SQLValueConvertible { public var sqlValue: SQLValue { .integer(self) } }
extension Double: SQLValueConvertible { public var sqlValue: SQLValue { .real(self) } }
extension String: SQLValueConvertible { public var sqlValue: SQLValue { .text(self) } }
extension Substring: SQLValueConvertible { public var sqlValue: SQLValue { .text(String(self)) } }
extension Data: SQLValueConvertible { public var sqlValue: SQLValue { .blob(self) } }
extension Bool: SQLValueConvertible { public var sqlValue: SQLValue { .integer(self ? 1 : 0) } }
extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
}
