import BrainCore
import Testing

/// The serializer's bytes pinned down: literal expectations for tricky inputs, and a comparison
/// with a plain reference writer (the algorithm the byte writer replaced) over generated documents.
@Suite struct JSONSerializerEquivalenceTests {
    @Test(arguments: [
        (JSONValue.number(-0.0), "-0.0 as an integer", "0"),
        (.number(0), "zero", "0"),
        (.number(-7), "negative integer", "-7"),
        (.number(999_999_999_999_999), "largest integer written without exponent", "999999999999999"),
        (.number(-999_999_999_999_999), "smallest such integer", "-999999999999999"),
        (.number(1e15), "1e15 falls back to the description", "1000000000000000.0"),
        (.number(1e300), "huge", "1e+300"),
        (.number(-1e300), "huge negative", "-1e+300"),
        (.number(0.1), "fraction", "0.1"),
        (.number(1.5), "one and a half", "1.5"),
        (.number(.leastNonzeroMagnitude), "smallest subnormal", "5e-324"),
        (.number(123_456.789), "long fraction", "123456.789"),
        (.number(.nan), "nan", "null"),
        (.number(.infinity), "infinity", "null"),
        (.number(-.infinity), "negative infinity", "null"),
        (.bool(true), "true", "true"),
        (.bool(false), "false", "false"),
        (.null, "null", "null"),
        (.string(""), "empty string", #""""#),
        (.string("\u{00}\u{1F}\u{7F}"), "control characters; DEL is not escaped", "\"\\u0000\\u001f\u{7F}\""),
        (.string("0123456\"89abcdef\\"), "escapes past the first eight bytes", #""0123456\"89abcdef\\""#),
        (.string("abcdefghijklmnop\n"), "escape at the very end of a long run", #""abcdefghijklmnop\n""#),
        (.string("é😀\u{2028}\u{0301}"), "multi-byte text kept as is", "\"é😀\u{2028}\u{0301}\""),
        (.array([]), "empty array", "[]"),
        (.object(JSONObject()), "empty object", "{}"),
        (["a": [1, ["b": nil]], "": "x"], "nesting and an empty key", #"{"a":[1,{"b":null}],"":"x"}"#),
    ] as [(JSONValue, String, String)])
    func compactBytes(value: JSONValue, label: String, expected: String) {
        #expect(value.serialized() == expected, "\(label)")
        #expect(value.serializedBytes() == Array(expected.utf8), "\(label)")
    }

    @Test func parsedSurrogatesAndEscapesSurviveAsUTF8() throws {
        let value = try JSONValue.parse(#"["\ud83d\ude00","\ud800x","\udc00","\u00e9\u0000\/"]"#)
        #expect(value.serialized() == "[\"😀\",\"\u{FFFD}x\",\"\u{FFFD}\",\"é\\u0000/\"]")
    }

    @Test func sortedAndPrettyModes() throws {
        let value = try JSONValue.parse(#"{"b":[1,{"z":true,"a":[]}],"a":{"é":1,"e":2},"B":"x"}"#)
        #expect(value.serialized(sortedKeys: true) == #"{"B":"x","a":{"e":2,"é":1},"b":[1,{"a":[],"z":true}]}"#)
        #expect(value.serialized(pretty: true, sortedKeys: true) == """
            {
              "B": "x",
              "a": {
                "e": 2,
                "é": 1
              },
              "b": [
                1,
                {
                  "a": [],
                  "z": true
                }
              ]
            }
            """)
    }

    @Test func writesStringsIntoStringsAndBytes() {
        var text = "prefix:"
        JSONValue.writeString("a\"\u{01}é", into: &text)
        #expect(text == "prefix:\"a\\\"\\u0001é\"")
        var bytes: [UInt8] = [0x2A]
        JSONValue.writeString("tab\there", into: &bytes)
        #expect(bytes == Array("*\"tab\\there\"".utf8))
    }

    /// Every escape-worthy byte at every offset of strings long enough for the word-at-a-time scan.
    @Test func escapesAtEveryOffset() {
        let specials: [Character] = ["\"", "\\", "\n", "\u{00}", "\u{1F}", "\u{08}", "é", "😀"]
        for special in specials {
            for length in 0..<40 {
                for offset in 0...length {
                    var text = String(repeating: "a", count: length)
                    text.insert(special, at: text.index(text.startIndex, offsetBy: offset))
                    let value = JSONValue.string(text)
                    #expect(value.serialized() == ReferenceJSONWriter.write(value, pretty: false, sortedKeys: false))
                }
            }
        }
    }

    /// Generated documents (seeded, so failures repeat) written in all four modes.
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func matchesReferenceWriter(seed: UInt64) throws {
        var generator = DocumentGenerator(seed: seed)
        for _ in 0..<40 {
            let value = generator.value(depth: 0)
            for (pretty, sorted) in [(false, false), (true, false), (false, true), (true, true)] {
                let expected = ReferenceJSONWriter.write(value, pretty: pretty, sortedKeys: sorted)
                #expect(value.serialized(pretty: pretty, sortedKeys: sorted) == expected)
                #expect(value.serializedBytes(pretty: pretty, sortedKeys: sorted) == Array(expected.utf8))
                var appended: [UInt8] = [0x2A]
                value.serialize(appendingTo: &appended, pretty: pretty, sortedKeys: sorted)
                #expect(appended == [0x2A] + Array(expected.utf8))
            }
            #expect(try JSONValue.parse(value.serialized()).serialized() == value.serialized())
        }
    }
}

/// The writer the byte writer replaced, kept as the definition of the expected bytes.
enum ReferenceJSONWriter {
    static func write(_ value: JSONValue, pretty: Bool, sortedKeys: Bool, indent: Int = 0) -> String {
        func newline(_ level: Int) -> String { "\n" + String(repeating: " ", count: 2 * level) }
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            guard n.isFinite else { return "null" }
            if n.rounded() == n, abs(n) < 1e15 { return String(Int64(n)) }
            return "\(n)"
        case .string(let s): return quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            var out = "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += newline(indent + 1) }
                out += write(item, pretty: pretty, sortedKeys: sortedKeys, indent: indent + 1)
            }
            if pretty { out += newline(indent) }
            return out + "]"
        case .object(let object):
            if object.isEmpty { return "{}" }
            let entries = sortedKeys ? object.entries.sorted(by: { $0.key < $1.key }) : object.entries
            var out = "{"
            for (i, entry) in entries.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += newline(indent + 1) }
                out += quote(entry.key) + (pretty ? ": " : ":")
                out += write(entry.value, pretty: pretty, sortedKeys: sortedKeys, indent: indent + 1)
            }
            if pretty { out += newline(indent) }
            return out + "}"
        }
    }

    static func quote(_ s: String) -> String {
        var bytes: [UInt8] = [0x22]
        let hex = Array("0123456789abcdef".utf8)
        for byte in s.utf8 {
            switch byte {
            case 0x22: bytes += [0x5C, 0x22]
            case 0x5C: bytes += [0x5C, 0x5C]
            case 0x0A: bytes += [0x5C, 0x6E]
            case 0x0D: bytes += [0x5C, 0x72]
            case 0x09: bytes += [0x5C, 0x74]
            case 0x08: bytes += [0x5C, 0x62]
            case 0x0C: bytes += [0x5C, 0x66]
            case ..<0x20: bytes += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Random JSON documents with awkward strings, keys and numbers (SplitMix64, so runs repeat).
struct DocumentGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    static let pieces = [
        "", "a", "plain text ", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}", "\u{1F}",
        "\u{7F}", "/", "é", "e\u{0301}", "😀", "\u{2028}", "\u{FFFD}", "日本語", "0123456789abcdef", "key",
    ]

    static let numbers: [Double] = [
        0, -0.0, 1, -1, 42, 0.5, -2.25, 1e15, 1e15 - 1, -1e15 + 1, 999_999_999_999_999.9, 1e300, -1e300, 1e-300,
        .leastNonzeroMagnitude, .greatestFiniteMagnitude, 9_007_199_254_740_992, 0.1 + 0.2, .nan, .infinity, -.infinity, 123_456_789,
    ]

    mutating func text() -> String {
        var s = ""
        for _ in 0..<below(6) { s += Self.pieces[below(Self.pieces.count)] }
        return s
    }

    mutating func value(depth: Int) -> JSONValue {
        switch below(depth > 3 ? 4 : 6) {
        case 0: return below(2) == 0 ? .null : .bool(below(2) == 0)
        case 1: return .number(Self.numbers[below(Self.numbers.count)])
        case 2: return .number(Double(Int64(bitPattern: next()) >> below(64)))
        case 3: return .string(text())
        case 4: return .array((0..<below(5)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<below(6) { object[text()] = value(depth: depth + 1) }
            return .object(object)
        }
    }
}
