import Foundation

/// A request exactly as the fake server read it off the socket.
public struct ReceivedRequest: Sendable, Equatable {
    public var method: String
    /// The request target as sent: path plus optional `?query`.
    public var target: String
    /// "HTTP/1.1" or "HTTP/1.0".
    public var version: String
    public var headers: [HTTPField]
    public var body: [UInt8]
    /// Which accepted connection carried the request (1 for the first connection the server accepted).
    public var connectionID: Int

    public init(
        method: String, target: String, version: String = "HTTP/1.1", headers: [HTTPField] = [],
        body: [UInt8] = [], connectionID: Int = 0
    ) {
        self.method = method
        self.target = target
        self.version = version
        self.headers = headers
        self.body = body
        self.connectionID = connectionID
    }

    /// The target without its query string.
    public var path: String {
        guard let mark = target.firstIndex(of: "?") else { return target }
        return String(target[..<mark])
    }

    /// The query string after `?`, if any.
    public var query: String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        return String(target[target.index(after: mark)...])
    }

    /// The last value of header `name` (case-insensitive), or nil.
    public func header(_ name: String) -> String? { headers.value(of: name) }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The API key the caller presented: `Authorization: Bearer`, `x-goog-api-key`, or `?key=`.
    public var apiKey: String? {
        if let authorization = header("Authorization") {
            let parts = authorization.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            if parts.count == 2, parts[0].lowercased() == "bearer" { return String(parts[1]) }
        }
        if let key = header("x-goog-api-key") { return key }
        for pair in (query ?? "").split(separator: "&") where pair.hasPrefix("key=") {
            return String(pair.dropFirst(4)).removingPercentEncoding ?? String(pair.dropFirst(4))
        }
        return nil
    }
}
