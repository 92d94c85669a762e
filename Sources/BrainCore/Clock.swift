import Foundation

/// Wall-clock time as seen by the engine. Injected so breaker, cooldown and daily-limit logic
/// can be tested without waiting.
public protocol WallClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    func now() -> Double
}

/// The real clock.
public struct SystemClock: WallClock {
    public init() {}
    public func now() -> Double { Date().timeIntervalSince1970 }
}

/// A clock that moves only when told to (tests).
public final class ManualClock: WallClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Double

    public init(_ start: Double = 1_767_225_600) { current = start }  // 2026-01-01T00:00:00Z
    public func now() -> Double { lock.withLock { current } }
    public func advance(_ seconds: Double) { lock.withLock { current += seconds } }
    public func set(_ time: Double) { lock.withLock { current = time } }
}

extension Double {
    /// The UTC day of this epoch time as `YYYY-MM-DD`: the key of daily counters.
    public var utcDay: String {
        let value = self.isFinite ? Swift.min(Swift.max(self, -62_135_596_800), 253_402_300_799) : 0
        let days = Int((value / 86_400).rounded(.down))
        // Civil-from-days (Howard Hinnant's algorithm), avoiding Calendar on hot paths.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(pad(m))-\(pad(d))"
    }

    /// Epoch seconds of the next UTC midnight after this time.
    public var nextUTCMidnight: Double { self.isFinite ? ((self / 86_400).rounded(.down) + 1) * 86_400 : self }

    /// ISO 8601 UTC with milliseconds, e.g. `2026-01-01T00:00:00.000Z`.
    public var iso8601: String {
        // Years 0000-9999 only; anything else (NaN, absurd provider times) is clamped rather than trapping.
        let clamped = self.isFinite ? Swift.min(Swift.max(self, -62_135_596_800), 253_402_300_799) : 0
        let ms = Int((clamped * 1000).rounded(.down))
        let secs = Int((Double(ms) / 1000).rounded(.down))
        let dayPart = Double(secs).utcDay
        let sod = secs - Int((Double(secs) / 86_400).rounded(.down)) * 86_400
        func pad(_ v: Int, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(dayPart)T\(pad(sod / 3600, 2)):\(pad(sod / 60 % 60, 2)):\(pad(sod % 60, 2)).\(pad(ms - secs * 1000, 3))Z"
    }
}
