/// The four parts of a prompt template, each a file `<part>.jinja` in the template's folder.
public enum TemplatePart: String, Sendable, Equatable, Hashable, CaseIterable, Comparable {
    /// Instructions: who the model is and the rules it follows.
    case system
    /// Further instructions; sent with the developer role only where the provider accepts it.
    case developer
    /// The request carrying the input text.
    case user
    /// The expected response format; an instruction, or a prefill when asked for and supported.
    case assistant

    public var fileName: String { rawValue + ".jinja" }

    public static func < (lhs: TemplatePart, rhs: TemplatePart) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .system: return 0
        case .developer: return 1
        case .user: return 2
        case .assistant: return 3
        }
    }
}
