import BrainCore

/// How to turn a template into messages for one provider and one input.
public struct PromptAssemblyOptions: Sendable, Equatable {
    /// Send the developer part with the `developer` role (only OpenAI and OpenRouter accept it,
    /// see providers.md §2.1); otherwise it is folded into the system message.
    public var acceptsDeveloperRole: Bool
    /// The provider continues a trailing assistant message (a prefill).
    public var supportsPrefill: Bool
    /// Most characters of input text put into the prompt; longer inputs are cut and marked.
    /// `nil` means no limit.
    public var inputCharacterBudget: Int?
    /// Caller options, visible to templates as `options` (e.g. `options.language`).
    public var options: JSONObject
    /// Extra top-level variables; the reserved names below take precedence over them.
    public var variables: JSONObject

    public init(
        acceptsDeveloperRole: Bool = false, supportsPrefill: Bool = false, inputCharacterBudget: Int? = 100_000,
        options: JSONObject = [:], variables: JSONObject = [:]
    ) {
        self.acceptsDeveloperRole = acceptsDeveloperRole
        self.supportsPrefill = supportsPrefill
        self.inputCharacterBudget = inputCharacterBudget
        self.options = options
        self.variables = variables
    }
}
