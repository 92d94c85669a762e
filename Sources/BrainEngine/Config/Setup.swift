import BrainCore
import BrainStore

/// What `brain init` and `brain config reload` did, for the summary they print.
public struct SetupReport: Sendable, Equatable {
    public var providersAdded: [String] = []
    public var keysRegistered: [String] = []
    public var providersEnabled: [String] = []
    public var templatesLoaded: [String] = []
    public init() {}
}

/// First-run and reload steps: default providers, environment keys, templates.
public struct Setup {
    let db: Database
    let clock: any WallClock

    public init(db: Database, clock: any WallClock = SystemClock()) {
        self.db = db
        self.clock = clock
    }

    /// Adds each default provider that does not exist yet (an edited provider is left alone).
    public func addDefaultProviders(into report: inout SetupReport) throws {
        let providers = ProviderRepository(db: db, clock: clock)
        let existing = Set(try providers.all().map(\.name))
        for provider in DefaultProviders.providers where !existing.contains(provider.name) {
            try providers.add(provider)
            report.providersAdded.append(provider.name)
        }
    }

    /// Registers every well-known key variable that is set in `environment` as an `env:` reference
    /// (the value itself is never copied), and enables a disabled provider that now has a key.
    public func registerEnvironmentKeys(_ environment: [String: String], into report: inout SetupReport) throws {
        let keys = KeyRepository(db: db, clock: clock)
        let providers = ProviderRepository(db: db, clock: clock)
        for (variable, providerName) in DefaultProviders.environmentKeys {
            guard let value = environment[variable], !value.isEmpty else { continue }
            guard let provider = try? providers.named(providerName) else { continue }
            let existing = try keys.all(provider: providerName).contains { $0.reference == "env:\(variable)" }
            if existing { continue }
            try keys.add(provider: providerName, .init(reference: "env:\(variable)", label: variable))
            report.keysRegistered.append("\(providerName)/\(variable)")
            if !provider.enabled {
                try providers.setEnabled(providerName, true)
                report.providersEnabled.append(providerName)
            }
        }
    }
}
