import CCurl
import Foundation

/// One request on its way through the curl thread: its easy handle, buffers and the waiting caller.
///
/// The caller side (`attach`, `requestCancel`) and the curl thread meet only under `lock`; the
/// buffers and the easy handle are touched by the curl thread alone.
final class CurlTransfer: @unchecked Sendable {
    typealias Outcome = Result<HTTPResponse, HTTPError>

    let request: HTTPRequest
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Outcome, Never>?
    private var cancelRequested = false
    private var submitted = false
    private var finished = false

    // Curl-thread state.
    var easy: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    var body = Data()
    var headers: [HTTPHeader] = []
    var exceededLimit = false
    var startedAt: UInt64 = 0
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(request: HTTPRequest) {
        self.request = request
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        errorBuffer.deallocate()
    }

    /// Stores the caller's continuation; false when the task was cancelled before submission.
    func attach(_ continuation: CheckedContinuation<Outcome, Never>) -> Bool {
        lock.withLock {
            if cancelRequested { return false }
            self.continuation = continuation
            submitted = true
            return true
        }
    }

    /// Marks the transfer cancelled; true when it was already submitted to the curl thread.
    func markCancelled() -> Bool {
        lock.withLock {
            cancelRequested = true
            return submitted && !finished
        }
    }

    var isCancelled: Bool { lock.withLock { cancelRequested } }

    /// Resumes the caller exactly once.
    func finish(_ outcome: Outcome) {
        let waiting: CheckedContinuation<Outcome, Never>? = lock.withLock {
            if finished { return nil }
            finished = true
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume(returning: outcome)
    }

    /// libcurl's message for the last failure of this transfer, or its generic text for `code`.
    func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        if !detail.isEmpty { return detail }
        return String(cString: curl_easy_strerror(code))
    }

    /// Collects one header line; a status line starts a new response (after 100-continue or a redirect).
    func receiveHeaderLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        var end = bytes.count
        while end > 0 && (bytes[end - 1] == 13 || bytes[end - 1] == 10) { end -= 1 }
        let raw = UnsafeBufferPointer(rebasing: bytes[0..<end])
        if raw.allSatisfy({ $0 < 0x80 }) { return receiveASCIIHeaderLine(raw) }
        let line = Substring(String(decoding: raw, as: UTF8.self))
        if line.hasPrefix("HTTP/") {
            headers.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        if !name.isEmpty { headers.append(HTTPHeader(name, value)) }
    }

    /// The common case of `receiveHeaderLine` on bytes: in ASCII, `.whitespaces` is space and tab.
    private func receiveASCIIHeaderLine(_ line: UnsafeBufferPointer<UInt8>) {
        if line.starts(with: "HTTP/".utf8) {
            headers.removeAll(keepingCapacity: true)
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return }
        let name = CurlTransfer.trimmedText(line, 0..<colon)
        let value = CurlTransfer.trimmedText(line, (colon + 1)..<line.count)
        if !name.isEmpty { headers.append(HTTPHeader(name, value)) }
    }

    private static func trimmedText(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, line[lower] == 0x20 || line[lower] == 0x09 { lower += 1 }
        while upper > lower, line[upper - 1] == 0x20 || line[upper - 1] == 0x09 { upper -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: line[lower..<upper]), as: UTF8.self)
    }

    /// Appends body bytes; false (abort) once the body would pass `maxResponseBytes`.
    func receiveBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let limit = max(0, request.maxResponseBytes)
        if bytes.count > limit - body.count {
            exceededLimit = true
            return false
        }
        body.append(bytes)
        return true
    }
}
