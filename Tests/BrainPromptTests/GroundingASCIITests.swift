@testable import BrainPrompt
import Testing

/// The ASCII fast path of the grounding comparison gives exactly what the general path gives.
@Suite struct GroundingASCIITests {
    @Test(arguments: [
        "", "   ", "Jordan Example", "O'Brien & Sons, Ltd.", "AT&T", "&lead", "trail&", "R&D  --  Lab`s",
        "Senior Backend Engineer (Go/Kotlin)", "C++ / C# / .NET 6", "\tTabs\nand\r\nnewlines\u{7f}\u{1}",
        "MIXED case 123abc ABC-def_ghi", "''", "a'b`c", "100% @ #1 ~ {x} [y] |z|",
    ])
    func asciiPathMatchesGeneralPath(_ text: String) {
        #expect(GroundingCheck.normalizeASCII(text) == GroundingCheck.normalizeUnicode(text))
    }

    @Test func everyASCIIByteAloneAndInAWord() {
        for value in UInt8(0)..<0x80 {
            let c = String(decoding: [value], as: UTF8.self)
            for text in [c, "A" + c + "b", c + c + "Z9"] {
                #expect(GroundingCheck.normalizeASCII(text) == GroundingCheck.normalizeUnicode(text), "byte \(value)")
            }
        }
    }

    @Test func containsFindsWholeWordsOnly() {
        let check = GroundingCheck(sourceText: "Worked at Northwind Payments in Lisbon; Café Zoë")
        #expect(check.contains("northwind payments"))
        #expect(check.contains("Cafe Zoe"))
        #expect(!check.contains("North"))
        #expect(!check.contains("Payments Lisbon"))
    }
}

/// The byte search and the spaced comparison form behind `GroundingCheck.contains`.
@Suite struct GroundingSearchTests {
    @Test func spacedFormIsTheNormalFormBetweenSpaces() {
        for text in ["", "Jordan Example", "AT&T", "Zoë Lindqvist-Amaral", "ＦＵＬＬ width", "R&D  --  Lab`s", "&"] {
            #expect(GroundingCheck.spacedForm(text) == Array((" " + GroundingCheck.normalize(text) + " ").utf8))
        }
        #expect(ASCIIForm.spaced(Array("Café".utf8)) == nil)
    }

    @Test func occursFindsMatchesAtEitherEndAndNowhereElse() {
        let haystack = Array(" alpha beta gamma ".utf8)
        #expect(GroundingCheck.occurs(Array(" alpha ".utf8), in: haystack))
        #expect(GroundingCheck.occurs(Array(" gamma ".utf8), in: haystack))
        #expect(GroundingCheck.occurs(Array(" alpha beta gamma ".utf8), in: haystack))
        #expect(!GroundingCheck.occurs(Array(" alpha beta gamma  ".utf8), in: haystack))
        #expect(!GroundingCheck.occurs(Array(" amma ".utf8), in: haystack))
        #expect(!GroundingCheck.occurs(Array(" beta  ".utf8), in: haystack))
        #expect(GroundingCheck.occurs(Array("a".utf8), in: haystack))
        #expect(!GroundingCheck.occurs(Array("z".utf8), in: haystack))
        #expect(!GroundingCheck.occurs([], in: haystack))
        #expect(GroundingCheck.occurs(Array(" a".utf8), in: Array(" a".utf8)))
    }
}
