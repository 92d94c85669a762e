import BrainEngine
import Testing

@Suite struct BenchPipelineTests {
    @Test func tinyRunSettlesEveryJobOnce() async throws {
        let figures = try await PipelineBenchmark.run(
            PipelineBenchmarkSettings(jobs: 20, latencyMs: 0, concurrency: 2, providers: 2, roundTripSamples: 5))
        #expect(figures.done == 20)
        #expect(figures.failed == 0)
        #expect(figures.unfinished == 0)
        #expect(figures.resultRows == 20)
        #expect(figures.validResults == 20)
        #expect(figures.callRows == 20)
        #expect(figures.jobsPerSecond > 0)
        #expect(figures.jobP50 > 0 && figures.jobP50 <= figures.jobP99)
        #expect(figures.overheadP50 <= figures.overheadP99)
        // Each job spent part of its time in its exchange, and the rest is overhead.
        #expect(figures.exchangeP50 > 0 && figures.exchangeP50 < figures.jobP99)
        #expect(figures.overheadP50 > 0)
        #expect(figures.httpRoundTripP50 > 0)
        #expect(figures.idealJobsPerSecond == nil)
        #expect(figures.peakMemoryBytes > 0)
        #expect(figures.cpuPerJob > 0)
        #expect(figures.json["done"]?.intValue == 20)
    }

    @Test func latencySetsTheIdealRate() async throws {
        let figures = try await PipelineBenchmark.run(
            PipelineBenchmarkSettings(jobs: 4, latencyMs: 20, concurrency: 2, providers: 1, roundTripSamples: 2))
        #expect(figures.done == 4)
        // The fake's 20 ms latency is inside every exchange, not in the overhead.
        #expect(figures.exchangeP50 >= 20)
        #expect(figures.idealJobsPerSecond == 100)
        #expect(figures.json["efficiency"] != nil)
    }
}
