import BrainCore

/// Every provider failed or was passed over for a request.
public struct RouteError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure the whole request had, which decides what happens to its job.
    public enum Kind: Sendable, Equatable {
        /// Calls were sent and every one failed with a network error: nobody is reachable.
        case offline
        /// Nothing could be sent, or only rate limits came back: every provider out of quota,
        /// cooling down, with its breaker open or without a usable key (none configured, all
        /// deactivated). `retryAt` is when the first one frees up, when known.
        case unavailable(retryAt: Double?)
        /// Real failures (errors, invalid output): retry later, then fail the job.
        case failed(lastClass: String)
        /// Every failure is one retrying will not fix (a bad request everywhere).
        case permanent(lastClass: String)
    }

    public var kind: Kind
    public var attempts: [AttemptSummary]

    public var description: String {
        let lines = attempts.map { a in
            "\(a.provider)\(a.model.map { "/\($0)" } ?? ""): \(a.outcome)\(a.detail.map { " (\($0))" } ?? "")"
        }
        let head: String
        switch kind {
        case .offline: head = "no provider is reachable (network errors everywhere)"
        case .unavailable(let at): head = "no provider can take a call now" + (at.map { " (first frees up at \($0.printableTime))" } ?? "")
        case .failed: head = "every provider failed"
        case .permanent: head = "every provider refused the request"
        }
        return lines.isEmpty ? head + ": no provider is enabled" : head + ": " + lines.joined(separator: "; ")
    }

    /// The error class recorded on the job.
    public var errorClass: String {
        switch kind {
        case .offline: return "network_error"
        case .unavailable: return "unavailable"
        case .failed(let c), .permanent(let c): return c
        }
    }
}
