import BrainCore
import BrainStore

/// The file formats of `brain results export`.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// JSON Lines: one result object per line.
    case jsonl
    /// One JSON array of result objects.
    case json
    /// RFC 4180 CSV with a header and the flattened main fields (see `ResultFlattener`).
    case csv
}

/// Writes results as JSON Lines, a JSON array or CSV, streaming page by page from the store.
///
/// A JSON record holds result_id, job_id, task, document (path), provider, model, verdict, parsed
/// (the document), validation_errors, warnings and created_at. CSV rows hold the columns of
/// `ResultFlattener.columns(task:)`: the union of the resume and JD columns unless one task is chosen.
public struct ResultExporter: Sendable {
    public var format: ExportFormat
    /// Only this task's results (and, for CSV, only its columns); nil for every task.
    public var task: String?

    public init(format: ExportFormat, task: String? = nil) {
        self.format = format
        self.task = task
    }

    /// The CSV columns (empty for the JSON formats).
    public var columns: [String] { format == .csv ? ResultFlattener.columns(task: task) : [] }

    /// Text before the first record.
    public var header: String {
        switch format {
        case .jsonl: return ""
        case .json: return "["
        case .csv: return CSVRow.encode(columns)
        }
    }

    /// The text of record number `index` (from 0), separators included.
    public func encode(_ record: ResultRecord, index: Int) -> String {
        switch format {
        case .jsonl: return Self.object(record).serialized() + "\n"
        case .json: return (index == 0 ? "\n" : ",\n") + Self.object(record).serialized()
        case .csv:
            let fields = ResultFlattener.fields(of: record)
            return CSVRow.encode(columns.map { fields[$0] ?? "" })
        }
    }

    /// Text after the last of `count` records.
    public func footer(count: Int) -> String {
        format == .json ? (count == 0 ? "]\n" : "\n]\n") : ""
    }

    /// The whole export of `records` as one string.
    public func render(_ records: [ResultRecord]) -> String {
        var text = header
        for (i, record) in records.enumerated() { text += encode(record, index: i) }
        return text + footer(count: records.count)
    }

    /// Streams every matching result in `db`, oldest first, to `write`; returns how many were written.
    @discardableResult
    public func export(from db: Database, pageSize: Int = 200, write: (String) throws -> Void) throws -> Int {
        let queries = ResultQueries(db: db)
        try write(header)
        var count = 0
        var lastID = 0
        while true {
            let page = try queries.page(task: task, afterID: lastID, limit: max(1, pageSize))
            guard let last = page.last else { break }
            var chunk = ""
            for record in page {
                chunk += encode(record, index: count)
                count += 1
            }
            try write(chunk)
            lastID = last.id
        }
        try write(footer(count: count))
        return count
    }

    /// The JSON object of one exported result.
    static func object(_ r: ResultRecord) -> JSONValue {
        [
            "result_id": .int(r.id), "job_id": .int(r.jobID), "task": .string(r.task),
            "document": r.documentPath.map { .string($0) } ?? .null,
            "provider": r.provider.map { .string($0) } ?? .null, "model": r.model.map { .string($0) } ?? .null,
            "verdict": .string(r.verdict), "parsed": r.parsed ?? .null, "validation_errors": r.validationErrors,
            "warnings": r.warnings, "created_at": .string(r.createdAt),
        ]
    }
}
