import Testing

@testable import BrainProviders

@Suite struct RetryAfterTests {
    static let now: Double = 1_767_225_600  // 2026-01-01T00:00:00Z

    @Test(arguments: [
        ("120", 120.0), ("0", 0), ("1.5", 1.5), (" 7 ", 7),
        ("Thu, 01 Jan 2026 00:02:00 GMT", 120),  // IMF-fixdate
        ("Thursday, 01-Jan-26 00:00:30 GMT", 30),  // RFC 850
        ("Thu Jan  1 00:00:45 2026", 45),  // asctime
        ("Wed, 31 Dec 2025 23:00:00 GMT", 0),  // in the past: no wait
    ])
    func retryAfterHeader(value: String, seconds: Double) {
        #expect(RetryAfter.header(value, now: Self.now) == seconds)
    }

    @Test(arguments: ["", "-5", "soon", "1e3", "Thu, 32 Jan 2026 00:00:00 GMT", "Thu, 01 Foo 2026 00:00:00 GMT",
                      "Thu, 01 Jan 2026 25:00:00 GMT", String(repeating: "9", count: 100), "nan", "inf"])
    func retryAfterHeaderRejects(value: String) {
        #expect(RetryAfter.header(value, now: Self.now) == nil)
    }

    @Test func retryAfterMilliseconds() {
        #expect(RetryAfter.milliseconds("1500") == 1.5)
        #expect(RetryAfter.milliseconds("20.5") == 0.0205)
        #expect(RetryAfter.milliseconds("x") == nil)
    }

    /// Groq / OpenAI reset headers, Gemini retryDelay, and Go's other units.
    @Test(arguments: [
        ("2m59.56s", 179.56), ("7.66s", 7.66), ("1h2m", 3720), ("172ms", 0.172), ("9m38.016s", 578.016),
        ("6m0s", 360), ("42s", 42), ("34.074824224s", 34.074824224), ("900ms", 0.9), ("0", 0),
        ("1h0m0.5s", 3600.5), ("250us", 0.00025), ("250µs", 0.00025), ("5ns", 0.000000005),
    ])
    func durations(value: String, seconds: Double) throws {
        let parsed = try #require(RetryAfter.duration(value))
        #expect(abs(parsed - seconds) < 1e-9)
    }

    @Test(arguments: ["", "s", "5", "5x", "m5", "1.2.3s", "-5s", "5 s", String(repeating: "1s", count: 40)])
    func durationRejects(value: String) {
        #expect(RetryAfter.duration(value) == nil)
    }

    @Test(arguments: [
        ("Please try again in 11.455s. Need more tokens?", 11.455),
        ("… Please try again in 9m38.016s. …", 578.016),
        ("Please retry in 42.87350591s.", 42.87350591),
        ("please retry in 900ms", 0.9),
    ])
    func messageHints(message: String, seconds: Double) throws {
        let parsed = try #require(RetryAfter.inMessage(message))
        #expect(abs(parsed - seconds) < 1e-9)
    }

    @Test func messageWithoutHint() {
        #expect(RetryAfter.inMessage("Rate limit reached. Try again later.") == nil)
    }

    /// OpenRouter `X-RateLimit-Reset`: epoch milliseconds (also epoch seconds, or a plain delay).
    @Test(arguments: [("1767225660000", 60.0), ("1767225690", 90), ("15", 15), ("1767225000000", 0)])
    func resetTimes(value: String, seconds: Double) {
        #expect(RetryAfter.resetTime(value, now: Self.now) == seconds)
    }
}
