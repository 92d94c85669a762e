import BrainCore

/// A template with its base chain applied: every part and setting known, compiled, versioned.
public struct ResolvedTemplate: Sendable {
    /// One part: its compiled template and the template folder it came from.
    public struct Part: Sendable {
        public var template: Template
        /// The name of the template that defines this part (itself or a base).
        public var origin: String
        public var source: String { template.source }
    }

    public var name: String
    public var description: String
    /// This template followed by its bases, nearest first.
    public var chain: [String]
    public var task: TaskType
    public var profile: TaskProfile
    /// `resume`, `jd`, or nil for free-form output.
    public var outputSchema: String?
    public var strict: Bool
    /// Whether the assistant part is meant as a prefill (used only where providers support it).
    public var prefill: Bool
    public var undefined: UndefinedBehavior
    /// Parts defined somewhere in the chain; a part no template defines is absent.
    public var parts: [TemplatePart: Part]
    /// SHA-256 hex of the canonical serialisation (see `canonicalJSON`).
    public var version: String

    /// The content the version is computed from: name, task, settings and part sources,
    /// serialised as JSON with sorted keys.
    public var canonicalJSON: String {
        var partSources = JSONObject()
        for (part, value) in parts.sorted(by: { $0.key < $1.key }) { partSources[part.rawValue] = .string(value.source) }
        let document: JSONValue = [
            "name": .string(name), "task": .string(task.rawValue),
            "output_schema": outputSchema.map(JSONValue.string) ?? .null,
            "strict": .bool(strict), "prefill": .bool(prefill), "undefined": .string(undefined.rawValue),
            "parts": .object(partSources),
        ]
        return document.serialized(sortedKeys: true)
    }
}
