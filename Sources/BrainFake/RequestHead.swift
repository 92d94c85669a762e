import Foundation

/// The request line and headers of one HTTP/1.x request, parsed from raw bytes.
struct RequestHead: Equatable {
    var method: String
    var target: String
    var version: String
    var headers: [HTTPField]

    /// Why a head was refused: the status to answer with and a short reason for the body.
    struct Refusal: Error, Equatable {
        var status: Int
        var reason: String
    }

    /// Index just past the blank line that ends the head, or nil if it has not arrived yet.
    static func end(in buffer: [UInt8]) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var index = 3
        while index < buffer.count {
            if buffer[index] == 10 {
                if buffer[index - 1] == 13 && buffer[index - 2] == 10 && buffer[index - 3] == 13 { return index + 1 }
                if buffer[index - 1] == 10 { return index + 1 }  // bare LF LF, tolerated
            }
            index += 1
        }
        return nil
    }

    /// Parses `bytes` (the head including its blank line).
    static func parse(_ bytes: ArraySlice<UInt8>, maxHeaderCount: Int) throws(Refusal) -> RequestHead {
        // Split on bytes: in Swift strings "\r\n" is one Character.
        var lines = bytes.split(separator: 10, omittingEmptySubsequences: false).map { line -> Substring in
            let trimmed = line.last == 13 ? line.dropLast() : line
            return Substring(String(decoding: trimmed, as: UTF8.self))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let requestLine = lines.first else { throw Refusal(status: 400, reason: "empty request") }
        let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isLetter && $0.isASCII }),
            parts[1].hasPrefix("/") || parts[1] == "*", parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0"
        else { throw Refusal(status: 400, reason: "malformed request line") }
        let fieldLines = lines.dropFirst()
        guard fieldLines.count <= maxHeaderCount else {
            throw Refusal(status: 431, reason: "too many header fields")
        }
        var headers: [HTTPField] = []
        for line in fieldLines {
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                let first = line.first, first != " " && first != "\t"
            else { throw Refusal(status: 400, reason: "malformed header field") }
            let name = line[..<colon]
            guard !name.contains(where: { $0 == " " || $0 == "\t" }) else {
                throw Refusal(status: 400, reason: "malformed header name")
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            headers.append(HTTPField(String(name), value))
        }
        return RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }

    /// The declared body length, refusing chunked bodies (411) and bodies over `maxBodyBytes` (413).
    func bodyLength(maxBodyBytes: Int) throws(Refusal) -> Int {
        if headers.value(of: "Transfer-Encoding") != nil {
            throw Refusal(status: 411, reason: "chunked request bodies are not supported; send Content-Length")
        }
        let declared = headers.filter { $0.name.lowercased() == "content-length" }.map(\.value)
        guard let first = declared.first else { return 0 }
        guard declared.allSatisfy({ $0 == first }), !first.isEmpty, first.utf8.count <= 18,
            first.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let length = Int(first)
        else { throw Refusal(status: 400, reason: "invalid content-length") }
        guard length <= maxBodyBytes else {
            throw Refusal(status: 413, reason: "request body larger than \(maxBodyBytes) bytes")
        }
        return length
    }

    /// Whether the connection stays open after the response (HTTP/1.1 default, 1.0 on request).
    var keepAlive: Bool {
        let connection = headers.value(of: "Connection")?.lowercased() ?? ""
        if version == "HTTP/1.0" { return connection.contains("keep-alive") }
        return !connection.contains("close")
    }
}
