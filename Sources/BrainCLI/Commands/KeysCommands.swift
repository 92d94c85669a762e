import BrainCore
import BrainEngine

/// `brain keys list`.
struct KeysListCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["keys", "list"], summary: "list keys by id, provider, label, fingerprint and state",
        arguments: "[--provider P] [--json]", options: [.value("provider", "P", "only this provider's keys"), .json])

    var provider: String?
    init(_ a: ParsedArguments) throws(UsageError) { provider = a.value("provider") }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let db = try context.openDatabase()
        let keys = try KeyRepository(db: db).all(provider: provider)
        let now = context.clock.now()
        if context.json {
            context.outJSON(.array(keys.map { $0.json(environment: context.environment, now: now) }))
            return .ok
        }
        var table = TextTable(["ID", "PROVIDER", "LABEL", "KEY", "STATE", "PRIORITY", "DAILY LIMIT", "REASON"])
        for k in keys {
            table.add([
                String(k.id), k.provider, k.label, k.displayFingerprint(in: context.environment),
                k.effectiveState(at: now), String(k.priority), k.dailyLimit.cell, k.stateReason.cell,
            ])
        }
        context.out(table.rendered)
        return .ok
    }
}

/// `brain keys add`: from an environment variable reference or from standard input, never from argv.
struct KeysAddCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["keys", "add"], summary: "add a key: --env NAME stores a reference, --stdin reads the secret",
        arguments: "PROVIDER (--env NAME | --stdin) [--label L] [--priority N] [--daily-limit N] [--account A]",
        options: [
            .value("env", "NAME", "read the key from this environment variable at call time"),
            .flag("stdin", "read the key from standard input (never pass secrets as arguments)"),
            .value("label", "L", "a name for the key"),
            .value("priority", "N", "lower goes first (default 100)"),
            .value("daily-limit", "N", "calls per UTC day for this key"),
            .value("account", "A", "the provider account the key belongs to (limits bind all its keys)"),
            .value("account-limit", "N", "calls per UTC day for the whole account (with --account)"),
            .json,
        ],
        positionals: 1...1,
        discussion: "Example: printf %s \"$KEY\" | brain keys add groq --stdin --label work")

    var provider: String
    var env: String?
    var fromStdin: Bool
    var label: String?
    var priority: Int
    var dailyLimit: Int?
    var account: String?
    var accountLimit: Int?

    init(_ a: ParsedArguments) throws(UsageError) {
        provider = a.positionals[0]
        env = a.value("env")
        fromStdin = a.flag("stdin")
        guard (env != nil) != fromStdin else { throw UsageError("give exactly one of --env NAME or --stdin") }
        label = a.value("label")
        priority = try a.int("priority", range: 0...1_000_000) ?? 100
        dailyLimit = try a.int("daily-limit", range: 0...Int.max)
        account = a.value("account")
        accountLimit = try a.int("account-limit", range: 0...Int.max)
        if accountLimit != nil && account == nil { throw UsageError("--account-limit needs --account") }
    }

    func run(_ context: CommandContext) async throws -> ExitCode {
        let reference: String
        if let env {
            reference = "env:\(env)"
        } else {
            reference = context.readStandardInput().trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reference.isEmpty else { throw CommandError.failed("no key on standard input") }
            guard !reference.contains(where: { $0.isWhitespace }) else {
                throw CommandError.failed("the key on standard input contains whitespace; give one key")
            }
        }
        let db = try context.openDatabase()
        let keys = KeyRepository(db: db, clock: context.clock)
        let key = try keys.add(
            provider: provider,
            .init(reference: reference, label: label, priority: priority, dailyLimit: dailyLimit, account: account))
        if let account, let accountLimit {
            try keys.setAccountLimit(provider: provider, account: account, dailyLimit: accountLimit)
        }
        if context.json {
            context.outJSON(key.json(environment: context.environment, now: context.clock.now()))
        } else {
            context.err("added key \(key.id) (\(key.provider)/\(key.label), \(key.displayFingerprint(in: context.environment)))")
        }
        return .ok
    }
}

/// `brain keys remove|enable|disable ID` (ID is the number, or PROVIDER/LABEL).
struct KeysRemoveCommand: CLICommand {
    static let spec = CommandSpec(path: ["keys", "remove"], summary: "remove a key", arguments: "ID", positionals: 1...1)
    var id: String
    init(_ a: ParsedArguments) throws(UsageError) { id = a.positionals[0] }
    func run(_ context: CommandContext) async throws -> ExitCode {
        try KeyRepository(db: try context.openDatabase()).remove(id)
        context.err("removed key \(id)")
        return .ok
    }
}

struct KeysEnableCommand: CLICommand {
    static let spec = CommandSpec(
        path: ["keys", "enable"], summary: "enable a key and clear its cooldown or deactivation", arguments: "ID",
        positionals: 1...1)
    var id: String
    init(_ a: ParsedArguments) throws(UsageError) { id = a.positionals[0] }
    func run(_ context: CommandContext) async throws -> ExitCode {
        try KeyRepository(db: try context.openDatabase()).enable(id)
        context.err("enabled key \(id)")
        return .ok
    }
}

struct KeysDisableCommand: CLICommand {
    static let spec = CommandSpec(path: ["keys", "disable"], summary: "disable a key", arguments: "ID", positionals: 1...1)
    var id: String
    init(_ a: ParsedArguments) throws(UsageError) { id = a.positionals[0] }
    func run(_ context: CommandContext) async throws -> ExitCode {
        try KeyRepository(db: try context.openDatabase()).disable(id)
        context.err("disabled key \(id)")
        return .ok
    }
}

extension KeyRecord {
    func json(environment: [String: String], now: Double) -> JSONValue {
        [
            "id": .int(id), "provider": .string(provider), "label": .string(label),
            "fingerprint": .string(displayFingerprint(in: environment)), "state": .string(effectiveState(at: now)),
            "enabled": .bool(enabled), "priority": .int(priority), "daily_limit": dailyLimit.map { .int($0) } ?? .null,
            "account": account.map { .string($0) } ?? .null,
            "until": stateUntil.map { .string($0.iso8601) } ?? .null,
            "reason": stateReason.map { .string($0) } ?? .null,
        ]
    }
}

import Foundation
