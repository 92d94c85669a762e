import Foundation

/// Figures from one run of `HTTPBenchmark.run`.
public struct HTTPBenchmarkFigures: Sendable, Equatable {
    public var requests: Int
    public var concurrency: Int
    /// Requests that threw or did not answer 2xx.
    public var failures: Int
    public var wallSeconds: Double
    public var requestsPerSecond: Double
    /// Round-trip time of `send` per request, in milliseconds.
    public var p50Milliseconds: Double
    public var p99Milliseconds: Double
    public var meanMilliseconds: Double

    /// One line for `brain bench http`.
    public var summary: String {
        String(
            format: "requests=%d concurrency=%d failures=%d wall=%.3fs rps=%.0f p50=%.3fms p99=%.3fms mean=%.3fms",
            requests, concurrency, failures, wallSeconds, requestsPerSecond, p50Milliseconds, p99Milliseconds,
            meanMilliseconds)
    }
}

/// Measures the HTTP client against a server, normally an in-process fake provider with no latency.
///
/// Client overhead is reported as the round-trip time of `send` on loopback: it includes the fake
/// server's own parsing and answer building (a few microseconds), so it is an upper bound on
/// the client's cost per request.
public enum HTTPBenchmark {
    /// Sends `requests` copies of `request` with at most `concurrency` in flight.
    public static func run(
        client: HTTPClient, request: HTTPRequest, requests: Int, concurrency: Int
    ) async -> HTTPBenchmarkFigures {
        let total = max(0, requests)
        let workers = max(1, min(concurrency, max(total, 1)))
        let counter = NextIndex(limit: total)
        let clock = ContinuousClock()
        let started = clock.now
        let results = await withTaskGroup(of: [(Double, Bool)].self) { group in
            for _ in 0..<workers {
                group.addTask {
                    var samples: [(Double, Bool)] = []
                    while counter.take() != nil {
                        let begin = clock.now
                        let ok: Bool
                        do {
                            let response = try await client.send(request)
                            ok = (200..<300).contains(response.status)
                        } catch {
                            ok = false
                        }
                        samples.append((milliseconds(clock.now - begin), ok))
                    }
                    return samples
                }
            }
            var all: [(Double, Bool)] = []
            for await part in group { all += part }
            return all
        }
        let wall = seconds(clock.now - started)
        let times = results.map(\.0).sorted()
        return HTTPBenchmarkFigures(
            requests: total, concurrency: workers, failures: results.filter { !$0.1 }.count, wallSeconds: wall,
            requestsPerSecond: wall > 0 ? Double(total) / wall : 0,
            p50Milliseconds: percentile(times, 0.50), p99Milliseconds: percentile(times, 0.99),
            meanMilliseconds: times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count))
    }

    /// The nearest-rank percentile of sorted values (0 when empty).
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }

    /// Hands out request numbers to the workers.
    private final class NextIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private let limit: Int
        init(limit: Int) { self.limit = limit }
        func take() -> Int? {
            lock.withLock {
                guard next < limit else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }
}
