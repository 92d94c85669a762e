import BrainCore
import BrainFake
import BrainProviders
import BrainStore
import Foundation

@testable import BrainEngine

/// A fresh store in a temporary folder, providers on fake servers over real HTTP, keys as `env:`
/// references, and a manual clock shared by the ledger and the router.
final class RoutingFixture: @unchecked Sendable {
    /// 2026-01-01T12:00:00Z: midday, so advancing minutes never crosses a UTC day by accident.
    static let noon: Double = 1_767_225_600 + 12 * 3600

    let folder: URL
    let clock = ManualClock(RoutingFixture.noon)
    let queue: DatabaseQueue
    let client = HTTPClient()
    private(set) var environment: [String: String] = [:]
    private(set) var servers: [String: FakeProviderServer] = [:]

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("brain-routing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        queue = try DatabaseQueue(path: folder.appendingPathComponent("brain.db").path)
    }

    deinit {
        for server in servers.values { server.stop() }
        client.shutdown()
        try? FileManager.default.removeItem(at: folder)
    }

    var databasePath: String { queue.path }

    /// Adds a provider answered by a new fake server (or pointing at `baseURL`), and returns the fake.
    @discardableResult
    func addProvider(
        _ name: String, priority: Int, models: [String] = ["m1"], dailyLimit: Int? = nil, timeoutMs: Int = 5000,
        baseURL: String? = nil, keyRequired: Bool = true, options: FakeProviderOptions = FakeProviderOptions()
    ) throws -> FakeProvider {
        let server = try FakeProviderServer.start(options: options)
        servers[name] = server
        let record = ProviderRecord(
            name: name, kind: options.dialect == .gemini ? "gemini" : "openai", baseURL: baseURL ?? server.baseURL,
            priority: priority, models: models,
            dailyLimit: dailyLimit, timeoutMilliseconds: timeoutMs, keyRequired: keyRequired)
        try queue.sync { db in _ = try ProviderRepository(db: db, clock: clock).add(record) }
        return server.provider
    }

    /// Adds a key to `provider` as `env:VARIABLE` and puts `secret` in the environment only.
    @discardableResult
    func addKey(
        _ provider: String, label: String, secret: String, priority: Int = 100, dailyLimit: Int? = nil,
        account: String? = nil, maxConsecutiveFailures: Int = 3
    ) throws -> Int {
        let variable = "BRAIN_TEST_\(provider.uppercased())_\(label.uppercased())"
        environment[variable] = secret
        var key = KeyRepository.NewKey(
            reference: "env:\(variable)", label: label, priority: priority, dailyLimit: dailyLimit, account: account)
        key.maxConsecutiveFailures = maxConsecutiveFailures
        return try queue.sync { db in try KeyRepository(db: db, clock: clock).add(provider: provider, key).id }
    }

    func setAccountLimit(_ provider: String, account: String, _ limit: Int?) throws {
        try queue.sync { db in
            try KeyRepository(db: db, clock: clock).setAccountLimit(provider: provider, account: account, dailyLimit: limit)
        }
    }

    /// Removes a variable from the environment later ledgers see.
    func unsetEnvironment(_ variable: String) { environment[variable] = nil }

    /// A ledger on `queue` (default: this fixture's own connection).
    func ledger(on queue: DatabaseQueue? = nil, cacheTTL: Double = 86_400) -> StoreLedger {
        StoreLedger(queue: queue ?? self.queue, environment: environment, clock: clock, cacheTTL: cacheTTL)
    }

    func router(on queue: DatabaseQueue? = nil) -> Router {
        Router(client: client, ledger: ledger(on: queue), clock: clock)
    }

    /// Routes `text` as one user message.
    func route(_ text: String = "hello", _ configure: (inout RouteRequest) -> Void = { _ in }) async throws -> RouteResult {
        try await router().route(Self.request(text, configure))
    }

    /// Routes and returns the error the router threw (nil when it answered).
    func routeError(_ text: String = "hello", _ configure: (inout RouteRequest) -> Void = { _ in }) async throws -> RouteError? {
        do {
            _ = try await route(text, configure)
            return nil
        } catch let error as RouteError {
            return error
        }
    }

    static func request(_ text: String, _ configure: (inout RouteRequest) -> Void = { _ in }) -> RouteRequest {
        var request = RouteRequest(messages: { _ in [ChatMessage(role: .user, content: text)] })
        configure(&request)
        return request
    }

    // MARK: reading the store

    func key(_ provider: String, _ label: String) throws -> KeyRecord {
        try queue.sync { db in try KeyRepository(db: db, clock: clock).find("\(provider)/\(label)") }
    }

    func rows(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> [Row] {
        try queue.sync { db in try db.query(sql, arguments) }
    }

    func int(_ sql: String, _ arguments: [any SQLValueConvertible] = []) throws -> Int? {
        try queue.sync { db in try db.scalar(sql, arguments)?.int }
    }

    /// The provider's breaker row (state, consecutive_failures, half_open_successes, opened_at …).
    func breaker(_ provider: String) throws -> Row? {
        try queue.sync { db in
            try db.queryOne(
                "SELECT b.* FROM breakers b JOIN providers p ON p.id = b.provider_id WHERE p.name = ?", [provider])
        }
    }

    func calls() throws -> [Row] { try rows("SELECT * FROM calls ORDER BY id") }

    /// The `outcome` of every calls row, in order.
    func outcomes() throws -> [String] { try calls().map { $0.string("outcome") ?? "" } }

    /// A base URL on which nothing listens: a fake server's port after it stopped.
    static func closedPortURL() throws -> String {
        let server = try FakeProviderServer.start()
        let url = server.openAIBaseURL
        server.stop()
        return url
    }

    func routable(_ name: String) throws -> RoutableProvider {
        try queue.sync { db in StoreLedger.routable(try ProviderRepository(db: db).named(name)) }
    }
}

/// Scripted error answers in the OpenAI dialect.
enum Scripted {
    static func error(
        _ status: Int, _ message: String, type: String = "server_error", code: String? = nil, headers: [HTTPField] = []
    ) -> ScriptedResponse {
        let body: JSONValue = [
            "error": ["message": .string(message), "type": .string(type), "code": code.map(JSONValue.string) ?? .null]
        ]
        return .json(body.serialized(), status: status, headers: headers)
    }

    static let serverError = error(500, "The server had an error while processing your request.")

    static func rateLimited(retryAfter: Int) -> ScriptedResponse {
        error(
            429, "Rate limit reached for requests per min (RPM).", type: "requests", code: "rate_limit_exceeded",
            headers: [HTTPField("Retry-After", String(retryAfter))])
    }

    static func badKey(echoing key: String = "") -> ScriptedResponse {
        error(401, "Incorrect API key provided: \(key).", type: "invalid_request_error", code: "invalid_api_key")
    }

    static func modelNotFound(_ model: String) -> ScriptedResponse {
        error(
            404, "The model `\(model)` does not exist or you do not have access to it.", type: "invalid_request_error",
            code: "model_not_found")
    }
}

extension FakeProvider {
    /// The `model` field of each request received.
    var requestedModels: [String] {
        requests.compactMap { (try? JSONValue.parse($0.bodyText))?["model"]?.stringValue }
    }

    /// The API key each request presented.
    var presentedKeys: [String] { requests.compactMap(\.apiKey) }
}
