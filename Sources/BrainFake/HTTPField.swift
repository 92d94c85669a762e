/// One header line as it was sent or will be sent; names compare case-insensitively on lookup.
public struct HTTPField: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HTTPField {
    /// The last value of `name` (case-insensitive), or nil.
    public func value(of name: String) -> String? {
        let lower = name.lowercased()
        return last(where: { $0.name.lowercased() == lower })?.value
    }
}
