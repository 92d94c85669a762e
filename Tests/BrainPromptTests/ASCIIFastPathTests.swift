import BrainCore
import Testing

@testable import BrainPrompt

/// The byte-level shortcuts for ASCII text give what the character-level rules give.
@Suite struct ASCIIFastPathTests {
    static let emailsAndLinks = [
        "", "@", "a@b", "a@b.c", "a@@b.c", "@b.c", "a@b..c", "a@-b.c", "a@b-.c", "a@b.c-", "a b@c.d", "a@b.c\r\n", "<a@b.c>",
        "a,b@c.d", String(repeating: "x", count: 64) + "@b.c", String(repeating: "x", count: 65) + "@b.c", "a@b.c@d.e",
        "https://x", "HTTPS://x", "https://", "https:///x", "https://?q", "https://#f", "http:/x", "http:x", "ftp://x", "mailto:a@b.c",
        "x:", ":x", "1x:y", "a+b.c-d:z", "a_b:z", "https://x y", "https://x\t", "urn:isbn:1", "HtTp://Example.com/a?b#c", "h:\u{7F}",
    ]

    @Test(arguments: emailsAndLinks)
    func emailAndURIBytePathsMatchTheCharacterPath(_ text: String) {
        #expect(FormatChecks.isEmail(text) == FormatChecks.isEmailByCharacter(text))
        #expect(FormatChecks.isURI(text, requireHTTP: false) == FormatChecks.isURIByCharacter(text, requireHTTP: false))
        #expect(FormatChecks.isURI(text, requireHTTP: true) == FormatChecks.isURIByCharacter(text, requireHTTP: true))
    }

    @Test func everyASCIIByteInEmailsAndLinks() {
        for byte in UInt8(0)..<0x80 {
            let c = String(decoding: [byte], as: UTF8.self)
            for text in ["a" + c + "@b.c", "a@b" + c + ".c", "ht" + c + "tp://x", "https://" + c + "x", "x" + c + ":y", c + "x:y"] {
                #expect(FormatChecks.isEmail(text) == FormatChecks.isEmailByCharacter(text), "byte \(byte)")
                #expect(FormatChecks.isURI(text, requireHTTP: false) == FormatChecks.isURIByCharacter(text, requireHTTP: false), "byte \(byte)")
                #expect(FormatChecks.isURI(text, requireHTTP: true) == FormatChecks.isURIByCharacter(text, requireHTTP: true), "byte \(byte)")
            }
        }
    }

    @Test func trimShortcutMatchesCharacterRule() {
        var texts = ["", "a", " a", "a ", "\u{00A0}a", "a\u{2003}", "\u{0600}a", "\u{0600} ", " \u{0301}", "a \u{0301}", "\r\n", "a\r\n", "é", "aé "]
        for byte in UInt8(0)..<0x80 {
            let c = String(decoding: [byte], as: UTF8.self)
            texts += [c, c + "x", "x" + c, c + "x" + c]
        }
        for text in texts {
            #expect(EdgeWhitespace.needsTrim(text) == EdgeWhitespace.needsTrimByCharacter(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: ["", "a", "é", "Zoë", "日本語", "🎉", "e\u{0301}", "\u{1F469}\u{200D}\u{1F4BB}", "a\u{0}b"])
    func scalarCountMatchesUnicodeScalars(_ text: String) {
        #expect(ScalarChecks.scalarCount(text) == text.unicodeScalars.count)
    }

    @Test func lengthBoundsCountScalarsNotBytes() throws {
        let schema = try JSONSchema(text: #"{"type": "string", "minLength": 2, "maxLength": 3}"#)
        #expect(schema.validate("éé").isEmpty)
        #expect(schema.validate("ééé").isEmpty)
        #expect(schema.validate("🎉🎉🎉").isEmpty)
        #expect(schema.validate("éééé").map(\.description) == ["(document): string has 4 characters, more than the maximum 3 (maxLength)"])
        #expect(schema.validate("🎉").map(\.description) == ["(document): string has 1 characters, fewer than the minimum 2 (minLength)"])
        #expect(schema.validate("").map(\.description) == ["(document): string is empty, but needs at least 2 characters (minLength)"])
    }

    @Test func pathsEscapeKeysOnlyWhenReported() throws {
        let schema = try JSONSchema(text: #"{"additionalProperties": false, "properties": {"ok": {"items": {"type": "string"}}}}"#)
        let document: JSONValue = ["ok": ["a", 1], "a/b~c": 1]
        #expect(schema.validate(document).map(\.description) == [
            "/ok/1: expected string, found integer (type)",
            "/a~1b~0c: property \"a/b~c\" is not allowed here (additionalProperties)",
        ])
    }

    @Test func uniqueStringsAndMixedItemsFindTheSameFirstDuplicate() {
        #expect(SchemaEvaluator.firstDuplicate(["a", "b", "a", "b"]).map { [$0.0, $0.1] } == [0, 2])
        #expect(SchemaEvaluator.firstDuplicate(["e\u{0301}", "é"]).map { [$0.0, $0.1] } == [0, 1])
        #expect(SchemaEvaluator.firstDuplicate(["a", 1, "b", 1.0]).map { [$0.0, $0.1] } == [1, 3])
        #expect(SchemaEvaluator.firstDuplicate(["a", "b"]) == nil)
    }
}

/// Type checks by bit mask agree with the type names.
@Suite struct JSONTypeMaskTests {
    @Test func masksAdmitExactlyTheValuesTheNamesAdmit() {
        let names = ["null", "boolean", "object", "array", "string", "number", "integer"]
        let values: [JSONValue] = [.null, true, [:], [], "s", 1, 1.5, -0.0, .number(.infinity), .number(.nan), .number(1e300)]
        for count in 1...2 {
            for start in names.indices {
                let chosen = (0..<count).map { names[(start + $0 * 3) % names.count] }
                let mask = JSONTypeMask(names: chosen)
                for value in values {
                    let byName = chosen.contains { SchemaEvaluator.value(value, hasType: $0) }
                    #expect(mask.admits(value) == byName, "\(chosen) \(value)")
                }
            }
        }
    }
}
