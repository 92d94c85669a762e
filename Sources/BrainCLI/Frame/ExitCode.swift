/// The process exit codes of cli.md.
public enum ExitCode: Int32, Sendable {
    case ok = 0
    case failure = 1
    case usage = 2
    /// Finished, but some jobs failed.
    case someFailed = 3
    /// Nothing could be sent: every provider unreachable or out of quota; work stays queued.
    case unavailable = 75
}
