import BrainCore

/// What the normaliser needs to know about one schema location, looking through `$ref`
/// chains and `allOf` (descriptions are collected from every step, since a property's
/// description often sits beside its `$ref`). Computed once per node when the normaliser is made.
struct SchemaFacts: Sendable {
    /// Every step's properties in chain order, so the first match is the nearest step's.
    private let properties: [(name: String, node: Int)]
    /// The steps' patterns and formats, the only keywords `accepts` reads.
    private let checks: [(pattern: SchemaPattern?, format: String?)]
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
        properties = chain.flatMap(\.properties)
        checks = chain.filter { $0.pattern != nil || $0.format != nil }.map { ($0.pattern, $0.format) }
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

    func property(_ name: String) -> Int? {
        for property in properties where property.name == name { return property.node }
        return nil
    }

    /// Whether every pattern and format here accepts `text`.
    func accepts(_ text: String) -> Bool {
        for check in checks {
            if let pattern = check.pattern, !pattern.matches(text) { return false }
            if let format = check.format, FormatChecks.problem(with: text, format: format) != nil { return false }
        }
        return true
    }
}
