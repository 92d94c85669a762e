import CCurl
import Foundation

/// Turns a finished easy handle into a response or an `HTTPError`.
enum CurlOutcome {
    static func make(code: CURLcode, easy: UnsafeMutableRawPointer, transfer: CurlTransfer) -> CurlTransfer.Outcome {
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds &- transfer.startedAt) / 1e9
        guard code == CURLE_OK else { return .failure(error(code: code, elapsed: elapsed, transfer: transfer)) }
        var status = 0
        _ = brain_curl_easy_getinfo_long(easy, CURLINFO_RESPONSE_CODE, &status)
        let response = HTTPResponse(
            status: status, headers: HTTPHeaders(transfer.headers), body: transfer.body, elapsed: elapsed)
        return .success(response)
    }

    /// Maps a libcurl failure; a timeout reports the limit that fired (connect or total).
    static func error(code: CURLcode, elapsed: Double, transfer: CurlTransfer) -> HTTPError {
        let request = transfer.request
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            let connectLimit = Double(CurlEasySetup.milliseconds(request.connectTimeout)) / 1000
            let totalLimit = Double(CurlEasySetup.milliseconds(request.totalTimeout)) / 1000
            let connectFired = connectLimit < totalLimit && elapsed < totalLimit * 0.95
                && transfer.headers.isEmpty && transfer.body.isEmpty
            return .timeout(seconds: connectFired ? request.connectTimeout : request.totalTimeout)
        case CURLE_FILESIZE_EXCEEDED:
            return .bodyTooLarge(limit: request.maxResponseBytes)
        case CURLE_WRITE_ERROR where transfer.exceededLimit:
            return .bodyTooLarge(limit: request.maxResponseBytes)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return .invalidRequest(transfer.errorMessage(for: code))
        default:
            return .network(code: Int(code.rawValue), message: transfer.errorMessage(for: code))
        }
    }
}
