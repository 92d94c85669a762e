import BrainCore

/// What the normaliser needs to know about one schema location, looking through `$ref`
/// chains and `allOf` (descriptions are collected from every step, since a property's
/// description often sits beside its `$ref`).
struct SchemaFacts {
    let schema: JSONSchema
    private(set) var chain: [SchemaNode] = []

    init(schema: JSONSchema, node: Int) {
        self.schema = schema
        var pending = [node]
        var seen: Set<Int> = []
        while let next = pending.popLast(), chain.count < 32 {
            guard schema.nodes.indices.contains(next), seen.insert(next).inserted else { continue }
            let n = schema.nodes[next]
            chain.append(n)
            if let ref = n.ref { pending.append(ref) }
            pending.append(contentsOf: n.allOf.reversed())
        }
    }

    var types: [String] { chain.compactMap(\.types).first ?? [] }
    var required: [String] { chain.flatMap(\.required) }
    var items: Int? { chain.compactMap(\.items).first }
    var descriptions: [String] { chain.compactMap(\.description) }

    func property(_ name: String) -> Int? { chain.lazy.compactMap { $0.property(name) }.first }

    /// Whether every pattern and format here accepts `text`.
    func accepts(_ text: String) -> Bool {
        chain.allSatisfy { node in
            (node.pattern?.matches(text) ?? true)
                && (node.format.map { FormatChecks.problem(with: text, format: $0) == nil } ?? true)
        }
    }

    /// A date field: its pattern accepts YYYY, YYYY-MM and YYYY-MM-DD but not prose (the JSON
    /// Resume date pattern), or its format is `date`.
    var isDate: Bool {
        guard types.contains("string") else { return false }
        if chain.contains(where: { $0.format == "date" }) { return true }
        let patterns = chain.compactMap(\.pattern)
        guard !patterns.isEmpty else { return false }
        return ["2020", "2020-01", "2020-01-15"].allSatisfy { sample in patterns.allSatisfy { $0.matches(sample) } }
            && !patterns.allSatisfy { $0.matches("Jan 2020") }
    }

    /// Whether a description says to omit the value while something is ongoing.
    var mentionsOngoing: Bool { descriptions.contains { $0.lowercased().contains("ongoing") } }

    /// The string must be an http(s) URL (pattern `^https?://` or format `url`).
    var wantsHTTPURL: Bool {
        guard types.contains("string") else { return false }
        let patterns = chain.compactMap(\.pattern)
        let httpPattern = !patterns.isEmpty && patterns.allSatisfy { $0.matches("https://a.example") && !$0.matches("a.example") }
        return httpPattern || chain.contains { $0.format == "url" }
    }
}
