import Foundation

/// One way a JSON document fails a schema: where (a JSON Pointer), which keyword, and why.
public struct SchemaViolation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// JSON Pointer (RFC 6901) to the offending value, e.g. `/work/0/startDate`; "" is the document.
    public var path: String
    /// The schema keyword that failed, e.g. `pattern`, `required`, `$ref`.
    public var keyword: String
    /// What is wrong, in words a person can act on.
    public var message: String

    public init(path: String, keyword: String, message: String) {
        self.path = path
        self.keyword = keyword
        self.message = message
    }

    /// `"/work/0/startDate: value \"Jan\" does not match … (pattern)"`; the document itself shows as `(document)`.
    public var description: String {
        "\(path.isEmpty ? "(document)" : path): \(message) (\(keyword))"
    }
}

/// Building JSON Pointers (RFC 6901) one step at a time.
enum JSONPointer {
    /// Appends an object key, escaping `~` and `/`.
    static func appending(_ key: String, to pointer: String) -> String {
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return pointer + "/" + key }
        let escaped = key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
        return pointer + "/" + escaped
    }

    /// Appends an array index.
    static func appending(_ index: Int, to pointer: String) -> String { pointer + "/" + String(index) }

    /// The reference tokens of a pointer (unescaped), or nil when it does not start with `/`.
    static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.hasPrefix("/") else { return nil }
        return pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }
}
