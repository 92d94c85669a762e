import Testing
@testable import BrainCLI

@Suite struct BrainCLIPlaceholder {
    @Test func moduleLoads() {}
}
