import Dispatch
import Foundation

/// Serialises access to one `Database` on a private dispatch queue, for async callers.
///
/// SQLite calls can wait on another process's lock for up to the busy timeout; running them on
/// this queue keeps that wait off Swift's cooperative thread pool.
public final class DatabaseQueue: @unchecked Sendable {
    private let queue: DispatchQueue
    private let database: Database

    public init(path: String, mode: Database.Mode = .readWrite) throws(StoreError) {
        database = try Database(path: path, mode: mode)
        queue = DispatchQueue(label: "brain.database")
    }

    public var path: String { database.path }

    /// Runs `body` on the queue and returns its value.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try body(self.database) })
            }
        }
    }

    /// Runs `body` inside an IMMEDIATE transaction on the queue.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await read { db in try db.transaction(.immediate) { try body(db) } }
    }

    /// Runs `body` synchronously on the queue (for command-line code outside async contexts).
    public func sync<T>(_ body: (Database) throws -> T) rethrows -> T {
        try queue.sync { try body(database) }
    }
}
