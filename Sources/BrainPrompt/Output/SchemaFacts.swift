import BrainCore

/// What the normaliser needs to know about one schema location, looking through `$ref`
/// chains and `allOf` (descriptions are collected from every step, since a property's
/// description often sits beside its `$ref`). Computed once per node when the normaliser is made.
struct SchemaFacts: Sendable {
    private let chain: [SchemaNode]
    let types: [String]
    let required: [String]
    let items: Int?
    /// A date field: its pattern accepts YYYY, YYYY-MM and YYYY-MM-DD but not prose (the JSON
    /// Resume date pattern), or its format is `date`.
    let isDate: Bool
    /// The string must be an http(s) URL (a pattern like `^https?://`, or format `url`).
    let wantsHTTPURL: Bool
    /// A description says to omit the value while something is ongoing.
    let mentionsOngoing: Bool

    init(schema: JSONSchema, node: Int) {
        var chain: [SchemaNode] = []
        var pending = [node]
        var seen: Set<Int> = []
        while let next = pending.popLast(), chain.count < 32 {
            guard schema.nodes.indices.contains(next), seen.insert(next).inserted else { continue }
            let n = schema.nodes[next]
            chain.append(n)
            if let ref = n.ref { pending.append(ref) }
            pending.append(contentsOf: n.allOf.reversed())
        }
        self.chain = chain
        types = chain.compactMap(\.types).first ?? []
        required = chain.flatMap(\.required)
        items = chain.compactMap(\.items).first
        mentionsOngoing = chain.compactMap(\.description).contains { $0.lowercased().contains("ongoing") }

        let isString = types.contains("string")
        let patterns = chain.compactMap(\.pattern)
        let datePattern = !patterns.isEmpty
            && ["2020", "2020-01", "2020-01-15"].allSatisfy { sample in patterns.allSatisfy { $0.matches(sample) } }
            && !patterns.allSatisfy { $0.matches("Jan 2020") }
        isDate = isString && (datePattern || chain.contains { $0.format == "date" })
        let httpPattern = !patterns.isEmpty && patterns.allSatisfy { $0.matches("https://a.example") && !$0.matches("a.example") }
        wantsHTTPURL = isString && (httpPattern || chain.contains { $0.format == "url" })
    }

    func property(_ name: String) -> Int? { chain.lazy.compactMap { $0.property(name) }.first }

    /// Whether every pattern and format here accepts `text`.
    func accepts(_ text: String) -> Bool {
        chain.allSatisfy { node in
            (node.pattern?.matches(text) ?? true)
                && (node.format.map { FormatChecks.problem(with: text, format: $0) == nil } ?? true)
        }
    }
}
