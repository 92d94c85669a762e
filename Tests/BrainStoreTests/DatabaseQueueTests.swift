import Foundation
import Testing

@testable import BrainStore

/// Writes that run inline when nothing holds the lock, wait on the queue when something does,
/// and checkpoints that keep the write-ahead log bounded.
@Suite struct DatabaseQueueTests {
    @Test func anUncontendedTransactionRunsAndCommits() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.databasePath)

        let value = try db.transactionIfUncontended { () -> Int in
            try db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
            return 7
        }

        #expect(value == 7)
        #expect(!db.isInTransaction)
        #expect(try Database(path: folder.databasePath).scalar("SELECT count(*) FROM settings")?.int == 1)
    }

    @Test func aHeldWriteLockMeansNothingRunsAndNothingWaits() throws {
        let folder = TemporaryFolder()
        let holder = try Database(path: folder.databasePath)
        let other = try Database(path: folder.databasePath)
        try holder.execute("BEGIN IMMEDIATE")
        defer { try? holder.execute("ROLLBACK") }
        var ran = false

        let value = try other.transactionIfUncontended { () -> Int in
            ran = true
            return 1
        }

        #expect(value == nil)
        #expect(!ran)
        #expect(!other.isInTransaction)
    }

    @Test func anErrorInsideRollsBack() throws {
        let folder = TemporaryFolder()
        let db = try Database(path: folder.databasePath)
        struct Stop: Error {}

        #expect(throws: Stop.self) {
            _ = try db.transactionIfUncontended {
                try db.execute("INSERT INTO settings(key, value) VALUES ('a', '1')")
                throw Stop()
            }
        }
        #expect(try db.scalar("SELECT count(*) FROM settings")?.int == 0)
    }

    @Test func aWriteWaitsForAnotherProcessesLockThenLands() async throws {
        let folder = TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.databasePath)
        let holder = try DatabaseQueue(path: folder.databasePath)
        try holder.sync { db in
            try db.execute("BEGIN IMMEDIATE")
            try db.execute("INSERT INTO settings(key, value) VALUES ('holder', '1')")
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) {
            try? holder.sync { db in try db.execute("COMMIT") }
        }

        let count = try await queue.write { db -> Int in
            try db.execute("INSERT INTO settings(key, value) VALUES ('queued', '1')")
            return try db.scalar("SELECT count(*) FROM settings")?.int ?? 0
        }

        #expect(count == 2)
    }

    @Test func concurrentWritesOnOneQueueAllLand() async throws {
        let folder = TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.databasePath)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for i in 0..<50 {
                        try await queue.write { db in
                            try db.execute("INSERT INTO settings(key, value) VALUES (?, ?)", ["t\(task)-\(i)", "x"])
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await queue.read { db in try db.scalar("SELECT count(*) FROM settings")?.int } == 400)
    }

    @Test func aHookAskingForCheckpointsKeepsTheLogShortAndOneDecliningLetsItGrow() throws {
        func framesAfterCommits(checkpointing: Bool) throws -> Int {
            let folder = TemporaryFolder()
            let db = try Database(path: folder.databasePath)
            db.takeOverCheckpoints { frames in checkpointing && frames >= 100 }
            for i in 0..<500 {
                try db.transaction { try db.execute("INSERT INTO settings(key, value) VALUES (?, 'x')", ["k\(i)"]) }
            }
            return try db.queryOne("PRAGMA wal_checkpoint(PASSIVE)")?.int("log") ?? -1
        }
        let declined = try framesAfterCommits(checkpointing: false)
        let asked = try framesAfterCommits(checkpointing: true)
        #expect(declined >= 500)
        #expect(asked >= 0 && asked < 150)
    }

    @Test func theLogStaysBoundedUnderContinuousWrites() async throws {
        let folder = TemporaryFolder()
        let queue = try DatabaseQueue(path: folder.databasePath)
        let blob = String(repeating: "x", count: 3000)
        let commits = DatabaseQueue.checkpointFrames * 6
        for i in 0..<commits {
            try await queue.write { db in
                try db.execute("INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)", ["k\(i % 50)", blob])
            }
        }
        // Every commit adds at least one frame: without checkpoints (or with ones that never
        // complete, so the log never restarts) the log would now hold more frames than commits.
        // (The pragma reports -1 while the background checkpoint holds the log: ask again.)
        var frames = -1
        for _ in 0..<500 where frames < 0 {
            frames = try await queue.read { db in try db.queryOne("PRAGMA wal_checkpoint(PASSIVE)")?.int("log") } ?? -1
            if frames < 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(frames >= 0)
        #expect(frames < commits)
        #expect(try await queue.read { db in try db.scalar("SELECT count(*) FROM settings")?.int } == 50)
    }
}
