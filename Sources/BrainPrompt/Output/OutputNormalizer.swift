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
        let result = walk.visit(value, node: JSONSchema.rootNode, depth: 0)
        return NormalizedOutput(value: result, changes: walk.changes)
    }
}

/// The recursive pass behind `OutputNormalizer`, collecting changes as it goes.
///
/// Every edit records a change, so a subtree whose visit recorded none is returned as it came
/// (no container is rebuilt), and the path of a value is rendered only when a change is recorded.
private struct NormalizationWalk {
    static let maxDepth = 600
    let facts: [SchemaFacts]
    let dropsEmptyValues: Bool
    var changes: [NormalizationChange] = []
    private var trail = PathTrail()

    init(facts: [SchemaFacts], dropsEmptyValues: Bool) {
        self.facts = facts
        self.dropsEmptyValues = dropsEmptyValues
    }

    /// The normalised value; containers decide whether an empty result is dropped.
    mutating func visit(_ value: JSONValue, node: Int?, depth: Int) -> JSONValue {
        guard depth < Self.maxDepth else { return value }
        let here = node.flatMap { facts.indices.contains($0) ? $0 : nil }
        switch value {
        case .string(let raw):
            return visitString(raw, facts: here)
        case .array(let items):
            let itemNode = here.flatMap { facts[$0].items }
            var kept: [JSONValue]?  // nil while every item is unchanged
            for (i, item) in items.enumerated() {
                trail.push(i)
                defer { trail.pop() }
                let before = changes.count
                let v = visit(item, node: itemNode, depth: depth + 1)
                if dropsEmptyValues, Self.isEmpty(v) {
                    if kept == nil { kept = Array(items[..<i]) }
                    record("dropped empty item")
                    continue
                }
                if kept == nil, changes.count != before { kept = Array(items[..<i]) }
                kept?.append(v)
            }
            return kept.map { .array($0) } ?? value
        case .object(let object):
            var out: JSONObject?  // nil while every member is unchanged
            var setCurrent = false
            for (i, (k, member)) in object.entries.enumerated() {
                trail.push(k)
                defer { trail.pop() }
                let child = here.flatMap { facts[$0].property(k) }
                let required = here.map { facts[$0].required.contains(k) } ?? false
                let childFacts = child.flatMap { facts.indices.contains($0) ? $0 : nil }
                if let date = childFacts, facts[date].isDate,
                    case .string(let s) = member, ResumeDate.isOngoing(s), k == "endDate" || facts[date].mentionsOngoing, !required
                {
                    if out == nil { out = Self.object(object.entries[..<i]) }
                    record("dropped \(ValuePreview.short(member)): the period is ongoing, so the end date is omitted")
                    setCurrent = true
                    continue
                }
                let before = changes.count
                let v = visit(member, node: child, depth: depth + 1)
                if dropsEmptyValues, !required, Self.isEmpty(v) {
                    if out == nil { out = Self.object(object.entries[..<i]) }
                    record("dropped \(Self.emptyName(v))")
                    continue
                }
                if out == nil, changes.count != before { out = Self.object(object.entries[..<i]) }
                out?[k] = v
            }
            guard var out else { return value }
            if setCurrent, out["isCurrent"] == nil, let here, let flag = facts[here].property("isCurrent"),
                facts.indices.contains(flag), facts[flag].types.contains("boolean")
            {
                out["isCurrent"] = .bool(true)
                trail.push("isCurrent")
                record("set to true because the end date said the period is ongoing")
                trail.pop()
            }
            return .object(out)
        case .null, .bool, .number:
            return value
        }
    }

    private static func object(_ entries: ArraySlice<(key: String, value: JSONValue)>) -> JSONObject {
        var out = JSONObject()
        for (k, v) in entries { out[k] = v }
        return out
    }

    private mutating func visitString(_ raw: String, facts index: Int?) -> JSONValue {
        let trimmed = EdgeWhitespace.needsTrim(raw) ? raw.trimmingCharacters(in: .whitespacesAndNewlines) : raw
        if trimmed != raw { record("trimmed whitespace") }
        guard let index, !trimmed.isEmpty else { return .string(trimmed) }
        if facts[index].isDate, !facts[index].accepts(trimmed), case .date(let date, let note) = ResumeDate.read(trimmed),
            facts[index].accepts(date)
        {
            record("date \(ValuePreview.short(.string(trimmed))) -> \"\(date)\"" + (note.map { " (\($0))" } ?? ""))
            return .string(date)
        }
        if facts[index].wantsHTTPURL, !facts[index].accepts(trimmed), BareDomain.looksLikeOne(trimmed) {
            let url = "https://" + trimmed
            if facts[index].accepts(url) {
                record("prefixed https:// to the bare domain \(ValuePreview.short(.string(trimmed)))")
                return .string(url)
            }
        }
        return .string(trimmed)
    }

    private mutating func record(_ change: String) {
        changes.append(NormalizationChange(path: trail.pointer, change: change))
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

/// Whether a string starts or ends with whitespace, the normaliser's cue to trim it.
enum EdgeWhitespace {
    /// Whether the first or last character is whitespace. Text that starts and ends with a
    /// printable ASCII character other than space cannot be (a grapheme ending in such a byte
    /// starts with it, or with a prepended non-whitespace scalar), so only other text is looked
    /// at character by character.
    static func needsTrim(_ raw: String) -> Bool {
        let utf8 = raw.utf8
        guard let first = utf8.first, let last = utf8.last else { return false }
        if (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return false }
        return needsTrimByCharacter(raw)
    }

    /// `needsTrim` without the byte shortcut.
    static func needsTrimByCharacter(_ raw: String) -> Bool {
        raw.first.map(\.isWhitespace) == true || raw.last.map(\.isWhitespace) == true
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
