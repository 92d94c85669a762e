import Foundation

/// One HTTP header line. Names compare case-insensitively through `HTTPHeaders`.
public struct HTTPHeader: Sendable, Equatable, Hashable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of headers with case-insensitive lookup.
public struct HTTPHeaders: Sendable, Equatable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public var fields: [HTTPHeader]
    public init(_ fields: [HTTPHeader] = []) { self.fields = fields }
    public init(dictionaryLiteral elements: (String, String)...) { fields = elements.map { HTTPHeader($0.0, $0.1) } }

    /// The last value of `name` (case-insensitive), or nil.
    public subscript(name: String) -> String? {
        let lower = name.lowercased()
        return fields.last(where: { $0.name.lowercased() == lower })?.value
    }

    public mutating func add(_ name: String, _ value: String) { fields.append(HTTPHeader(name, value)) }
    public func makeIterator() -> IndexingIterator<[HTTPHeader]> { fields.makeIterator() }
}

/// An HTTP request as the client sends it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    public var url: String
    public var headers: HTTPHeaders
    public var body: Data?
    /// Seconds allowed to establish the connection.
    public var connectTimeout: Double
    /// Seconds allowed for the whole exchange.
    public var totalTimeout: Double
    /// Response bodies larger than this fail with `HTTPError.bodyTooLarge`.
    public var maxResponseBytes: Int

    public init(
        method: String = "GET", url: String, headers: HTTPHeaders = HTTPHeaders(), body: Data? = nil,
        connectTimeout: Double = 10, totalTimeout: Double = 120, maxResponseBytes: Int = 8 << 20
    ) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxResponseBytes = maxResponseBytes
    }
}

/// An HTTP response as received.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: HTTPHeaders
    public var body: Data
    /// Seconds from sending to the last byte, as measured by the client.
    public var elapsed: Double

    public init(status: Int, headers: HTTPHeaders = HTTPHeaders(), body: Data = Data(), elapsed: Double = 0) {
        self.status = status
        self.headers = headers
        self.body = body
        self.elapsed = elapsed
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Transport failures: no HTTP status was received (or the body could not be read in full).
public enum HTTPError: Error, Sendable, Equatable, CustomStringConvertible {
    /// DNS, connect, TLS, reset, partial body: `code` is libcurl's CURLcode.
    case network(code: Int, message: String)
    /// The connect or total timeout fired.
    case timeout(seconds: Double)
    /// The body passed `maxResponseBytes`.
    case bodyTooLarge(limit: Int)
    /// The task was cancelled while the transfer was in flight.
    case cancelled
    /// The request could not be built (bad URL, unsupported method).
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .network(let code, let message): return "network error (curl \(code)): \(message)"
        case .timeout(let seconds): return "timed out after \(seconds)s"
        case .bodyTooLarge(let limit): return "response body larger than \(limit) bytes"
        case .cancelled: return "cancelled"
        case .invalidRequest(let why): return "invalid request: \(why)"
        }
    }
}
