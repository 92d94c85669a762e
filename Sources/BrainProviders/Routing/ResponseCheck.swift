import BrainCore

/// The task's verdict on a provider's answer, given to the router.
public enum ResponseCheck: Sendable, Equatable {
    case accept
    /// Ask the same provider once more with these messages (the conversation plus the errors).
    case repair(messages: [ChatMessage], errors: [String])
    /// Unusable: counts as this provider's failure, and the router moves on.
    case reject(errors: [String])
}
