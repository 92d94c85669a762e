/// Maps transport failures (no HTTP status) to error classes (providers.md §16, first rows).
extension ProviderError {
    /// libcurl's `CURLE_OPERATION_TIMEDOUT`.
    static let curlTimedOut = 28

    /// The class of a transport failure: timeouts (and curl code 28) are `timeout`, a body over
    /// the cap is `malformedResponse`, everything else that never produced a status is `network`.
    public init(transport error: HTTPError, provider: String, secrets: [String]) {
        let kind: Kind
        switch error {
        case .network(let code, _): kind = code == ProviderError.curlTimedOut ? .timeout : .network
        case .timeout: kind = .timeout
        case .bodyTooLarge: kind = .malformedResponse
        case .cancelled: kind = .cancelled
        case .invalidRequest: kind = .badRequest
        }
        self.init(kind: kind, provider: provider, message: error.description, secrets: secrets)
    }
}
