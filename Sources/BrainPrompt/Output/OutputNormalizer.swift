import Foundation
import BrainCore

/// One edit the normaliser made, for the job's record.
public struct NormalizationChange: Sendable, Equatable, CustomStringConvertible {
    /// JSON Pointer of the value as it was in the model's answer.
    public var path: String
    /// What was done, e.g. `date "Jan 2020" -> "2020-01"`.
    public var change: String

    public init(path: String, change: String) {
        self.path = path
        self.change = change
    }

    public var description: String { "\(path.isEmpty ? "(document)" : path): \(change)" }
}

/// A normalised document and the edits that produced it.
public struct NormalizedOutput: Sendable, Equatable {
    public var value: JSONValue
    public var changes: [NormalizationChange]

    public init(value: JSONValue, changes: [NormalizationChange]) {
        self.value = value
        self.changes = changes
    }
}

/// Cleans a model's JSON before validation, doing only what the schema's descriptions ask and
/// never inventing a value: trims strings; rewrites dates to the JSON Resume pattern; drops
/// "Present"-style end dates (the role is ongoing, so the schema says omit; `isCurrent` is set
/// when the schema has it); prefixes `https://` to bare domains where the schema wants an
/// http(s) URL; and, when the schema says unknown values are omitted, drops nulls, empty
/// strings and empty arrays/objects, except for required properties.
public struct OutputNormalizer: Sendable {
    public let schema: JSONSchema
    /// Whether the root schema says unknown values are omitted (both output schemas do).
    public let dropsEmptyValues: Bool
    private let facts: [SchemaFacts]

    public init(schema: JSONSchema) {
        self.schema = schema
        facts = schema.nodes.indices.map { SchemaFacts(schema: schema, node: $0) }
        let said = schema.document["description"]?.stringValue?.lowercased() ?? ""
        dropsEmptyValues = said.contains("omitted") || said.contains("omit ")
    }

    /// Normalises `value`; the input is not modified.
    public func normalize(_ value: JSONValue) -> NormalizedOutput {
        var walk = NormalizationWalk(facts: facts, dropsEmptyValues: dropsEmptyValues)
        let result = walk.visit(value, node: JSONSchema.rootNode, path: "", depth: 0)
        return NormalizedOutput(value: result, changes: walk.changes)
    }
}

/// The recursive pass behind `OutputNormalizer`, collecting changes as it goes.
private struct NormalizationWalk {
    static let maxDepth = 600
    let facts: [SchemaFacts]
    let dropsEmptyValues: Bool
    var changes: [NormalizationChange] = []

    /// The normalised value; containers decide whether an empty result is dropped.
    mutating func visit(_ value: JSONValue, node: Int?, path: String, depth: Int) -> JSONValue {
        guard depth < Self.maxDepth else { return value }
        let facts = node.flatMap(schemaFacts)
        switch value {
        case .string(let raw):
            return visitString(raw, facts: facts, path: path)
        case .array(let items):
            var kept: [JSONValue] = []
            for (i, item) in items.enumerated() {
                let itemPath = JSONPointer.appending(i, to: path)
                let v = visit(item, node: facts?.items, path: itemPath, depth: depth + 1)
                if dropsEmptyValues, Self.isEmpty(v) {
                    record(itemPath, "dropped empty item")
                    continue
                }
                kept.append(v)
            }
            return .array(kept)
        case .object(let object):
            var out = JSONObject()
            var setCurrent = false
            for (k, member) in object {
                let memberPath = JSONPointer.appending(k, to: path)
                let child = facts?.property(k)
                let required = facts?.required.contains(k) ?? false
                if let date = child.flatMap(schemaFacts), date.isDate,
                    case .string(let s) = member, ResumeDate.isOngoing(s), k == "endDate" || date.mentionsOngoing, !required
                {
                    record(memberPath, "dropped \(ValuePreview.short(member)): the period is ongoing, so the end date is omitted")
                    setCurrent = true
                    continue
                }
                let v = visit(member, node: child, path: memberPath, depth: depth + 1)
                if dropsEmptyValues, !required, Self.isEmpty(v) {
                    record(memberPath, "dropped \(Self.emptyName(v))")
                    continue
                }
                out[k] = v
            }
            if setCurrent, out["isCurrent"] == nil, let facts, let flag = facts.property("isCurrent"),
                schemaFacts(flag)?.types.contains("boolean") == true
            {
                out["isCurrent"] = .bool(true)
                record(JSONPointer.appending("isCurrent", to: path), "set to true because the end date said the period is ongoing")
            }
            return .object(out)
        case .null, .bool, .number:
            return value
        }
    }

    private mutating func visitString(_ raw: String, facts: SchemaFacts?, path: String) -> JSONValue {
        let needsTrim = raw.first.map(\.isWhitespace) == true || raw.last.map(\.isWhitespace) == true
        let trimmed = needsTrim ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        if trimmed != raw { record(path, "trimmed whitespace") }
        guard let facts, !trimmed.isEmpty else { return .string(trimmed) }
        if facts.isDate, !facts.accepts(trimmed), case .date(let date, let note) = ResumeDate.read(trimmed), facts.accepts(date) {
            record(path, "date \(ValuePreview.short(.string(trimmed))) -> \"\(date)\"" + (note.map { " (\($0))" } ?? ""))
            return .string(date)
        }
        if facts.wantsHTTPURL, !facts.accepts(trimmed), BareDomain.looksLikeOne(trimmed) {
            let url = "https://" + trimmed
            if facts.accepts(url) {
                record(path, "prefixed https:// to the bare domain \(ValuePreview.short(.string(trimmed)))")
                return .string(url)
            }
        }
        return .string(trimmed)
    }

    private func schemaFacts(_ node: Int) -> SchemaFacts? { facts.indices.contains(node) ? facts[node] : nil }

    private mutating func record(_ path: String, _ change: String) {
        changes.append(NormalizationChange(path: path, change: change))
    }

    static func isEmpty(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return true
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        case .bool, .number: return false
        }
    }

    static func emptyName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .string: return "empty string"
        case .array: return "empty array"
        default: return "empty object"
        }
    }
}

/// Whether text is a bare web address such as `www.example.com` or `github.com/name`.
enum BareDomain {
    static func looksLikeOne(_ text: String) -> Bool {
        guard !text.contains(where: { $0.isWhitespace || $0 == "@" }) else { return false }
        let host = text.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        guard !host.contains(":") else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return labels.allSatisfy { label in
            !label.isEmpty && !label.hasPrefix("-") && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
