import BrainFake
import Foundation
import Testing

@testable import BrainProviders

@Suite struct HTTPBenchmarkTests {
    static let percentileCases: [([Double], Double, Double)] = [
        ([], 0.5, 0), ([5], 0.99, 5), ([1, 2, 3, 4], 0.5, 2), ([1, 2, 3, 4], 0.99, 4),
        (Array(1...100).map(Double.init), 0.99, 99),
    ]

    @Test(arguments: percentileCases)
    func percentileIsNearestRank(values: [Double], fraction: Double, expected: Double) {
        #expect(HTTPBenchmark.percentile(values, fraction) == expected)
    }

    @Test func smallRunCountsEveryRequest() async throws {
        try await withFakeProvider { fake, client in
            let request = HTTPRequest(method: "POST", url: fake.openAIBaseURL + "/chat/completions", body: chatBody("bench"))
            let figures = await HTTPBenchmark.run(client: client, request: request, requests: 40, concurrency: 4)
            #expect(figures.requests == 40)
            #expect(figures.failures == 0)
            #expect(fake.provider.requests.count == 40)
        }
    }

    /// Prints figures for concurrency 1, 8 and 32; runs only with BRAIN_HTTP_BENCH=1 (use a release build).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["BRAIN_HTTP_BENCH"] == "1"))
    func printFigures() async throws {
        let requests = Int(ProcessInfo.processInfo.environment["BRAIN_HTTP_BENCH_REQUESTS"] ?? "") ?? 20_000
        try await withFakeProvider { fake, client in
            let request = HTTPRequest(
                method: "POST", url: fake.openAIBaseURL + "/chat/completions",
                headers: ["Content-Type": "application/json"], body: chatBody("benchmark"))
            _ = await HTTPBenchmark.run(client: client, request: request, requests: 500, concurrency: 8)
            for concurrency in [1, 8, 32] {
                fake.provider.clearRequests()
                let figures = await HTTPBenchmark.run(
                    client: client, request: request, requests: requests, concurrency: concurrency)
                print("BENCH \(figures.summary)")
                #expect(figures.failures == 0)
            }
        }
    }
}
