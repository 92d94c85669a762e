import BrainFake
import Dispatch
import Foundation

/// `brain fake-provider`: a local fake LLM provider for demos and benchmarks.
struct FakeProviderCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["fake-provider"], summary: "serve a local fake provider on 127.0.0.1 and print its base URL",
        arguments: "[--port N] [--dialect openai|gemini] [--latency-ms N] [--fail-rate X] [--rate-limit-rate X] [--retry-after S] [--auth-fail-keys K,..] [--seed N]",
        options: [
            .value("port", "N", "the port to listen on (default: a free one)"),
            .value("dialect", "openai|gemini", "the API dialect (default openai)"),
            .value("latency-ms", "N", "delay before every answer"),
            .value("fail-rate", "X", "share of completions answered 500 (0 to 1)"),
            .value("rate-limit-rate", "X", "share of completions answered 429 (0 to 1)"),
            .value("retry-after", "S", "the Retry-After seconds on those 429s (default 1)"),
            .value("auth-fail-keys", "K,..", "API keys the fake refuses as invalid"),
            .value("seed", "N", "seed for the random failures, so a run repeats (default 42)"),
        ],
        discussion: "Prints the base URL on stdout (one line) and serves until SIGINT or SIGTERM.")

    var options: FakeProviderOptions
    var port: Int

    init(_ a: ParsedArguments) throws(UsageError) {
        port = try a.int("port", range: 0...65_535) ?? 0
        let dialect = try a.choice("dialect", FakeProviderOptions.Dialect.allCases.map(\.rawValue))
        options = FakeProviderOptions(
            dialect: dialect.flatMap(FakeProviderOptions.Dialect.init(rawValue:)) ?? .openai,
            latencyMs: try a.int("latency-ms", range: 0...600_000) ?? 0,
            failRate: try a.double("fail-rate", range: 0...1) ?? 0,
            rateLimitRate: try a.double("rate-limit-rate", range: 0...1) ?? 0,
            retryAfterSeconds: try a.int("retry-after", range: 0...86_400) ?? 1,
            authFailKeys: Set(a.list("auth-fail-keys") ?? []),
            seed: UInt64(try a.int("seed", range: 0...Int.max) ?? 42))
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let fake = try FakeProviderServer.start(options: options, port: port)
        let stop = StopSignal(signals: [SIGINT, SIGTERM])
        FileHandle.standardOutput.write(Data((fake.baseURL + "\n").utf8))
        context.err("fake provider (\(options.dialect.rawValue) dialect) at \(fake.baseURL); stop with Ctrl-C")
        await stop.wait()
        fake.stop()
        context.err("fake provider stopped after \(fake.provider.requests.count) requests")
        return .ok
    }
}

/// Waits for the first of some signals, handled through Dispatch instead of the default action.
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var fired = false
    private var waiter: CheckedContinuation<Void, Never>?

    init(signals: [Int32]) {
        let queue = DispatchQueue(label: "brain.signals")
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [weak self] in self?.fire() }
            source.resume()
            sources.append(source)
        }
    }

    /// Returns once a signal arrived (at once if one arrived already).
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = lock.withLock { () -> Bool in
                if fired { return true }
                waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
        for source in lock.withLock({ sources }) { source.cancel() }
    }

    private func fire() {
        let continuation = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            fired = true
            defer { waiter = nil }
            return waiter
        }
        continuation?.resume()
    }
}
