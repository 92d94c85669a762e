/// One result row, readable by column index or name.
public struct Row: Sendable, Equatable {
    public let columns: [String]
    public let values: [SQLValue]

    public init(columns: [String], values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(index: Int) -> SQLValue { values.indices.contains(index) ? values[index] : .null }

    /// The value of the named column (`.null` when there is no such column).
    public subscript(name: String) -> SQLValue {
        guard let i = columns.firstIndex(of: name) else { return .null }
        return values[i]
    }

    public func int(_ name: String) -> Int? { self[name].int }
    public func double(_ name: String) -> Double? { self[name].double }
    public func string(_ name: String) -> String? { self[name].string }
    public func bool(_ name: String) -> Bool? { self[name].bool }
}
