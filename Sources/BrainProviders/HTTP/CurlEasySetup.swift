import CCurl
import Foundation

/// Applies an `HTTPRequest` to a (fresh or reset) easy handle for `transfer`.
///
/// Callbacks reach the transfer only through their user-data pointer; the multi loop keeps the
/// transfer alive until the handle is removed from the multi handle.
enum CurlEasySetup {
    static func configure(_ easy: UnsafeMutableRawPointer, for transfer: CurlTransfer) throws(HTTPError) {
        let request = transfer.request
        let context = Unmanaged.passUnretained(transfer).toOpaque()

        try check(brain_curl_easy_setopt_string(easy, CURLOPT_URL, request.url), "url")
        try check(brain_curl_easy_setopt_string(easy, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols")
        try check(brain_curl_easy_setopt_long(easy, CURLOPT_NOSIGNAL, 1), "nosignal")
        try check(brain_curl_easy_setopt_long(easy, CURLOPT_FOLLOWLOCATION, 0), "redirects")
        try check(brain_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYPEER, 1), "tls verification")
        try check(brain_curl_easy_setopt_long(easy, CURLOPT_SSL_VERIFYHOST, 2), "tls host verification")
        try check(brain_curl_easy_setopt_long(easy, CURLOPT_TCP_KEEPALIVE, 1), "tcp keepalive")
        try check(
            brain_curl_easy_setopt_long(easy, CURLOPT_CONNECTTIMEOUT_MS, milliseconds(request.connectTimeout)),
            "connect timeout")
        try check(
            brain_curl_easy_setopt_long(easy, CURLOPT_TIMEOUT_MS, milliseconds(request.totalTimeout)), "timeout")
        try check(
            brain_curl_easy_setopt_off_t(easy, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(max(0, request.maxResponseBytes))),
            "body cap")
        try check(brain_curl_easy_setopt_pointer(easy, CURLOPT_ERRORBUFFER, transfer.errorBuffer), "error buffer")

        try check(
            brain_curl_easy_setopt_data_callback(easy, CURLOPT_WRITEFUNCTION) { data, size, count, user in
                guard let data, let user else { return 0 }
                let total = size &* count
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
                let accepted = data.withMemoryRebound(to: UInt8.self, capacity: total) {
                    transfer.receiveBody(UnsafeBufferPointer(start: $0, count: total))
                }
                return accepted ? total : 0
            }, "write callback")
        try check(brain_curl_easy_setopt_pointer(easy, CURLOPT_WRITEDATA, context), "write context")
        try check(
            brain_curl_easy_setopt_data_callback(easy, CURLOPT_HEADERFUNCTION) { data, size, count, user in
                guard let data, let user else { return 0 }
                let total = size &* count
                let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
                data.withMemoryRebound(to: UInt8.self, capacity: total) {
                    transfer.receiveHeaderLine(UnsafeBufferPointer(start: $0, count: total))
                }
                return total
            }, "header callback")
        try check(brain_curl_easy_setopt_pointer(easy, CURLOPT_HEADERDATA, context), "header context")

        try applyMethodAndBody(easy, request)
        transfer.headerList = headerList(for: request)
        try check(brain_curl_easy_setopt_pointer(easy, CURLOPT_HTTPHEADER, transfer.headerList), "headers")
    }

    private static func applyMethodAndBody(_ easy: UnsafeMutableRawPointer, _ request: HTTPRequest) throws(HTTPError) {
        let method = request.method.uppercased()
        switch (method, request.body) {
        case ("GET", nil):
            try check(brain_curl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1), "method")
        case ("HEAD", nil):
            try check(brain_curl_easy_setopt_long(easy, CURLOPT_NOBODY, 1), "method")
        default:
            let body = request.body ?? Data()
            if body.isEmpty && (method == "GET" || method == "DELETE") {
                try check(brain_curl_easy_setopt_long(easy, CURLOPT_HTTPGET, 1), "method")
            } else {
                try check(
                    brain_curl_easy_setopt_off_t(easy, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)),
                    "body size")
                // COPYPOSTFIELDS copies exactly POSTFIELDSIZE bytes, so binary bodies survive.
                let code = body.withUnsafeBytes { raw -> CURLcode in
                    let empty: UInt8 = 0
                    if let base = raw.baseAddress {
                        return brain_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: base))
                    }
                    return withUnsafePointer(to: empty) {
                        brain_curl_easy_setopt_pointer(easy, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0))
                    }
                }
                try check(code, "body")
            }
            if method != "POST" && method != "GET" {
                try check(brain_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, method), "method")
            } else if method == "GET" && !body.isEmpty {
                try check(brain_curl_easy_setopt_string(easy, CURLOPT_CUSTOMREQUEST, "GET"), "method")
            }
        }
    }

    /// The request's headers, plus blank overrides so libcurl adds no `Expect: 100-continue` and no
    /// form content type the caller did not ask for.
    private static func headerList(for request: HTTPRequest) -> UnsafeMutablePointer<curl_slist>? {
        var list: UnsafeMutablePointer<curl_slist>?
        func append(_ line: String) {
            if let grown = curl_slist_append(list, line) { list = grown }
        }
        for header in request.headers {
            append(header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)")
        }
        if request.headers["Expect"] == nil { append("Expect:") }
        if request.headers["Content-Type"] == nil { append("Content-Type:") }
        return list
    }

    /// Seconds as libcurl milliseconds, clamped to [1 ms, 1 day]; NaN and infinities become a day.
    static func milliseconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return 86_400_000 }
        return Int(min(max(seconds * 1000, 1), 86_400_000))
    }

    private static func check(_ code: CURLcode, _ what: String) throws(HTTPError) {
        if code != CURLE_OK {
            throw .invalidRequest("\(what): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}
