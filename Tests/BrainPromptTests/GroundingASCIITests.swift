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

/// The Latin-letter path of the grounding form gives what the general path gives.
@Suite struct GroundingLatinFormTests {
    @Test func knownLettersFoldAsFoundationDoes() {
        #expect(GroundingLatinForm.spaced("Zoë Lindqvist-Amaral") == Array(" zoe lindqvist amaral ".utf8))
        #expect(GroundingLatinForm.spaced("Straße") == Array((" " + GroundingCheck.normalizeUnicode("Straße") + " ").utf8))
        #expect(GroundingLatinForm.spaced("O’Reilly & Sánchez") == Array(" oreilly and sanchez ".utf8))
        #expect(GroundingLatinForm.spaced("Søn") == nil)  // Foundation keeps "ø", so the general path answers
        #expect(GroundingLatinForm.spaced("Zoe\u{0308}") == nil)  // a combining mark takes the general path
        #expect(GroundingLatinForm.spaced("日本") == nil)
    }

    @Test func randomMixturesMatchTheGeneralPath() {
        var pieces = ["a", "Z", "9", " ", "  ", "-", "&", "'", "`", "’", "‘", ".", ",", "\t", "\n", "\u{7F}", "(", "/"]
        for value in GroundingLatinForm.first..<GroundingLatinForm.end where GroundingLatinForm.folds[Int(value - GroundingLatinForm.first)] != nil {
            if let scalar = Unicode.Scalar(value) { pieces.append(String(Character(scalar))) }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % UInt64(n))
        }
        for _ in 0..<1500 {
            let text = (0..<(1 + next(10))).map { _ in pieces[next(pieces.count)] }.joined()
            let expected = Array((" " + GroundingCheck.normalizeUnicode(text) + " ").utf8)
            #expect(GroundingLatinForm.spaced(text) == expected, "\(text.debugDescription)")
        }
    }

    @Test func mostLatinLettersAreCovered() {
        let covered = GroundingLatinForm.folds.compactMap { $0 }.count
        #expect(covered > 250)
    }
}
