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
}
