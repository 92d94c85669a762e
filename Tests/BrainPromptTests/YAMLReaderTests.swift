import BrainCore
import Testing

@testable import BrainPrompt

struct YAMLCase: Sendable, CustomTestStringConvertible {
    var label: String
    var yaml: String
    var expectedJSON: String
    init(_ label: String, _ yaml: String, _ expectedJSON: String) {
        self.label = label
        self.yaml = yaml
        self.expectedJSON = expectedJSON
    }
    var testDescription: String { label }
}

struct YAMLErrorCase: Sendable, CustomTestStringConvertible {
    var label: String
    var yaml: String
    var line: Int
    var messageContains: String
    init(_ label: String, _ yaml: String, line: Int, _ messageContains: String) {
        self.label = label
        self.yaml = yaml
        self.line = line
        self.messageContains = messageContains
    }
    var testDescription: String { label }
}

@Suite struct YAMLReaderTests {
    /// Expected values come from PyYAML 6 (`yaml.safe_load`), except where YAML 1.2's core
    /// schema differs from PyYAML's YAML 1.1 (yes/no/on stay text, `012` is decimal, `1.5e3`
    /// is a float, dates stay text).
    static let cases: [YAMLCase] = [
        YAMLCase("mapping", "name: Ada\nage: 36\nratio: 0.5\nactive: true\nnothing: null\ntilde: ~\nempty:\n", "{\"name\": \"Ada\", \"age\": 36, \"ratio\": 0.5, \"active\": true, \"nothing\": null, \"tilde\": null, \"empty\": null}"),
        YAMLCase("nested mapping", "outer:\n  inner:\n    deep: value\n  other: 2\ntop: x\n", "{\"outer\": {\"inner\": {\"deep\": \"value\"}, \"other\": 2}, \"top\": \"x\"}"),
        YAMLCase("block sequence", "- a\n- b\n-   c\n", "[\"a\", \"b\", \"c\"]"),
        YAMLCase("sequence under key at same indent", "k:\n- a\n- b\nj: 1\n", "{\"k\": [\"a\", \"b\"], \"j\": 1}"),
        YAMLCase("sequence of mappings", "- name: one\n  value: 1\n- name: two\n  value: 2\n", "[{\"name\": \"one\", \"value\": 1}, {\"name\": \"two\", \"value\": 2}]"),
        YAMLCase("nested sequences", "- - a\n  - b\n- c: 1\n  d: 2\n", "[[\"a\", \"b\"], {\"c\": 1, \"d\": 2}]"),
        YAMLCase("flow sequence", "models: [gpt-4o, 'llama 3', \"x\", 3, true]\nempty: []\n", "{\"models\": [\"gpt-4o\", \"llama 3\", \"x\", 3, true], \"empty\": []}"),
        YAMLCase("flow mapping", "opts: {a: 1, b: [x, y], c: 'q'}\nnone: {}\n", "{\"opts\": {\"a\": 1, \"b\": [\"x\", \"y\"], \"c\": \"q\"}, \"none\": {}}"),
        YAMLCase("multi-line flow", "models: [\n  one,  # first\n  two\n]\n", "{\"models\": [\"one\", \"two\"]}"),
        YAMLCase("comments", "# heading\na: 1 # trailing\n\n# between\nb: 'x # not a comment'\nc: x#y\n", "{\"a\": 1, \"b\": \"x # not a comment\", \"c\": \"x#y\"}"),
        YAMLCase("literal block", "text: |\n  line one\n    indented\n  line three\nnext: 1\n", "{\"text\": \"line one\\n  indented\\nline three\\n\", \"next\": 1}"),
        YAMLCase("literal strip", "text: |-\n  a\n  b\n\n\nnext: 1\n", "{\"text\": \"a\\nb\", \"next\": 1}"),
        YAMLCase("literal keep", "text: |+\n  a\n\n\nnext: 1\n", "{\"text\": \"a\\n\\n\\n\", \"next\": 1}"),
        YAMLCase("literal clip at end of file without newline", "text: |\n  x", "{\"text\": \"x\"}"),
        YAMLCase("folded block", "text: >\n  one\n  two\n\n  three\n   more indented\n  four\n", "{\"text\": \"one two\\nthree\\n more indented\\nfour\\n\"}"),
        YAMLCase("folded strip", "text: >-\n  one\n  two\n\n\n  three\n", "{\"text\": \"one two\\n\\nthree\"}"),
        YAMLCase("folded leading empty line", "text: >\n\n  x\n", "{\"text\": \"\\nx\\n\"}"),
        YAMLCase("block indentation indicator", "text: |2\n   x\n  y\n", "{\"text\": \" x\\ny\\n\"}"),
        YAMLCase("literal with blank line spaces", "text: |\n  x\n    \n  y\n", "{\"text\": \"x\\n  \\ny\\n\"}"),
        YAMLCase("block scalar in sequence", "- |\n  first\n  second\n- plain\n", "[\"first\\nsecond\\n\", \"plain\"]"),
        YAMLCase("jinja in block scalar", "t: |\n  {% if x %}{{ x | upper }}{% endif %}\n  # not a comment\n", "{\"t\": \"{% if x %}{{ x | upper }}{% endif %}\\n# not a comment\\n\"}"),
        YAMLCase("double-quoted escapes", "s: \"tab\\there \\\"q\\\" \\u00e9 \\x41 back\\\\slash\"\n", "{\"s\": \"tab\\there \\\"q\\\" é A back\\\\slash\"}"),
        YAMLCase("double-quoted multi-line", "s: \"one\n  two\n\n  three\"\n", "{\"s\": \"one two\\nthree\"}"),
        YAMLCase("single-quoted", "s: 'it''s \"fine\"'\nt: ''\n", "{\"s\": \"it's \\\"fine\\\"\", \"t\": \"\"}"),
        YAMLCase("plain multi-line", "a: plain\n  continued\n\n  more\nb: 1\n", "{\"a\": \"plain continued\\nmore\", \"b\": 1}"),
        YAMLCase("quoted keys", "\"a b\": 1\n'c': 2\n", "{\"a b\": 1, \"c\": 2}"),
        YAMLCase("numbers", "i: 42\nneg: -7\npos: +3\nhex: 0x1F\nf: 1.5e3\ng: .5\nh: 10.\nv: 1.2.3\nz: 012\n", "{\"i\": 42, \"neg\": -7, \"pos\": 3, \"hex\": 31, \"f\": 1500, \"g\": 0.5, \"h\": 10.0, \"v\": \"1.2.3\", \"z\": 12}"),
        YAMLCase("strings that look special", "a: yes\nb: no\nc: on\nd: 'true'\ne: 2020-01-05\nf: -dash\n", "{\"a\": \"yes\", \"b\": \"no\", \"c\": \"on\", \"d\": \"true\", \"e\": \"2020-01-05\", \"f\": \"-dash\"}"),
        YAMLCase("document start marker", "---\na: 1\n", "{\"a\": 1}"),
        YAMLCase("url and colon in value", "u: http://x.y:80/p\nt: a:b\n", "{\"u\": \"http://x.y:80/p\", \"t\": \"a:b\"}"),
        YAMLCase("empty document", "# only a comment\n", "null"),
        YAMLCase("top-level scalar", "just text\n", "\"just text\""),
        YAMLCase("crlf", "a: 1\r\nb:\r\n  - x\r\n", "{\"a\": 1, \"b\": [\"x\"]}"),
    ]

    @Test(arguments: cases)
    func readsSubset(_ testCase: YAMLCase) throws {
        let expected = try JSONValue.parse(testCase.expectedJSON)
        #expect(try YAMLReader.parse(testCase.yaml) == expected)
    }

    static let errors: [YAMLErrorCase] = [
        YAMLErrorCase("anchor", "a: 1\nb: &x 2\n", line: 2, "anchors"),
        YAMLErrorCase("alias", "a: 1\nb:\n  c: *x\n", line: 3, "aliases"),
        YAMLErrorCase("tag", "a: !!str 1\n", line: 1, "tags"),
        YAMLErrorCase("second document", "a: 1\n---\nb: 2\n", line: 2, "multiple documents"),
        YAMLErrorCase("directive", "%YAML 1.2\n---\na: 1\n", line: 1, "directives"),
        YAMLErrorCase("tab indentation", "a:\n\tb: 1\n", line: 2, "tabs"),
        YAMLErrorCase("duplicate key", "a: 1\nb: 2\na: 3\n", line: 3, "duplicate key 'a'"),
        YAMLErrorCase("bad indentation", "a:\n    b: 1\n  c: 2\n", line: 3, "indentation"),
        YAMLErrorCase("unterminated quote", "a: \"open\nb: 2\n", line: 1, "unterminated"),
        YAMLErrorCase("unclosed flow", "a: [1, 2\nb: 3\n", line: 1, "unclosed"),
        YAMLErrorCase("complex key", "? a\n: b\n", line: 1, "complex keys"),
        YAMLErrorCase("colon in plain value", "a: b: c\n", line: 1, "quote the value"),
        YAMLErrorCase("infinity", "a:\n  b: .inf\n", line: 2, "cannot be represented"),
        YAMLErrorCase("bad escape", "a: \"\\q\"\n", line: 1, "unknown escape"),
        YAMLErrorCase("bad block header", "a: |x\n  t\n", line: 1, "block scalar header"),
        YAMLErrorCase("text after quote", "a: 'x' y\n", line: 1, "after a quoted value"),
        YAMLErrorCase("sequence inside mapping", "a: 1\n- b\n", line: 2, "sequence entry"),
    ]

    @Test(arguments: errors)
    func rejectsOutsideSubsetWithLine(_ testCase: YAMLErrorCase) {
        do {
            let value = try YAMLReader.parse(testCase.yaml)
            Issue.record("expected an error, got \(value)")
        } catch {
            #expect(error.line == testCase.line)
            #expect(error.message.contains(testCase.messageContains), "\(error)")
        }
    }

    @Test func outsideTheSubsetIsToldApartFromMalformed() {
        #expect(throws: YAMLError.unsupported(line: 1, message: "aliases ('*') are not supported")) { try YAMLReader.parse("a: *x\n") }
        #expect(throws: YAMLError.malformed(line: 2, message: "duplicate key 'a'")) { try YAMLReader.parse("a: 1\na: 2\n") }
        #expect(YAMLError.malformed(line: 4, message: "m").description == "yaml error at line 4: m")
    }

    @Test func tabAfterColonSeparatesKeyAndValue() throws {
        #expect(try YAMLReader.parse("a:\tb\n") == ["a": "b"])
    }

    @Test func deepNestingIsBounded() {
        let deep = String(repeating: "[", count: 500) + String(repeating: "]", count: 500)
        #expect(throws: YAMLError.self) { try YAMLReader.parse("a: " + deep) }
    }
}
