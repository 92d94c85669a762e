import Testing
@testable import BrainStore

@Suite struct BrainStorePlaceholder {
    @Test func moduleLoads() {}
}
