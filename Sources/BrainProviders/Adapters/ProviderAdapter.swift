import BrainCore
import Foundation

/// Builds one dialect's requests and reads its responses; pure: no I/O, no state.
///
/// The router sends `makeRequest`'s value with the HTTP client, then hands the response to
/// `parse` (or a transport failure to `classify(transport:apiKey:)`).
public protocol ProviderAdapter: Sendable {
    var config: ProviderConfig { get }
    /// The chat-completion request; throws `.badRequest` when the request cannot be expressed.
    func makeRequest(_ request: CompletionRequest, apiKey: String) throws(ProviderError) -> HTTPRequest
    /// The completion in `response`, or the classified failure (also for errors inside a 200 body).
    func parse(_ response: HTTPResponse, for request: CompletionRequest, apiKey: String) -> Result<Completion, ProviderError>
    /// `request` (built by `makeRequest` with an empty key) carrying `apiKey`, so a request body
    /// is serialised once even when it is checked before a key is reserved.
    func authorize(_ request: HTTPRequest, apiKey: String) -> HTTPRequest
    /// A request that checks reachability and the key without spending tokens.
    func makeHealthProbe(apiKey: String) -> HTTPRequest
    /// The verdict of a health probe.
    func parseHealthProbe(_ response: HTTPResponse, apiKey: String) -> Result<ProviderHealth, ProviderError>
}

extension ProviderAdapter {
    /// A transport failure (no HTTP status) as a `ProviderError`.
    public func classify(transport error: HTTPError, apiKey: String) -> ProviderError {
        ProviderError(transport: error, provider: config.name, secrets: [apiKey])
    }

    func classifier(apiKey: String) -> ErrorClassifier {
        ErrorClassifier(provider: config.name, flavor: config.flavor, secrets: [apiKey])
    }

    func error(_ kind: ProviderError.Kind, status: Int?, _ message: String, apiKey: String) -> ProviderError {
        ProviderError(kind: kind, provider: config.name, status: status, message: message, secrets: [apiKey])
    }

    /// `config.baseURL` with `path` appended, without doubling the slash.
    func url(_ path: String) -> String {
        var base = config.baseURL
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }

    func httpRequest(method: String, url: String, headers: HTTPHeaders, body: [UInt8]?) -> HTTPRequest {
        var all = headers
        for header in config.extraHeaders { all.add(header.name, header.value) }
        let timeout = config.timeout > 0 ? config.timeout : 120
        return HTTPRequest(
            method: method, url: url, headers: all, body: body.map { Data($0) },
            connectTimeout: min(10, timeout), totalTimeout: timeout)
    }

    /// The response body as JSON (leading whitespace allowed), or a malformed-response error.
    func parseJSON(_ response: HTTPResponse, apiKey: String) -> Result<JSONValue, ProviderError> {
        // Parsed from the bytes: the same document as from `bodyText` (invalid UTF-8 is repaired
        // inside strings either way), without first copying the body into a String.
        let bytes = [UInt8](unsafeUninitializedCapacity: response.body.count) { buffer, count in
            count = response.body.copyBytes(to: buffer)
        }
        guard let document = try? JSONValue.parse(bytes: bytes, maxDepth: 128), document.objectValue != nil else {
            let snippet = response.bodyText.trimmingSpaces.snippet(200)
            return .failure(error(.malformedResponse, status: response.status, "body is not a JSON object: " + snippet, apiKey: apiKey))
        }
        return .success(document)
    }

    /// An error object found inside a 2xx body, classified by the status it states (else as a 502).
    func inBodyError(_ body: ErrorBody?, response: HTTPResponse, apiKey: String, now: Double) -> ProviderError {
        var status = 502
        if let stated = body?.statedStatus, (400...599).contains(stated) { status = stated }
        return classifier(apiKey: apiKey).classify(
            status: status, headers: response.headers, errorBody: body, rawBody: response.bodyText, now: now)
    }
}

/// Chooses the adapter for a provider's kind.
public enum ProviderAdapters {
    /// `OpenAICompatibleAdapter` for kind `openai`, `GeminiAdapter` for kind `gemini`.
    public static func make(for config: ProviderConfig, clock: any WallClock = SystemClock()) -> any ProviderAdapter {
        switch config.kind {
        case .openai: return OpenAICompatibleAdapter(config: config, clock: clock)
        case .gemini: return GeminiAdapter(config: config, clock: clock)
        }
    }
}
