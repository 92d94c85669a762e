import CSQLite
import Foundation

extension Database {
    /// Replaces SQLite's automatic checkpoints on this connection with `onGrowth`, called after
    /// every commit with the number of frames in the write-ahead log, so checkpoints can run
    /// elsewhere, off the committing thread. When it returns true this connection checkpoints
    /// at once, as SQLite would have (the safety net when the others cannot keep up).
    public func takeOverCheckpoints(_ onGrowth: @escaping (Int) -> Bool) {
        let box = Unmanaged.passRetained(CheckpointHook(onGrowth))
        walHook = box
        sqlite3_wal_hook(handle, { context, db, _, frames in
            guard let context else { return SQLITE_OK }
            if Unmanaged<CheckpointHook>.fromOpaque(context).takeUnretainedValue().onGrowth(Int(frames)) {
                sqlite3_wal_checkpoint_v2(db, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
            }
            return SQLITE_OK
        }, box.toOpaque())
    }

    /// Copies what it can of the write-ahead log into the database file without waiting for
    /// anyone (PRAGMA wal_checkpoint(PASSIVE)).
    public func checkpointPassively() throws {
        _ = try query("PRAGMA wal_checkpoint(PASSIVE)")
    }
}

/// The closure behind a connection's WAL hook.
final class CheckpointHook {
    let onGrowth: (Int) -> Bool
    init(_ onGrowth: @escaping (Int) -> Bool) { self.onGrowth = onGrowth }
}

/// Runs passive WAL checkpoints on its own connection and queue, one at a time, so the
/// committing connection does not pay for copying the bulk of the log; then `finish` copies
/// on the writing connection what was committed meanwhile, and no new run starts until that is
/// done.
final class Checkpointer: @unchecked Sendable {
    private let path: String
    private let queue = DispatchQueue(label: "brain.database.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var running = false
    private var connection: Database?

    private let finish: @Sendable (_ done: @escaping @Sendable () -> Void) -> Void

    init(path: String, finish: @escaping @Sendable (_ done: @escaping @Sendable () -> Void) -> Void) {
        self.path = path
        self.finish = finish
    }

    func start() {
        let begin = lock.withLock { () -> Bool in
            if running { return false }
            running = true
            return true
        }
        guard begin else { return }
        queue.async {
            // A failed checkpoint is retried at the next commit; the log only grows meanwhile.
            if self.connection == nil { self.connection = try? Database(path: self.path, migrate: false) }
            _ = try? self.connection?.checkpointPassively()
            // Even a run that copied all it saw missed what was committed while it ran.
            self.finish { self.lock.withLock { self.running = false } }
        }
    }
}
