#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serves one accepted connection on its own thread until either side closes it.
struct HTTPConnection {
    let fd: Int32
    let id: Int
    let server: HTTPServer

    func run() {
        var buffer: [UInt8] = []
        while !server.isStopping {
            guard let headEnd = readHead(into: &buffer) else { return }
            let head: RequestHead
            let length: Int
            do {
                head = try RequestHead.parse(buffer[..<headEnd], maxHeaderCount: server.limits.maxHeaderCount)
                length = try head.bodyLength(maxBodyBytes: server.limits.maxBodyBytes)
            } catch {
                return refuse(error)
            }
            while buffer.count - headEnd < length {
                if Socket.read(fd, into: &buffer) <= 0 { return }
            }
            let body = Array(buffer[headEnd..<(headEnd + length)])
            buffer.removeFirst(headEnd + length)
            let request = ReceivedRequest(
                method: head.method, target: head.target, version: head.version, headers: head.headers, body: body,
                connectionID: id)
            guard respond(server.handler(request), keepAlive: head.keepAlive, isHead: head.method == "HEAD") else { return }
        }
    }

    /// Reads until a complete head is buffered; nil when the peer closed or the head was refused.
    private func readHead(into buffer: inout [UInt8]) -> Int? {
        while true {
            if let end = RequestHead.end(in: buffer) {
                if end > server.limits.maxHeaderBytes {
                    refuse(RequestHead.Refusal(status: 431, reason: "request header too large"))
                    return nil
                }
                return end
            }
            if buffer.count > server.limits.maxHeaderBytes {
                refuse(RequestHead.Refusal(status: 431, reason: "request header too large"))
                return nil
            }
            if Socket.read(fd, into: &buffer) <= 0 { return nil }
        }
    }

    /// Performs a scripted response; false when the connection must close.
    private func respond(_ response: ScriptedResponse, keepAlive: Bool, isHead: Bool) -> Bool {
        if response.delayMilliseconds > 0 && !server.pause(milliseconds: response.delayMilliseconds) { return false }
        switch response.ending {
        case .hang:
            _ = server.pause(milliseconds: nil)
            return false
        case .drop:
            return false
        case .closeDelimited:
            let head = ResponseWriter.head(for: response, bodyLength: nil, close: true)
            _ = Socket.writeAll(fd, head + response.body)
            return false
        case .partialBody(let bytes):
            let head = ResponseWriter.head(for: response, bodyLength: response.body.count, close: true)
            let part = response.body.prefix(max(0, min(bytes, response.body.count)))
            _ = Socket.writeAll(fd, head + part)
            return false
        case .complete:
            let head = ResponseWriter.head(for: response, bodyLength: response.body.count, close: !keepAlive)
            guard Socket.writeAll(fd, isHead ? head : head + response.body) else { return false }
            return keepAlive
        }
    }

    /// Answers a refused request, then reads (and discards) what the client is still sending so
    /// it sees the answer rather than a reset, and closes.
    private func refuse(_ error: Error) {
        let refusal = error as? RequestHead.Refusal ?? RequestHead.Refusal(status: 400, reason: "bad request")
        let response = ScriptedResponse.json(#"{"error":{"message":"\#(refusal.reason)","type":"invalid_request_error","code":\#(refusal.status)}}"#, status: refusal.status)
        let head = ResponseWriter.head(for: response, bodyLength: response.body.count, close: true)
        _ = Socket.writeAll(fd, head + response.body)
        _ = shutdown(fd, Int32(SHUT_WR))
        var sink: [UInt8] = []
        var drained = 0
        while drained < 64 << 20, Socket.waitReadable(fd, milliseconds: 2000) {
            sink.removeAll(keepingCapacity: true)
            let got = Socket.read(fd, into: &sink)
            if got <= 0 { break }
            drained += got
        }
    }
}
