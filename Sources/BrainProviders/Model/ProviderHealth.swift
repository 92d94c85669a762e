/// What a token-free health probe learned about a provider and key.
public struct ProviderHealth: Sendable, Equatable {
    /// Model ids the provider lists (empty for key endpoints, which list none).
    public var models: [String]
    /// A short fact for people, e.g. `key limit remaining 7.25`; never contains the key.
    public var note: String?

    public init(models: [String] = [], note: String? = nil) {
        self.models = models
        self.note = note
    }
}
