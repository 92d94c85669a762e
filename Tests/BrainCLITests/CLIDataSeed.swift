import BrainCore
import BrainPrompt
import BrainStore
import Foundation

/// A temporary brain database made by `brain init`, then filled with jobs in every state,
/// results and calls written directly, as the worker would.
///
/// Jobs: 1 done resume, 2 done JD, 3 failed resume, 4 queued JD, 5 running resume, 6 done chat on
/// inline text (no parsed JSON). Results 1, 2, 3 belong to jobs 1, 2, 6. Calls 1...4 (one with a key).
struct CLIDataSeed {
    let brain: BrainProcess

    /// A document path and a person's name with a comma, a double quote and a line break, to
    /// check that exports round-trip them.
    static let nastyPath = "inbox/O'Neil, \"final\"\nresume.pdf"
    /// Paths with a bare line break: that alone must make CSV quote the field.
    static let jdPath = "jds/staff\nengineer.docx"
    static let inboxPath = "inbox/other\n.pdf"
    static let nastyName = "O\"Neil, Zoë\nLindqvist"
    static let failure = "HTTP 500 from groq, after 5 attempts"

    static var resume: JSONValue {
        guard case .object(var o) = SampleOutputs.resume, case .object(var basics)? = o["basics"] else { return .null }
        basics["name"] = .string(nastyName)
        o["basics"] = .object(basics)
        return .object(o)
    }

    init() throws {
        brain = BrainProcess()
        let initialized = try brain.run(["init", "--no-env-keys"])
        guard initialized.status == 0 else { throw CLIDataSeedError.initFailed(initialized.stderr) }
        let db = try Database(path: brain.databasePath)
        try db.transaction {
            try Self.fill(db)
        }
    }

    func cleanUp() { brain.cleanUp() }

    private static func fill(_ db: Database) throws {
        for (id, path) in [(1, nastyPath), (2, jdPath), (3, inboxPath)] {
            try db.execute(
                "INSERT INTO documents(id, sha256, path, size, text, created_at) VALUES (?, ?, ?, 100, 'text', '2026-01-01T00:00:00.000Z')",
                [id, "sha\(id)", path])
        }
        let jobs: [(id: Int, task: String, document: Int?, state: String, attempts: Int, error: String?)] = [
            (1, "resume_parsing", 1, "done", 1, nil),
            (2, "jd_parsing", 2, "done", 2, nil),
            (3, "resume_parsing", 3, "failed", 5, failure),
            (4, "jd_parsing", 2, "queued", 0, nil),
            (5, "resume_parsing", 1, "running", 1, nil),
            (6, "chat", nil, "done", 1, nil),
        ]
        for j in jobs {
            try db.execute(
                """
                INSERT INTO jobs(id, task, document_id, input_text, template_name, template_version, state, attempts,
                    next_attempt_at, lease_owner, lease_expires_at, idempotency_key, last_error, last_error_class,
                    created_at, updated_at, finished_at)
                VALUES (?, ?, ?, ?, 'default', 'v1', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [j.id, j.task, j.document, j.document == nil ? "hello there" : nil, j.state, j.attempts,
                 j.state == "failed" ? 1_767_300_000.0 : 0, j.state == "running" ? "worker-1" : nil,
                 j.state == "running" ? 1_767_300_000.0 : nil, "key-\(j.id)", j.error, j.error == nil ? nil : "provider_error",
                 "2026-01-01T00:00:0\(j.id).000Z", "2026-01-01T00:01:0\(j.id).000Z",
                 j.state == "done" || j.state == "failed" ? "2026-01-01T00:02:00.000Z" : nil])
        }
        let results: [(job: Int, task: String, parsed: String?, verdict: String, response: String)] = [
            (1, "resume_parsing", resume.serialized(), "valid", "{\"raw\": 1}"),
            (2, "jd_parsing", SampleOutputs.jdJSON, "repaired", SampleOutputs.jdJSON),
            (6, "chat", nil, "text", "General Kenobi."),
        ]
        for (i, r) in results.enumerated() {
            try db.execute(
                """
                INSERT INTO results(id, job_id, task, provider, model, response, parsed, verdict, validation_errors,
                    warnings, tokens_in, tokens_out, response_time_ms, fallback_chain, total_attempts, created_at)
                VALUES (?, ?, ?, 'groq', 'llama-3.3-70b', ?, ?, ?, ?, ?, 900, 400, 1234, ?, 1, ?)
                """,
                [i + 1, r.job, r.task, r.response, r.parsed, r.verdict,
                 r.verdict == "repaired" ? "[\"/skills/0: repaired\"]" : "[]",
                 r.job == 1 ? "[\"date rewritten, \\\"Mar 2021\\\"\"]" : "[]",
                 r.job == 2 ? "[{\"provider\":\"openrouter\",\"error\":\"rate_limit_error\"},{\"provider\":\"groq\"}]" : "[]",
                 "2026-01-01T00:03:0\(i).000Z"])
        }
        try db.execute(
            "INSERT INTO api_keys(id, provider_id, label, secret, fingerprint, created_at) SELECT 1, id, 'work', 'env:GROQ_TEST_KEY', 'env', 't' FROM providers WHERE name = 'groq'")
        let calls: [(job: Int, provider: String, started: String, outcome: String, status: Int?, error: String?, key: Int?)] = [
            (2, "openrouter", "2026-01-01T00:00:10.000Z", "rate_limit_error", 429, "rate limited; retry after 20s", nil),
            (2, "groq", "2026-01-01T00:00:11.000Z", "success", 200, nil, 1),
            (1, "groq", "2026-01-01T00:00:09.000Z", "success", 200, nil, 1),
            (3, "groq", "2026-01-01T00:00:12.000Z", "provider_error", 500, "HTTP 500", 1),
        ]
        for c in calls {
            try db.execute(
                """
                INSERT INTO calls(job_id, provider, model, key_id, started_at, duration_ms, http_status, outcome, error, tokens_in, tokens_out)
                VALUES (?, ?, 'm', ?, ?, 321, ?, ?, ?, 10, 20)
                """,
                [c.job, c.provider, c.key, c.started, c.status, c.outcome, c.error])
        }
    }
}

enum CLIDataSeedError: Error {
    case initFailed(String)
}
