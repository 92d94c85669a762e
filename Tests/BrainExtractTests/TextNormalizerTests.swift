import Testing

@testable import BrainExtract

@Suite struct TextNormalizerTests {
    @Test(arguments: [
        ("a\r\nb\rc\n", "a\nb\nc"),
        ("\n\n a  \n\n\n\nb\t\n", " a\n\nb"),
        ("e\u{0301}", "é"),
        ("p1\n\u{0C}p2", "p1\n\u{0C}p2"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }
}
