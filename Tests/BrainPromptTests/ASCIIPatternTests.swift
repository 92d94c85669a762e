import Foundation
import Testing

@testable import BrainPrompt

/// The ASCII state machine behind `SchemaPattern` answers exactly what ICU answers, and leaves
/// to ICU every pattern and text outside its subset.
@Suite struct ASCIIPatternTests {
    static let patterns = [
        #"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"#,
        #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, "^https?://", "^[A-Z]{2}$", "^[A-Z]{3}$",
        "a$", "^$", "a|b$|^c", "(ab|a)(c|bcd)", "x*y+z?", "a{2,}b{0,1}c{1,3}", "a*?b+?c??",
        #"\d\D\w\W\s\S"#, "[.][a-]", #"[\]x-]"#, "[^a-c]", "(?:ab)+", #"^\.\-\/$"#, "a.c", "(a|)+b",
        "[:alpha:]", "a{0}b", "(^a|b$)",
    ]

    /// Every text up to three characters long over characters the patterns care about,
    /// including the line terminators that `$` treats specially.
    static let texts: [String] = {
        let alphabet = ["a", "b", "c", "1", "2", "-", "@", ".", " ", "\n", "\r", "\u{0B}", "\u{0C}", "Z", "_", "/"]
        var out = [""]
        var layer = [""]
        for _ in 0..<3 {
            layer = layer.flatMap { prefix in alphabet.map { prefix + $0 } }
            out += layer
        }
        return out
    }()

    @Test(arguments: patterns)
    func answersWhatICUAnswers(_ source: String) throws {
        let pattern = try #require(SchemaPattern(source))
        #expect(pattern.hasASCIIMatcher)
        var extra = ["2020", "2020-01", "2020-01-15", "2020-13-45\n", "Jan 2020", "a@b.c", "a@b.c\r\n", "https://x", "PT", "PT\n", "abcbcd"]
        extra += ["aab", "a\r\n", "a\n\n", "\r\na", "xyyz", "aaabccc", "a\u{7F}c", "a\u{0}c", "a\tc"]
        for text in Self.texts + extra {
            #expect(pattern.matches(text) == pattern.icuMatches(text), "\(source.debugDescription) on \(text.debugDescription)")
        }
    }

    @Test(arguments: [
        "(?=a)b", #"(a)\1"#, #"\bword"#, "(?i)abc", "a++", "a*+", "[[a-z]]", "[a-z&&[^x]]", #"\p{L}+"#, "a{2000}",
        #"\Qa.b\E"#, "[]a]", #"\u0041"#, #"\x41"#, "é", "[a{b}]",
    ])
    func leavesOtherSyntaxToICU(_ source: String) throws {
        let pattern = try #require(SchemaPattern(source))
        #expect(!pattern.hasASCIIMatcher)
        for text in ["", "a", "ab", "word", "ABC", "aaaa", "a.b", "A", "é", "x", "aaaaaa"] {
            #expect(pattern.matches(text) == pattern.icuMatches(text))
        }
    }

    @Test func nonASCIITextIsLeftToICU() throws {
        let cases: [(String, String, Bool)] = [
            (#"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, "zoë@exämple.com", true),
            (#"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, "a@b.c\u{00A0}d", false),
            (#"^\w+$"#, "Zoë", true),
            (#"^\d+$"#, "١٢٣", true),
            ("^[A-Z]{2}$", "PÉ", false),
            ("a$", "a\u{2028}", true),
        ]
        for (source, text, expected) in cases {
            let pattern = try #require(SchemaPattern(source))
            #expect(pattern.matches(text) == expected, "\(source) on \(text.debugDescription)")
            #expect(pattern.matches(text) == pattern.icuMatches(text))
        }
    }

    @Test func dollarFollowsICUAroundFinalLineTerminators() throws {
        let pattern = try #require(SchemaPattern("a$"))
        #expect(pattern.matches("a\n"))
        #expect(pattern.matches("a\r\n"))
        #expect(pattern.matches("a\u{0B}"))
        #expect(!pattern.matches("a\n\n"))
        #expect(!pattern.matches("a\t"))
        let cr = try #require(SchemaPattern("\r$"))
        #expect(cr.matches("\r") == cr.icuMatches("\r"))
        #expect(cr.matches("x\r\n") == cr.icuMatches("x\r\n"))
    }

    @Test(arguments: patterns + ["^(ab|c[0-9]){10,20}$", "a{30}b{0,40}c", "(x|y[a-z]){5,}z$"])
    func maskAndStateByStateSearchesAgree(_ source: String) throws {
        let machine = try #require(ASCIIPattern(source))
        let icu = try #require(SchemaPattern(source))
        let long = ["ab" + String(repeating: "c1", count: 12), String(repeating: "a", count: 30) + "bbbc", "xxyaxxyqz\n", "xyz"]
        for text in Self.texts + long {
            let bytes = Array(text.utf8)
            let expected = bytes.withUnsafeBufferPointer { machine.matchesStateByState($0) }
            #expect(machine.matches(text) == expected, "\(source.debugDescription) on \(text.debugDescription)")
            #expect(expected == icu.icuMatches(text))
        }
    }

    @Test func hugeRepeatsFallBackInsteadOfBuildingEndlessStates() throws {
        let pattern = try #require(SchemaPattern("(a{999}){999}"))
        #expect(!pattern.hasASCIIMatcher)
        #expect(!pattern.matches("a"))
    }
}
