import BrainCore
import BrainExtract
import BrainStore

/// What `DocumentStore.save` did with a file.
public enum DocumentSaveResult: Sendable, Equatable {
    case new(id: Int)
    case known(id: Int)
}

/// The `documents` and `document_paths` tables: each distinct file once, by the SHA-256 of its bytes.
public enum DocumentStore {
    /// The id of the document with this hash, if stored.
    public static func find(db: Database, sha256: String) throws -> Int? {
        try db.scalar("SELECT id FROM documents WHERE sha256 = ?", [sha256])?.int
    }

    /// Stores an extraction (or its error) unless a document with the same hash exists; records the path either way.
    public static func save(
        db: Database, path: String, sha256: String, size: Int, extraction: Result<ExtractedText, ExtractionError>, now: Double
    ) throws -> DocumentSaveResult {
        if let id = try find(db: db, sha256: sha256) {
            try recordPath(db: db, path: path, documentID: id, now: now)
            return .known(id: id)
        }
        switch extraction {
        case .success(let t):
            try db.execute(
                """
                INSERT INTO documents(sha256, path, format, size, pages, characters, text, extractor, encoding, warnings, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [sha256, path, t.format.rawValue, size, t.pageCount, t.characterCount, t.text, t.extractor, t.encoding,
                 JSONValue.array(t.warnings.map { .string($0) }).serialized(), now.iso8601])
        case .failure(let e):
            try db.execute(
                "INSERT INTO documents(sha256, path, size, error, error_kind, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                [sha256, path, size, e.description, e.kind, now.iso8601])
        }
        let id = db.lastInsertRowID
        try recordPath(db: db, path: path, documentID: id, now: now)
        return .new(id: id)
    }

    static func recordPath(db: Database, path: String, documentID: Int, now: Double) throws {
        try db.execute(
            """
            INSERT INTO document_paths(path, document_id, seen_at) VALUES (?, ?, ?)
            ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, seen_at = excluded.seen_at
            """, [path, documentID, now.iso8601])
    }
}
