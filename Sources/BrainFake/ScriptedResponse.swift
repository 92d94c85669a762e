/// What the fake server does with one request: an answer, possibly delayed, possibly broken.
public struct ScriptedResponse: Sendable, Equatable {
    /// How the exchange ends.
    public enum Ending: Sendable, Equatable {
        /// The whole response, then the connection stays open (keep-alive) unless the client asked to close.
        case complete
        /// The head (announcing the full Content-Length) and only the first `bytes` of the body, then close.
        case partialBody(bytes: Int)
        /// The head without Content-Length, the whole body, then close (the body ends at end of stream).
        case closeDelimited
        /// Close the connection without writing anything.
        case drop
        /// Never answer; the connection is closed only when the server stops.
        case hang
    }

    public var status: Int
    public var headers: [HTTPField]
    public var body: [UInt8]
    /// Milliseconds to wait before acting (a real sleep on the connection's own thread).
    public var delayMilliseconds: Int
    public var ending: Ending

    public init(
        status: Int = 200, headers: [HTTPField] = [], body: [UInt8] = [], delayMilliseconds: Int = 0,
        ending: Ending = .complete
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delayMilliseconds = delayMilliseconds
        self.ending = ending
    }

    /// A JSON answer with `Content-Type: application/json`.
    public static func json(_ text: String, status: Int = 200, headers: [HTTPField] = []) -> ScriptedResponse {
        ScriptedResponse(
            status: status, headers: [HTTPField("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }

    /// A plain-text answer.
    public static func text(_ text: String, status: Int = 200, headers: [HTTPField] = []) -> ScriptedResponse {
        ScriptedResponse(
            status: status, headers: [HTTPField("Content-Type", "text/plain; charset=utf-8")] + headers,
            body: Array(text.utf8))
    }

    /// A 200 whose body claims to be JSON but is cut off mid-document.
    public static let malformedJSON = ScriptedResponse.json(#"{"id":"chatcmpl-broken","object":"chat.completion","choices":[{"index":0,"message":{"role":"assis"#)

    /// Closes the connection without a response.
    public static let drop = ScriptedResponse(ending: .drop)

    /// Never responds (until the server stops).
    public static let hang = ScriptedResponse(ending: .hang)

    /// This response, delayed by `milliseconds`.
    public func delayed(by milliseconds: Int) -> ScriptedResponse {
        var copy = self
        copy.delayMilliseconds = milliseconds
        return copy
    }
}
