import Testing
@testable import BrainProviders

@Suite struct BrainProvidersPlaceholder {
    @Test func moduleLoads() {}
}
