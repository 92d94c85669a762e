import BrainProviders

extension ProviderRecord {
    /// What adapters need to talk to this provider: the same configuration the router uses.
    public var adapterConfig: ProviderConfig { StoreLedger.routable(self).config }
}
