/// Why the fake server could not start.
public enum FakeServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host is not a numeric IPv4 address.
    case invalidHost(String)
    /// A socket call failed; `call` names it and `errno` is the system error number.
    case socket(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .invalidHost(let host): return "fake server: host \(host) is not an ipv4 address"
        case .socket(let call, let code): return "fake server: \(call) failed (errno \(code))"
        }
    }
}
