import CSQLite

extension Database {
    /// Runs `body` in an IMMEDIATE transaction only when the write lock can be taken without
    /// waiting; returns nil, having run nothing, when another connection holds it.
    ///
    /// Once the lock is held nothing in WAL mode waits on other connections, so a caller may run
    /// this where it must not block (the busy timeout applies only to the lock it skips).
    public func transactionIfUncontended<T>(_ body: () throws -> T) throws -> T? {
        guard transactionDepth == 0 else { return try transaction(.immediate, body) }
        sqlite3_busy_timeout(handle, 0)
        do {
            try execute("BEGIN IMMEDIATE")
            sqlite3_busy_timeout(handle, Database.busyTimeoutMilliseconds)
        } catch {
            sqlite3_busy_timeout(handle, Database.busyTimeoutMilliseconds)
            if isInTransaction { try? execute("ROLLBACK") }
            if error.isBusy { return nil }
            throw error
        }
        return try committing(body)
    }

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
    /// anyone (PRAGMA wal_checkpoint(PASSIVE)); true when every frame was copied, so the next
    /// write can start the log over.
    @discardableResult
    public func checkpointPassively() throws -> Bool {
        guard let row = try queryOne("PRAGMA wal_checkpoint(PASSIVE)") else { return false }
        return row.int("busy") == 0 && row.int("log") == row.int("checkpointed")
    }
}

/// The closure behind a connection's WAL hook.
final class CheckpointHook {
    let onGrowth: (Int) -> Bool
    init(_ onGrowth: @escaping (Int) -> Bool) { self.onGrowth = onGrowth }
}
