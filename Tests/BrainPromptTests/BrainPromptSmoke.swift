import Testing
@testable import BrainPrompt

@Suite struct BrainPromptPlaceholder {
    @Test func moduleLoads() {}
}
