/// Applies schema.sql (embedded at build time) to a database, migration by migration.
///
/// schema.sql is a list of sections headed `-- migration: N`. A database at `PRAGMA user_version`
/// V gets every section with N > V, each in its own IMMEDIATE transaction together with the
/// version bump, so a crash mid-migration leaves the file at a consistent version. A database
/// already at the latest version is not written to at all.
public enum Migrator {
    /// One numbered section of schema.sql.
    public struct Migration: Sendable, Equatable {
        public var version: Int
        public var sql: String
    }

    /// The schema text compiled into the binary.
    public static let schemaText = String(decoding: PackageResources.schema_sql, as: UTF8.self)

    /// The migrations of `schemaText`, in order.
    public static let migrations: [Migration] = parse(schemaText)

    /// The version a fully migrated database has.
    public static var latestVersion: Int { migrations.last?.version ?? 0 }

    static func parse(_ text: String) -> [Migration] {
        var result: [Migration] = []
        var current: Migration?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("-- migration:"),
                let n = Int(trimmed.dropFirst("-- migration:".count).trimmingCharacters(in: .whitespaces))
            {
                if let current { result.append(current) }
                current = Migration(version: n, sql: "")
            } else if current != nil {
                current!.sql += line + "\n"
            }
        }
        if let current { result.append(current) }
        return result
    }

    /// Brings `db` to `latestVersion`. Refuses a file written by a newer brain.
    public static func migrate(_ db: Database) throws(StoreError) {
        let current = try db.scalar("PRAGMA user_version")?.int ?? 0
        if current > latestVersion {
            throw StoreError(
                code: 1,
                message: "\(db.path) has schema version \(current), newer than this brain (\(latestVersion)); upgrade brain")
        }
        for migration in migrations where migration.version > current {
            do {
                try db.transaction(.immediate) {
                    // Another process may have migrated while we waited for the lock.
                    let now = try db.scalar("PRAGMA user_version")?.int ?? 0
                    guard now < migration.version else { return }
                    try db.executeScript(migration.sql)
                    try db.execute("PRAGMA user_version = \(migration.version)")
                }
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError(code: 1, message: "\(error)")
            }
        }
    }
}

import Foundation
