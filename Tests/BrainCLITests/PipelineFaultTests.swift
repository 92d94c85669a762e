import BrainCore
import BrainFake
import Foundation
import Testing

/// The pipeline under faults and crashes: every job settles exactly once, with the right class.
@Suite struct PipelineFaultTests {
    static func chatCompletion(_ content: String) -> ScriptedResponse {
        let body: JSONValue = [
            "id": "chatcmpl-test", "object": "chat.completion", "created": 1_760_000_000, "model": "fake-model",
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content)], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 10, "completion_tokens": 20, "total_tokens": 30],
        ]
        return .json(body.serialized())
    }

    static func seedJobs(_ fixture: FakeProviderFixture, count: Int, prefix: String = "Person") throws {
        let inbox = fixture.brain.folder.appendingPathComponent("jobs-\(prefix)")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        for i in 0..<count {
            try Data("\(prefix) \(i)\nEngineer at Firm \(i)\n".utf8).write(to: inbox.appendingPathComponent("r\(i).txt"))
        }
        let out = try fixture.brain.run(["ingest", inbox.path, "--task", "resume_parsing"])
        #expect(out.status == 0, "\(out.stderr)")
    }

    static func fastRetries(_ brain: BrainProcess) throws {
        let db = try SQLiteHandle(path: brain.databasePath)
        try db.exec("INSERT OR REPLACE INTO settings(key, value) VALUES ('retry_base_seconds', '0.05'), ('max_wait_seconds', '30')")
    }

    @Test func faultsEndInDoneWithEveryClassRecorded() throws {
        let fixture = try FakeProviderFixture()
        defer { fixture.stop() }
        try fixture.brain.run(["keys", "add", "fake", "--env", "FAKE_PROVIDER_KEY_2", "--label", "second"], extraEnvironment: [:])
        try fixture.brain.run(["providers", "set", "fake", "--timeout-ms", "800"])
        try Self.fastRetries(fixture.brain)
        try Self.seedJobs(fixture, count: 4)
        let provider = fixture.server.provider
        provider.enqueue(
            .json(#"{"error":{"message":"Rate limit reached","type":"rate_limit_error","code":"rate_limit_exceeded"}}"#, status: 429, headers: [HTTPField("Retry-After", "1")]),
            .json(#"{"error":{"message":"upstream failed","type":"server_error"}}"#, status: 500),
            ScriptedResponse.hang,
            Self.chatCompletion("this is not JSON at all"),
            Self.chatCompletion("still not JSON"))
        let run = try fixture.brain.run(
            ["run", "--concurrency", "1", "--json"], extraEnvironment: ["FAKE_PROVIDER_KEY_2": "sk-fake-second-key-0123456789"])
        #expect(run.status == 0, "\(run.stdout) \(run.stderr)")
        #expect(try SQLiteHandle(path: fixture.brain.databasePath).int("SELECT count(*) FROM jobs WHERE state = 'done'") == 4)
        let db = try SQLiteHandle(path: fixture.brain.databasePath)
        for outcome in ["rate_limit_error", "provider_error", "timeout", "invalid_output", "success"] {
            #expect(try db.int("SELECT count(*) FROM calls WHERE outcome = '\(outcome)'") >= 1, "no \(outcome) call")
        }
        #expect(try db.int("SELECT count(*) FROM calls WHERE outcome = 'rate_limit_error' AND retry_after = 1") == 1)
        #expect(try db.int("SELECT count(*) FROM results") == 4)
        #expect(try db.int("SELECT count(DISTINCT job_id) FROM results") == 4)
    }

    @Test func aJobThatKeepsFailingEndsFailedWithItsClass() throws {
        var options = FakeProviderOptions()
        options.failRate = 1
        let fixture = try FakeProviderFixture(options: options)
        defer { fixture.stop() }
        try Self.fastRetries(fixture.brain)
        try fixture.brain.run(["providers", "set", "fake", "--breaker-failures", "1000"])
        // Three 500s in a row would otherwise deactivate the only key, leaving nothing to retry with.
        try SQLiteHandle(path: fixture.brain.databasePath).exec("UPDATE api_keys SET max_consecutive_failures = 100")
        try Self.seedJobs(fixture, count: 2)
        let run = try fixture.brain.run(["run", "--json"])
        #expect(run.status == 3, "\(run.stdout) \(run.stderr)")
        let db = try SQLiteHandle(path: fixture.brain.databasePath)
        #expect(try db.int("SELECT count(*) FROM jobs WHERE state = 'failed' AND last_error_class = 'provider_error' AND attempts = 5") == 2)
        #expect(try db.int("SELECT count(*) FROM results") == 0)
        let retried = try fixture.brain.run(["retry", "--failed"])
        #expect(retried.status == 0)
        #expect(try db.int("SELECT count(*) FROM jobs WHERE state = 'queued' AND attempts = 0") == 2)
    }

    @Test func killNineAtSeveralPointsLosesNothingAndDuplicatesNothing() throws {
        var options = FakeProviderOptions()
        options.latencyMs = 15
        let fixture = try FakeProviderFixture(options: options)
        defer { fixture.stop() }
        try Self.seedJobs(fixture, count: 80)
        let db = try SQLiteHandle(path: fixture.brain.databasePath)
        for threshold in [0, 10, 30, 50] {
            let process = Process()
            process.executableURL = BrainProcess.executable
            process.arguments = ["run", "--concurrency", "4"]
            process.currentDirectoryURL = fixture.brain.folder
            process.environment = fixture.brain.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline, process.isRunning, (try? db.int("SELECT count(*) FROM results")) ?? 0 < threshold {
                usleep(2_000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(try db.int("SELECT count(*) FROM results") == db.int("SELECT count(DISTINCT job_id) FROM results"))
            #expect(try db.int("SELECT count(*) FROM jobs") == 80)
        }
        let final = try fixture.brain.run(["run", "--concurrency", "4", "--json"])
        #expect(final.status == 0, "\(final.stderr)")
        #expect(try db.int("SELECT count(*) FROM jobs WHERE state = 'done'") == 80)
        #expect(try db.int("SELECT count(*) FROM results") == 80)
        #expect(try db.int("SELECT count(DISTINCT job_id) FROM results") == 80)
        #expect(try db.int("SELECT count(*) FROM jobs j LEFT JOIN results r ON r.job_id = j.id WHERE r.id IS NULL") == 0)
    }
}
