import Testing

@testable import BrainPrompt

/// Inputs are cut by characters, not bytes, with the marker saying how many were removed.
@Suite struct InputTruncationTests {
    @Test(arguments: [
        ("abc", 3, "abc", 0), ("abc", 2, "ab", 1), ("ééé", 3, "ééé", 0), ("ééé", 2, "éé", 1),
        ("日本語", 5, "日本語", 0), ("e\u{301}x", 2, "e\u{301}x", 0), ("e\u{301}x", 1, "e\u{301}", 1), ("", 0, "", 0),
    ])
    func cutsByCharacters(input: String, budget: Int, kept: String, removed: Int) {
        let result = InputTruncation.apply(input, budget: budget)
        #expect(result.removed == removed)
        #expect(result.text == (removed == 0 ? kept : kept + InputTruncation.marker(removed: removed)))
    }

    @Test func noBudgetKeepsEverything() {
        #expect(InputTruncation.apply("abc", budget: nil).text == "abc")
    }
}
