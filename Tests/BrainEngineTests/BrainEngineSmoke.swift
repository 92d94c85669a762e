import Testing
@testable import BrainEngine

@Suite struct BrainEnginePlaceholder {
    @Test func moduleLoads() {}
}
