import BrainCore
import BrainProviders
import BrainStore

/// Token-free health probes of configured providers, one per usable key (`brain providers test`).
public enum ProviderProbe {
    /// One probe to make: a provider and one key (none for keyless servers). The secret stays inside.
    public struct Target: Sendable, CustomStringConvertible {
        public var config: ProviderConfig
        public var keyID: Int?
        public var keyLabel: String?
        /// What people see of the key: its fingerprint, never the secret.
        public var keyDisplay: String
        /// Why the target cannot be probed (no usable key); nil when it can.
        public var skipReason: String?
        let secret: String

        public var description: String { "\(config.name)/\(keyLabel ?? "-") \(keyDisplay)" }
    }

    /// The verdict of one probe.
    public struct Report: Sendable, Equatable {
        public var provider: String
        public var keyID: Int?
        public var keyLabel: String?
        public var keyDisplay: String
        /// `ok`, `skipped`, or a `ProviderError.Kind` raw value (`auth_error`, `network_error`, …).
        public var verdict: String
        public var httpStatus: Int?
        public var latencyMilliseconds: Int?
        /// Models the provider lists (nil when the probe endpoint lists none or failed).
        public var modelCount: Int?
        /// A short fact or the error text, scrubbed of the key.
        public var detail: String?

        public var isOK: Bool { verdict == "ok" }
    }

    /// Each enabled provider (or only `name`, enabled or not) with each enabled key; keyless
    /// servers once. A key whose variable is unset, or a provider without enabled keys, gives a
    /// target with a `skipReason`.
    public static func targets(db: Database, environment: [String: String], only name: String? = nil) throws -> [Target] {
        let providers = ProviderRepository(db: db)
        let records = try name.map { [try providers.named($0)] } ?? providers.all().filter(\.enabled)
        let keyRepository = KeyRepository(db: db)
        var targets: [Target] = []
        for record in records {
            let config = record.adapterConfig
            let keys = try keyRepository.all(provider: record.name)
            if keys.isEmpty && !record.keyRequired {
                targets.append(Target(config: config, keyID: nil, keyLabel: nil, keyDisplay: "(no key)", skipReason: nil, secret: ""))
                continue
            }
            let enabled = keys.filter(\.enabled)
            for key in enabled {
                let display = key.displayFingerprint(in: environment)
                if let secret = key.secret(in: environment) {
                    targets.append(Target(config: config, keyID: key.id, keyLabel: key.label, keyDisplay: display, skipReason: nil, secret: secret))
                } else {
                    let why = "\(key.environmentVariable ?? "the key's variable") is not set"
                    targets.append(Target(config: config, keyID: key.id, keyLabel: key.label, keyDisplay: display, skipReason: why, secret: ""))
                }
            }
            if enabled.isEmpty {
                let why = keys.isEmpty ? "no keys (add one: brain keys add \(record.name) --env NAME)" : "every key is disabled"
                targets.append(Target(config: config, keyID: nil, keyLabel: nil, keyDisplay: "-", skipReason: why, secret: ""))
            }
        }
        return targets
    }

    /// Sends the adapter's health probe for `target` (at most `timeout` seconds) and classifies the answer.
    public static func probe(_ target: Target, client: HTTPClient, timeout: Double = 20) async -> Report {
        var result = Report(
            provider: target.config.name, keyID: target.keyID, keyLabel: target.keyLabel, keyDisplay: target.keyDisplay,
            verdict: "skipped", detail: target.skipReason)
        if target.skipReason != nil { return result }
        let adapter = ProviderAdapters.make(for: target.config)
        var request = adapter.makeHealthProbe(apiKey: target.secret)
        request.totalTimeout = min(request.totalTimeout, timeout)
        request.connectTimeout = min(request.connectTimeout, timeout)
        let scrubber = SecretScrubber(secrets: target.secret.isEmpty ? [] : [target.secret])
        let clock = ContinuousClock()
        let start = clock.now
        let outcome: Result<ProviderHealth, ProviderError>
        do {
            let response = try await client.send(request)
            result.httpStatus = response.status
            outcome = adapter.parseHealthProbe(response, apiKey: target.secret)
        } catch {
            outcome = .failure(adapter.classify(transport: error, apiKey: target.secret))
        }
        let elapsed = clock.now - start
        result.latencyMilliseconds = Int(elapsed.components.seconds) * 1000 + Int(elapsed.components.attoseconds / 1_000_000_000_000_000)
        switch outcome {
        case .success(let health):
            result.verdict = "ok"
            result.modelCount = health.models.isEmpty ? nil : health.models.count
            result.detail = health.note.map(scrubber.scrub)
        case .failure(let error):
            result.verdict = error.kind.rawValue
            result.httpStatus = error.status ?? result.httpStatus
            result.detail = scrubber.scrub(error.description)
        }
        return result
    }

    /// Probes every target concurrently; results in the order of `targets`.
    public static func probeAll(_ targets: [Target], client: HTTPClient, timeout: Double = 20) async -> [Report] {
        await withTaskGroup(of: (Int, Report).self) { group in
            for (index, target) in targets.enumerated() {
                group.addTask { (index, await probe(target, client: client, timeout: timeout)) }
            }
            var results = [Report?](repeating: nil, count: targets.count)
            for await (index, result) in group where index < results.count { results[index] = result }
            return results.compactMap { $0 }
        }
    }
}
