import BrainCore
import BrainEngine
import BrainProviders

/// `brain providers test [NAME]`: a token-free health probe per provider and usable key.
struct ProvidersTestCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["providers", "test"], summary: "probe each enabled provider with each usable key; spends no tokens",
        arguments: "[NAME] [--timeout-s S] [--json]",
        options: [.value("timeout-s", "S", "seconds allowed per probe (default 20)"), .json],
        positionals: 0...1,
        discussion: """
            Verdicts: ok, auth_error, rate_limit_error, quota_exhausted, network_error, timeout, provider_error,
            malformed_response, validation_error, or skipped (no usable key). Keys are shown by fingerprint.
            Exit code 0 when something was probed and every probe answered ok, else 1. Key states are not changed.
            """)

    var name: String?
    var timeout: Double

    init(_ a: ParsedArguments) throws(UsageError) {
        name = a.positionals.first
        timeout = try a.double("timeout-s", range: 0.1...600) ?? 20
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase(mode: .readOnly)
        let targets = try ProviderProbe.targets(db: db, environment: context.environment, only: name)
        let client = HTTPClient()
        let reports = await ProviderProbe.probeAll(targets, client: client, timeout: timeout)
        client.shutdown()
        if context.json {
            context.outJSON(.array(reports.map(\.json)))
        } else if reports.isEmpty {
            context.err("no enabled providers (see: brain providers list)")
        } else {
            var table = TextTable(["PROVIDER", "KEY", "VERDICT", "HTTP", "LATENCY", "MODELS", "DETAIL"])
            for r in reports {
                table.add([
                    r.provider, r.keyLabel.map { "\($0) \(r.keyDisplay)" } ?? r.keyDisplay, r.verdict, r.httpStatus.cell,
                    r.latencyMilliseconds.map { "\($0)ms" } ?? "-", r.modelCount.cell, r.detail ?? "",
                ])
            }
            context.out(table.rendered)
        }
        let probed = reports.filter { $0.verdict != "skipped" }
        let allOK = !probed.isEmpty && probed.allSatisfy(\.isOK)
        return allOK ? .ok : .failure
    }
}

extension ProviderProbe.Report {
    var json: JSONValue {
        [
            "provider": .string(provider), "key_id": keyID.map { .int($0) } ?? .null,
            "label": keyLabel.map { .string($0) } ?? .null, "key": .string(keyDisplay), "verdict": .string(verdict),
            "http_status": httpStatus.map { .int($0) } ?? .null,
            "latency_ms": latencyMilliseconds.map { .int($0) } ?? .null, "models": modelCount.map { .int($0) } ?? .null,
            "detail": detail.map { .string($0) } ?? .null,
        ]
    }
}
