import BrainCore
import BrainFake
import BrainProviders
import Foundation

/// `brain bench http`: the HTTP client against an in-process fake provider.
struct BenchHTTPCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["bench", "http"], summary: "measure the HTTP client against an in-process fake provider",
        arguments: "[--requests N] [--concurrency C] [--json]",
        options: [
            .value("requests", "N", "requests to send (default 2000)"),
            .value("concurrency", "C", "requests in flight at once (default 8)"),
            .json,
        ],
        discussion: """
            Sends chat completions to a fake provider on 127.0.0.1 (no latency) after a short warm-up.
            Client overhead is the loopback round trip of one request, fake server included: an upper
            bound on the client's own cost. Exit code 1 when any request failed.
            """)

    var requests: Int
    var concurrency: Int

    init(_ a: ParsedArguments) throws(UsageError) {
        requests = try a.int("requests", range: 1...10_000_000) ?? 2000
        concurrency = try a.int("concurrency", range: 1...1024) ?? 8
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let fake = try FakeProviderServer.start()
        defer { fake.stop() }
        let client = HTTPClient(maxConnections: max(64, concurrency))
        let body: JSONValue = [
            "model": "fake-model", "messages": [["role": "user", "content": "benchmark"]],
        ]
        let request = HTTPRequest(
            method: "POST", url: fake.openAIBaseURL + "/chat/completions",
            headers: ["Content-Type": "application/json", "Authorization": "Bearer bench"],
            body: Data(body.serialized().utf8))
        _ = await HTTPBenchmark.run(client: client, request: request, requests: min(requests, 200), concurrency: concurrency)
        let figures = await HTTPBenchmark.run(client: client, request: request, requests: requests, concurrency: concurrency)
        client.shutdown()
        if context.json {
            context.outJSON([
                "requests": .int(figures.requests), "concurrency": .int(figures.concurrency),
                "failures": .int(figures.failures), "wall_seconds": .number(figures.wallSeconds),
                "requests_per_second": .number(figures.requestsPerSecond),
                "p50_ms": .number(figures.p50Milliseconds), "p99_ms": .number(figures.p99Milliseconds),
                "mean_ms": .number(figures.meanMilliseconds),
            ])
        } else {
            context.out(String(
                format: "%d requests, concurrency %d, %d failed, %.3f s\nrequests/s:                  %.0f\nclient overhead p50 / p99:   %.3f ms / %.3f ms (mean %.3f ms)",
                figures.requests, figures.concurrency, figures.failures, figures.wallSeconds, figures.requestsPerSecond,
                figures.p50Milliseconds, figures.p99Milliseconds, figures.meanMilliseconds))
        }
        return figures.failures == 0 ? .ok : .failure
    }
}
