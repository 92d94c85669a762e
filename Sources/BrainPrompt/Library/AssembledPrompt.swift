import BrainCore

/// The messages for one request, and what was done to get them.
public struct AssembledPrompt: Sendable, Equatable {
    public var messages: [ChatMessage]
    public var templateName: String
    /// The resolved template's content hash; jobs record it.
    public var templateVersion: String
    public var task: TaskType
    public var outputSchema: String?
    public var strict: Bool
    /// Human-readable notes, e.g. that the input was truncated.
    public var warnings: [String]
    /// Characters cut from the input (0 when it fitted).
    public var truncatedCharacters: Int

    /// The messages as a JSON array of `{"role", "content"}` objects.
    public var messagesJSON: JSONValue {
        .array(messages.map { ["role": .string($0.role.rawValue), "content": .string($0.content)] })
    }

    /// The messages as text: each one under a `--- role ---` line.
    public var transcript: String {
        messages.map { "--- \($0.role.rawValue) ---\n\($0.content)" }.joined(separator: "\n\n")
    }
}
