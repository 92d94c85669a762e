import BrainCore
import Foundation

/// Serialised request-body fragments built from an output schema, so that a schema sent with
/// every request of a batch is serialised (and, for Gemini, converted) once, not per request.
///
/// An entry is found first by the schema's storage identity: the cache holds the schema, so a
/// document whose top-level storage has the same address is that very (immutable, shared)
/// document. Otherwise an exact comparison decides (key order, string bytes and number bits all
/// equal), so a hit always yields the bytes the fragment would be built with now. At most
/// `limit` entries are kept; the least recently used is dropped first.
final class SchemaFragmentCache: @unchecked Sendable {
    /// What a fragment holds besides the schema; it is part of the key.
    enum Variant: Sendable {
        /// OpenAI's `response_format` value for a `json_schema` named by the (raw) schema name.
        case openAIResponseFormat(schemaName: String)
        /// Gemini's `responseSchema` value (the converted schema).
        case geminiResponseSchema

        func matches(_ other: Variant) -> Bool {
            switch (self, other) {
            case (.openAIResponseFormat(let a), .openAIResponseFormat(let b)): return SchemaFragmentCache.sameBytes(a, b)
            case (.geminiResponseSchema, .geminiResponseSchema): return true
            default: return false
            }
        }
    }

    private enum Lookup {
        case hit([UInt8])
        case miss([Entry])
    }

    private struct Entry {
        var schema: JSONValue
        var identity: UnsafeRawPointer?
        var variant: Variant
        var bytes: [UInt8]
    }

    /// Shared by every adapter: adapters are rebuilt per routed request.
    static let shared = SchemaFragmentCache(limit: 32)

    /// Documents nested deeper than this are never compared (their fragments are rebuilt).
    static let maxCompareDepth = 256

    let limit: Int
    private let lock = NSLock()
    private var entries: [Entry] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// Entries held now (at most `limit`).
    var count: Int { lock.withLock { entries.count } }

    /// The cached fragment for `schema` and `variant`, or the one `build` makes (then kept).
    func fragment<Failure: Error>(
        for schema: JSONValue, _ variant: Variant, build: () throws(Failure) -> [UInt8]
    ) throws(Failure) -> [UInt8] {
        let identity = SchemaFragmentCache.identity(of: schema)
        let found: Lookup = lock.withLock {
            if let identity, let i = entries.firstIndex(where: { $0.identity == identity && $0.variant.matches(variant) }) {
                let entry = entries.remove(at: i)
                entries.append(entry)
                return .hit(entry.bytes)
            }
            return .miss(entries)
        }
        switch found {
        case .hit(let bytes): return bytes
        case .miss(let snapshot):
            // Compared outside the lock: a large schema takes a while.
            if let equal = snapshot.first(where: { $0.variant.matches(variant) && SchemaFragmentCache.identical($0.schema, schema) }) {
                return equal.bytes
            }
        }
        let bytes = try build()
        lock.withLock {
            entries.append(Entry(schema: schema, identity: identity, variant: variant, bytes: bytes))
            if entries.count > limit { entries.removeFirst(entries.count - limit) }
        }
        return bytes
    }

    /// The address of an array's or object's top-level storage (nil for scalars).
    static func identity(of value: JSONValue) -> UnsafeRawPointer? {
        switch value {
        case .object(let object): return object.entries.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        case .array(let items): return items.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        default: return nil
        }
    }

    /// True when `a` and `b` serialise to the same bytes because they are the same document:
    /// same key order, same string bytes (not just canonically equivalent), same number bits.
    static func identical(_ a: JSONValue, _ b: JSONValue, depth: Int = 0) -> Bool {
        guard depth <= maxCompareDepth else { return false }
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return sameBytes(x, y)
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !identical(p, q, depth: depth + 1) { return false }
            return true
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x.entries, y.entries) {
                guard sameBytes(p.key, q.key), identical(p.value, q.value, depth: depth + 1) else { return false }
            }
            return true
        default: return false
        }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == y.count }
                return memcmp(p, q, x.count) == 0
            }
        }
    }
}
