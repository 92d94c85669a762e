import BrainCore
import Testing

@Suite struct JSONValueTests {
    @Test(arguments: [
        #"{"a":1,"b":[true,false,null],"c":"x\"y\n\u00e9\ud83d\ude00"}"#,
        #"[]"#, #"{}"#, #"-0.5"#, #"1e3"#, #""plain""#,
    ])
    func roundTrip(text: String) throws {
        let value = try JSONValue.parse(text)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func keepsKeyOrderAndEscapes() throws {
        let value = try JSONValue.parse(#"{"z":1,"a":"é😀","m":[1.5,2]}"#)
        #expect(value.serialized() == #"{"z":1,"a":"é😀","m":[1.5,2]}"#)
        #expect(value["a"]?.stringValue == "é😀")
        #expect(value["m"]?[1]?.intValue == 2)
    }

    @Test(arguments: [#"{"a":}"#, "[1,]", "01", "\"unterminated", "{} x", "tru", #""\x""#])
    func rejectsInvalid(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func refusesDeepNesting() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }
}

@Suite struct ClockFormattingTests {
    @Test func formatsUTCDaysAndTimes() {
        #expect(1_767_225_600.0.utcDay == "2026-01-01")
        #expect(1_767_225_599.999.iso8601 == "2025-12-31T23:59:59.999Z")
        #expect(951_782_400.0.utcDay == "2000-02-29")
        #expect(1_767_225_600.5.nextUTCMidnight == 1_767_312_000)
    }

    @Test func absurdTimesDoNotTrap() {
        #expect(1e300.iso8601.hasPrefix("9999-12-31"))
        #expect(Double.nan.utcDay == "1970-01-01")
        #expect((-1e20).iso8601.hasPrefix("0001-01-01"))
    }
}

@Suite struct JSONEscapingTests {
    @Test func escapesWhatRFC8259Requires() {
        let value = JSONValue.string("a\"b\\c\nd\re\tf\u{08}g\u{0C}h\u{01}i\u{1F}é😀/")
        #expect(value.serialized() == #""a\"b\\c\nd\re\tf\bg\fh\u0001i\u001fé😀/""#)
        var text = ""
        JSONValue.writeString("x\"y", into: &text)
        #expect(text == #""x\"y""#)
    }

    @Test func prettyPrintsWithTwoSpaces() throws {
        let value = try JSONValue.parse(#"{"a":[1,{"b":null}],"c":{}}"#)
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {}\n}")
    }
}
