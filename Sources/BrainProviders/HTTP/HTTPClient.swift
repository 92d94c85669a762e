import Foundation

/// An HTTP/1.1 and HTTP/2 client on libcurl's multi interface, shared by all provider calls.
///
/// One dedicated thread drives every transfer (never Swift's cooperative pool); `send` suspends
/// until that thread finishes the transfer. Connections to the same host are kept alive and reused
/// from one connection cache. TLS is verified, redirects are not followed, and the proxy
/// environment variables (`http_proxy`, `https_proxy`, `no_proxy`) are honoured as libcurl does.
///
/// Call `shutdown()` before the process exits; it is also run by `deinit`.
///
/// ```swift
/// let client = HTTPClient()
/// defer { client.shutdown() }
/// let response = try await client.send(HTTPRequest(url: "http://127.0.0.1:8080/v1/models"))
/// ```
public final class HTTPClient: Sendable {
    private let loop: CurlMultiLoop

    /// - Parameter maxConnections: the size of the idle-connection cache (and of the easy-handle pool).
    public init(maxConnections: Int = 64) {
        loop = CurlMultiLoop(maxConnections: maxConnections)
    }

    deinit {
        loop.shutdown()
    }

    /// Sends a request and waits for the whole response.
    ///
    /// Cancelling the calling task aborts the transfer and throws `.cancelled`. Any HTTP status
    /// is a response; only transport failures throw.
    public func send(_ request: HTTPRequest) async throws(HTTPError) -> HTTPResponse {
        try HTTPRequestCheck.validate(request)
        let transfer = CurlTransfer(request: request)
        let loop = self.loop
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<CurlTransfer.Outcome, Never>) in
                guard transfer.attach(continuation) else {
                    return continuation.resume(returning: .failure(.cancelled))
                }
                if !loop.submit(transfer) { transfer.finish(.failure(.cancelled)) }
            }
        } onCancel: {
            if transfer.markCancelled() { loop.cancel(transfer) }
        }
        return try outcome.get()
    }

    /// Aborts transfers in flight (they throw `.cancelled`), frees every handle and stops the thread.
    /// Later calls to `send` throw `.cancelled`. Safe to call more than once.
    public func shutdown() {
        loop.shutdown()
    }
}
