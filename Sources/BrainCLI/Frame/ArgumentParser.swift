/// A command-line mistake: printed as one line plus the command's usage, exit code 2.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One `--name` option. A nil `valueName` makes it a flag.
struct OptionSpec: Sendable {
    var name: String
    var valueName: String?
    var help: String
    var repeatable = false

    static func flag(_ name: String, _ help: String) -> OptionSpec { OptionSpec(name: name, valueName: nil, help: help) }
    static func value(_ name: String, _ valueName: String, _ help: String, repeatable: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, repeatable: repeatable)
    }

    static let json = flag("json", "print one JSON document on stdout")
}

/// What a command accepts and how it describes itself in `--help`.
struct CommandSpec: Sendable {
    /// The words that name the command, e.g. ["providers", "add"].
    var path: [String]
    var summary: String
    /// The argument part of the usage line, e.g. "NAME --kind openai|gemini --base-url URL".
    var arguments: String = ""
    var options: [OptionSpec] = []
    /// How many positional arguments are accepted.
    var positionals: ClosedRange<Int> = 0...0
    var discussion: String?

    var usage: String { (["brain"] + path).joined(separator: " ") + (arguments.isEmpty ? "" : " " + arguments) }

    var help: String {
        var text = "usage: \(usage)\n\n\(summary)\n"
        if let discussion { text += "\n\(discussion)\n" }
        let all = options + ParsedArguments.globalOptions
        let width = all.map { optionLabel($0).count }.max() ?? 0
        text += "\noptions:\n"
        for option in all {
            let label = optionLabel(option)
            text += "  " + label + String(repeating: " ", count: width - label.count + 2) + option.help + "\n"
        }
        return text
    }

    private func optionLabel(_ o: OptionSpec) -> String { "--\(o.name)" + (o.valueName.map { " \($0)" } ?? "") }
}

/// Parsed options and positional arguments of one command.
struct ParsedArguments: Sendable {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// Options every command accepts.
    static let globalOptions: [OptionSpec] = [
        .value("db", "PATH", "the database file (default: $BRAIN_DB, else ./brain.db)"),
        .flag("help", "show this help"),
    ]

    /// Parses `tokens` against `spec`. `--name=value` and `--name value` both work; `--` ends options.
    static func parse(_ tokens: [String], spec: CommandSpec) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        let all = spec.options + globalOptions
        var i = 0
        var optionsEnded = false
        while i < tokens.count {
            let token = tokens[i]
            i += 1
            if optionsEnded || !token.hasPrefix("-") || token == "-" {
                parsed.positionals.append(token)
                continue
            }
            if token == "--" {
                optionsEnded = true
                continue
            }
            if token == "-h" {
                parsed.flags.insert("help")
                continue
            }
            guard token.hasPrefix("--") else { throw UsageError("unknown option \(token)") }
            var name = String(token.dropFirst(2))
            var inline: String?
            if let eq = name.firstIndex(of: "=") {
                inline = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            }
            guard let option = all.first(where: { $0.name == name }) else {
                throw UsageError("unknown option --\(name)")
            }
            if option.valueName == nil {
                if inline != nil { throw UsageError("--\(name) takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inline {
                value = inline
            } else {
                guard i < tokens.count else { throw UsageError("--\(name) needs a value (\(option.valueName ?? "VALUE"))") }
                value = tokens[i]
                i += 1
            }
            if parsed.values[name] != nil && !option.repeatable { throw UsageError("--\(name) given twice") }
            parsed.values[name, default: []].append(value)
        }
        if parsed.flags.contains("help") { return parsed }
        if !spec.positionals.contains(parsed.positionals.count) {
            if parsed.positionals.count > spec.positionals.upperBound {
                // The extra word is not echoed: it may be a secret pasted in the wrong place.
                throw UsageError("too many arguments: expected at most \(spec.positionals.upperBound) (\(spec.arguments))")
            }
            throw UsageError("missing argument (\(spec.arguments))")
        }
        return parsed
    }

    func flag(_ name: String) -> Bool { flags.contains(name) }
    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }

    func int(_ name: String, range: ClosedRange<Int> = Int.min...Int.max) throws(UsageError) -> Int? {
        guard let text = value(name) else { return nil }
        guard let n = Int(text), range.contains(n) else {
            throw UsageError("--\(name) takes a whole number\(range.lowerBound > Int.min ? " from \(range.lowerBound)" : "")\(range.upperBound < Int.max ? " to \(range.upperBound)" : ""), not '\(text)'")
        }
        return n
    }

    func double(_ name: String, range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws(UsageError) -> Double? {
        guard let text = value(name) else { return nil }
        guard let n = Double(text), n.isFinite, range.contains(n) else {
            throw UsageError("--\(name) takes a number in \(range.lowerBound)...\(range.upperBound), not '\(text)'")
        }
        return n
    }

    func choice(_ name: String, _ allowed: [String]) throws(UsageError) -> String? {
        guard let text = value(name) else { return nil }
        guard allowed.contains(text) else {
            throw UsageError("--\(name) must be one of \(allowed.joined(separator: ", ")), not '\(text)'")
        }
        return text
    }

    func list(_ name: String) -> [String]? {
        value(name).map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
    }
}

import Foundation
