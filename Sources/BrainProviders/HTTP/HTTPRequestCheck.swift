/// Rejects requests that would smuggle extra header lines or reach a non-HTTP scheme.
enum HTTPRequestCheck {
    static func validate(_ request: HTTPRequest) throws(HTTPError) {
        let lowerURL = request.url.lowercased()
        guard lowerURL.hasPrefix("http://") || lowerURL.hasPrefix("https://") else {
            throw .invalidRequest("url must start with http:// or https://")
        }
        if request.url.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) {
            throw .invalidRequest("url contains spaces or control characters")
        }
        guard !request.method.isEmpty, request.method.utf8.allSatisfy(isTokenByte) else {
            throw .invalidRequest("method is not an http token")
        }
        for header in request.headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(isTokenByte) else {
                throw .invalidRequest("header name is not an http token")
            }
            if header.value.utf8.contains(where: { $0 == 0x0D || $0 == 0x0A || $0 == 0 }) {
                throw .invalidRequest("header \(header.name) contains a line break")
            }
        }
    }

    /// RFC 9110 `tchar`.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
