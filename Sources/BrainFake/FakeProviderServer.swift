import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fake provider listening on a real socket: `FakeProvider` behind an `HTTPServer`.
///
/// ```swift
/// let fake = try FakeProviderServer.start()
/// defer { fake.stop() }
/// // point a provider at fake.openAIBaseURL or fake.geminiBaseURL
/// ```
public final class FakeProviderServer: Sendable {
    public let provider: FakeProvider
    public let server: HTTPServer
    public let host: String
    public let port: Int

    private init(provider: FakeProvider, server: HTTPServer, host: String, port: Int) {
        self.provider = provider
        self.server = server
        self.host = host
        self.port = port
    }

    /// Starts a fake provider on `host:port` (port 0: an ephemeral port).
    public static func start(
        options: FakeProviderOptions = FakeProviderOptions(), host: String = "127.0.0.1", port: Int = 0,
        limits: HTTPServer.Limits = HTTPServer.Limits()
    ) throws(FakeServerError) -> FakeProviderServer {
        let provider = FakeProvider(options: options)
        let server = HTTPServer(limits: limits) { provider.handle($0) }
        let bound = try server.start(host: host, port: port)
        return FakeProviderServer(provider: provider, server: server, host: host, port: bound)
    }

    /// `http://host:port`, without a path.
    public var rootURL: String { "http://\(host):\(port)" }
    /// Base URL for OpenAI-compatible clients (`…/v1`).
    public var openAIBaseURL: String { rootURL + "/v1" }
    /// Base URL for Gemini native clients (`…/v1beta`).
    public var geminiBaseURL: String { rootURL + "/v1beta" }
    /// The base URL for the configured dialect (what `brain fake-provider` prints).
    public var baseURL: String { provider.options.dialect == .gemini ? geminiBaseURL : openAIBaseURL }

    /// Closes every connection and joins the server's threads.
    public func stop() { server.stop() }

    /// Blocks the calling thread until `stop()` is called elsewhere.
    public func waitUntilStopped() { server.waitUntilStopped() }

    /// Blocks until SIGINT or SIGTERM arrives (or `stop()` is called), then stops: the body of
    /// `brain fake-provider`. The previous actions of both signals are restored before returning.
    public func runUntilInterrupted() {
        let signals = [SIGINT, SIGTERM]
        let previous = signals.map { signal($0, SIG_IGN) }
        let queue = DispatchQueue(label: "brain.fake.signals")
        let sources = signals.map { number -> DispatchSourceSignal in
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [server] in server.stop() }
            source.resume()
            return source
        }
        server.waitUntilStopped()
        server.stop()
        for source in sources { source.cancel() }
        for (number, action) in zip(signals, previous) { _ = signal(number, action) }
    }
}
