/// One message of a conversation sent to a provider.
public struct ChatMessage: Sendable, Equatable, Hashable {
    /// Who speaks. `developer` is sent as such only to providers that accept it (see providers.md §2.1).
    public enum Role: String, Sendable, Equatable, Hashable, CaseIterable {
        case system, developer, user, assistant
    }

    public var role: Role
    public var content: String

    public init(role: Role, content: String) {
        self.role = role
        self.content = content
    }
}

/// The kinds of work brain does. Structured tasks are validated against an output schema.
public enum TaskType: String, Sendable, Equatable, Hashable, CaseIterable {
    case resumeParsing = "resume_parsing"
    case jdParsing = "jd_parsing"
    case chat
    case generic
}
