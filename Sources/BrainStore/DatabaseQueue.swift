import Dispatch
import Foundation

/// Serialises access to one `Database` for async callers, keeping waits off Swift's
/// cooperative thread pool.
///
/// SQLite calls can wait on another process's lock for up to the busy timeout, so work runs on
/// a private dispatch queue. A write whose lock is free right now runs at once on the caller's
/// thread instead (two thread hand-offs saved per transaction): it never waits, because it only
/// proceeds when both this connection and the database's write lock are free, and WAL
/// checkpoints (the one slow disk flush) are copied by a separate connection, then finished
/// on the queue (see `Checkpointer`).
public final class DatabaseQueue: @unchecked Sendable {
    private let queue: DispatchQueue
    private let database: Database
    /// Held by whoever uses `database`: the queue's work or an inline write.
    private let lock = NSLock()
    private var checkpointer: Checkpointer?

    /// Write-ahead log frames after which a background checkpoint is started (SQLite's default).
    public static let checkpointFrames = 1000
    /// Frames after which the writing connection checkpoints itself: a background checkpoint
    /// never completes while commits keep coming, and the log must not grow without bound.
    public static let inlineCheckpointFrames = 4 * checkpointFrames

    public init(path: String, mode: Database.Mode = .readWrite) throws(StoreError) {
        database = try Database(path: path, mode: mode)
        queue = DispatchQueue(label: "brain.database")
        if mode == .readWrite && path != ":memory:" {
            let checkpointer = Checkpointer(path: path) { [weak self] done in
                guard let self else { return done() }
                self.finishCheckpoint(then: done)
            }
            database.takeOverCheckpoints { frames in
                if frames >= DatabaseQueue.inlineCheckpointFrames { return true }
                if frames >= DatabaseQueue.checkpointFrames { checkpointer.start() }
                return false
            }
            self.checkpointer = checkpointer
        }
    }

    /// Copies the frames a background checkpoint could not (those committed while it ran) on
    /// this connection, between transactions: with no commit racing it, it completes and the
    /// next write starts the log over. Writes wait for it, as they would for SQLite's own.
    private func finishCheckpoint(then done: @escaping @Sendable () -> Void) {
        queue.async {
            self.lock.withLock { try? self.database.checkpointPassively() }
            done()
        }
    }

    public var path: String { database.path }

    /// Runs `body` on the queue and returns its value.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                let result = self.lock.withLock { Result { try body(self.database) } }
                continuation.resume(with: result)
            }
        }
    }

    /// Runs `body` inside an IMMEDIATE transaction: at once when nothing holds the connection or
    /// the write lock, else on the queue (waiting up to the busy timeout).
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        if let value = try writeIfUncontended(body) { return value }
        return try await read { db in try db.transaction(.immediate) { try body(db) } }
    }

    /// The write run at once, or nil (nothing run) when the connection or the write lock is taken.
    private func writeIfUncontended<T>(_ body: (Database) throws -> T) throws -> T? {
        guard lock.try() else { return nil }
        defer { lock.unlock() }
        return try database.transactionIfUncontended { try body(database) }
    }

    /// Runs `body` synchronously on the queue (for command-line code outside async contexts).
    public func sync<T>(_ body: (Database) throws -> T) rethrows -> T {
        try queue.sync { try lock.withLock { try body(database) } }
    }
}
