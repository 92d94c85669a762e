/// Serialises the status line and headers of a scripted response.
enum ResponseWriter {
    /// The head; `bodyLength` nil leaves out Content-Length (a body that ends when the connection closes).
    static func head(for response: ScriptedResponse, bodyLength: Int?, close: Bool) -> [UInt8] {
        let status = (100...999).contains(response.status) ? response.status : 500
        var text = "HTTP/1.1 \(status) \(reason(for: status))\r\n"
        for field in response.headers {
            let name = field.name.lowercased()
            if name == "content-length" || name == "connection" || name == "transfer-encoding" { continue }
            text += "\(clean(field.name)): \(clean(field.value))\r\n"
        }
        if let bodyLength { text += "Content-Length: \(bodyLength)\r\n" }
        if close { text += "Connection: close\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    private static func clean(_ text: String) -> String {
        String(text.filter { $0 != "\r" && $0 != "\n" })
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 201: return "Created"
        case 204: return "No Content"
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 402: return "Payment Required"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 411: return "Length Required"
        case 413: return "Content Too Large"
        case 422: return "Unprocessable Content"
        case 429: return "Too Many Requests"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return "Status \(status)"
        }
    }
}
