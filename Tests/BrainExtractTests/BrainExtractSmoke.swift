import Testing
@testable import BrainExtract

@Suite struct BrainExtractPlaceholder {
    @Test func moduleLoads() {}
}
