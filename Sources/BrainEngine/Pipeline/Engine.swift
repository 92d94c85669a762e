import BrainCore
import BrainProviders
import BrainStore

/// The parts a processing command needs, wired together: the store, the HTTP client, the
/// ledger, the router and the compiled templates. Call `shutdown()` before the process exits.
public final class Engine: Sendable {
    public let queue: DatabaseQueue
    public let client: HTTPClient
    public let ledger: StoreLedger
    public let router: Router
    public let clock: any WallClock
    public let environment: [String: String]

    /// Opens (creating and setting up when new) the database at `path`.
    public init(path: String, environment: [String: String], clock: any WallClock = SystemClock(), cacheTTL: Double? = nil) throws {
        queue = try DatabaseQueue(path: path)
        try queue.sync { db in try Engine.ensureSetUp(db: db, environment: environment, clock: clock) }
        let ttl = try cacheTTL ?? queue.sync { db in try db.scalar("SELECT value FROM settings WHERE key = 'cache_ttl_seconds'")?.double } ?? 86_400
        client = HTTPClient()
        ledger = StoreLedger(queue: queue, environment: environment, clock: clock, cacheTTL: ttl)
        router = Router(client: client, ledger: ledger, clock: clock)
        self.clock = clock
        self.environment = environment
    }

    /// First-use set-up: default providers, environment keys and templates, when the file is new.
    static func ensureSetUp(db: Database, environment: [String: String], clock: any WallClock) throws {
        let providers = try db.scalar("SELECT count(*) FROM providers")?.int ?? 0
        let templates = try db.scalar("SELECT count(*) FROM templates")?.int ?? 0
        guard providers == 0 || templates == 0 else { return }
        var report = SetupReport()
        let setup = Setup(db: db, clock: clock)
        try db.transaction {
            if providers == 0 {
                try setup.addDefaultProviders(into: &report)
                try setup.registerEnvironmentKeys(environment, into: &report)
            }
            if templates == 0 { try TemplateSetup.load(directory: nil, db: db, clock: clock, into: &report) }
        }
    }

    /// The compiled templates as stored now.
    public func catalog() async throws -> TemplateCatalog {
        try await queue.read { db in try TemplateCatalog.load(db: db) }
    }

    public func shutdown() { client.shutdown() }
}
