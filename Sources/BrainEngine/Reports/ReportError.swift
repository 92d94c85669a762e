/// Why a read-side request (jobs, results, logs, retry) could not be answered.
public enum ReportError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchJob(Int)
    case noSuchResult(Int)
    case noResultForJob(Int)
    /// The job is being worked on; re-queueing it would race the worker holding its lease.
    case jobRunning(Int)

    public var description: String {
        switch self {
        case .noSuchJob(let id): return "no job \(id)"
        case .noSuchResult(let id): return "no result \(id)"
        case .noResultForJob(let id): return "job \(id) has no result"
        case .jobRunning(let id):
            return "job \(id) is running; wait for it to finish (or for its lease to expire) before re-queueing it"
        }
    }
}
