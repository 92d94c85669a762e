import BrainCore
import BrainEngine
import Foundation

/// Shows a run's progress on stderr: a redrawn bar on a terminal, otherwise a line every few seconds.
final class ProgressDisplay: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let total: Int
    private let started = Date()
    private var lastDraw = Date.distantPast
    private let interval: Double

    init(total: Int, isTerminal: Bool) {
        self.total = total
        self.isTerminal = isTerminal
        interval = isTerminal ? 0.1 : 5
    }

    func update(_ s: RunSummary, force: Bool = false) {
        lock.withLock {
            let now = Date()
            guard force || now.timeIntervalSince(lastDraw) >= interval else { return }
            lastDraw = now
            let elapsed = now.timeIntervalSince(started)
            let settled = s.done + s.failed
            let rate = elapsed > 0 ? Double(settled) / elapsed : 0
            let left = max(0, total - settled)
            let eta = rate > 0 ? Self.duration(Double(left) / rate) : "-"
            let mix = s.providers.sorted { $0.value > $1.value }.prefix(3).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            var line = "done \(s.done)  failed \(s.failed)  retrying \(s.retried)  in flight \(s.inFlight)  "
            line += String(format: "%.1f/s", rate) + "  eta \(eta)"
            if !mix.isEmpty { line += "  [\(mix)]" }
            if isTerminal {
                let width = 24
                let filled = total > 0 ? min(width, width * settled / total) : 0
                let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
                FileHandle.standardError.write(Data("\r\u{1B}[K\(bar) \(settled)/\(total)  \(line)".utf8))
            } else {
                FileHandle.standardError.write(Data("progress: \(settled)/\(total)  \(line)\n".utf8))
            }
        }
    }

    func finish() {
        if isTerminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "-" }
        let s = Int(seconds)
        return s >= 3600 ? "\(s / 3600)h\(s % 3600 / 60)m" : s >= 60 ? "\(s / 60)m\(s % 60)s" : "\(s)s"
    }
}
