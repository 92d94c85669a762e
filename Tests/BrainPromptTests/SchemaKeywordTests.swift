import BrainCore
import BrainPrompt
import Testing

/// A small schema, an instance, and the "pointer keyword" violations expected.
struct KeywordCase: CustomTestStringConvertible, Sendable {
    let schema: String
    let instance: String
    let expected: Set<String>
    init(_ schema: String, _ instance: String, _ expected: Set<String> = []) {
        self.schema = schema
        self.instance = instance
        self.expected = expected
    }
    var testDescription: String { "\(schema) <- \(instance)" }
}

enum KeywordTable {
    static let cases: [KeywordCase] = [
        // type, including arrays of types and integer vs number
        .init(#"{"type":"string"}"#, #""a""#),
        .init(#"{"type":"string"}"#, "1", [" type"]),
        .init(#"{"type":"integer"}"#, "3"),
        .init(#"{"type":"integer"}"#, "3.0"),
        .init(#"{"type":"integer"}"#, "3.5", [" type"]),
        .init(#"{"type":"integer"}"#, "1e20"),
        .init(#"{"type":"number"}"#, "3"),
        .init(#"{"type":"number"}"#, #""3""#, [" type"]),
        .init(#"{"type":["string","null"]}"#, "null"),
        .init(#"{"type":["string","null"]}"#, "false", [" type"]),
        .init(#"{"type":"object"}"#, "[]", [" type"]),
        .init(#"{"type":"array"}"#, "{}", [" type"]),
        .init(#"{"type":"boolean"}"#, "0", [" type"]),
        .init(#"{"type":"null"}"#, "null"),
        // properties, required, additionalProperties (boolean and schema), patternProperties
        .init(#"{"properties":{"a":{"type":"string"}}}"#, #"{"a":1}"#, ["/a type"]),
        .init(#"{"properties":{"a":{"type":"string"}}}"#, "5"),
        .init(#"{"required":["a","b"]}"#, #"{"a":1}"#, [" required"]),
        .init(#"{"required":["a"]}"#, "[1]"),
        .init(#"{"properties":{"a":{}},"additionalProperties":false}"#, #"{"a":1,"b":2}"#, ["/b additionalProperties"]),
        .init(#"{"additionalProperties":{"type":"integer"}}"#, #"{"x":1,"y":"s"}"#, ["/y type"]),
        .init(#"{"patternProperties":{"^x-":{"type":"string"}},"additionalProperties":false}"#, #"{"x-a":"s","x-b":1,"c":2}"#,
            ["/x-b type", "/c additionalProperties"]),
        .init(#"{"properties":{"a/b":{"type":"string"},"t~":{"type":"string"}}}"#, #"{"a/b":1,"t~":2}"#, ["/a~1b type", "/t~0 type"]),
        .init(#"{"minProperties":2,"maxProperties":3}"#, #"{"a":1}"#, [" minProperties"]),
        .init(#"{"minProperties":2,"maxProperties":3}"#, #"{"a":1,"b":2,"c":3,"d":4}"#, [" maxProperties"]),
        // items, prefixItems, the draft 7 tuple form
        .init(#"{"items":{"type":"integer"}}"#, #"[1,"x",3,null]"#, ["/1 type", "/3 type"]),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}],"items":false}"#, #"["a",1]"#),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}],"items":false}"#, #"[1,"a",true]"#, ["/0 type", "/1 type", "/2 false"]),
        .init(#"{"items":[{"type":"string"}],"additionalItems":{"type":"integer"}}"#, #"["a",2,"c"]"#, ["/2 type"]),
        .init(#"{"minItems":1,"maxItems":2}"#, "[]", [" minItems"]),
        .init(#"{"minItems":1,"maxItems":2}"#, "[1,2,3]", [" maxItems"]),
        .init(#"{"uniqueItems":true}"#, #"[1,"1",{"a":1,"b":2},{"b":2,"a":1}]"#, [" uniqueItems"]),
        .init(#"{"uniqueItems":true}"#, "[1,1.0]", [" uniqueItems"]),
        .init(#"{"uniqueItems":true}"#, #"[1,"1",[1],{"a":1}]"#),
        // enum and const (structural equality; key order does not matter)
        .init(#"{"enum":["a",1,null,{"k":[1,2]}]}"#, #"{"k":[1,2]}"#),
        .init(#"{"enum":["a",1,null]}"#, #""b""#, [" enum"]),
        .init(#"{"enum":["a",1,null]}"#, "1.0"),
        .init(#"{"const":null}"#, "null"),
        .init(#"{"const":null}"#, "0", [" const"]),
        .init(#"{"const":{"a":1,"b":[true]}}"#, #"{"b":[true],"a":1}"#),
        // strings: code point lengths, pattern (unanchored unless ^$)
        .init(#"{"minLength":2,"maxLength":3}"#, #""é""#, [" minLength"]),
        .init(#"{"maxLength":2}"#, #""😀😀""#),
        .init(#"{"maxLength":2}"#, #""e\u0301e\u0301""#, [" maxLength"]),
        .init(#"{"minLength":1}"#, "5"),
        .init(#"{"pattern":"b+"}"#, #""abbbc""#),
        .init(#"{"pattern":"^b+$"}"#, #""abbbc""#, [" pattern"]),
        .init(#"{"pattern":"^[A-Z]{2}$"}"#, #""de""#, [" pattern"]),
        .init(#"{"pattern":"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"}"#, #""a b@c.de""#, [" pattern"]),
        .init(#"{"pattern":"^([1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"}"#, #""2020-01""#),
        .init(#"{"pattern":"^([1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"}"#, #""2020-1""#, [" pattern"]),
        // numbers
        .init(#"{"minimum":0,"maximum":10}"#, "-0.5", [" minimum"]),
        .init(#"{"minimum":0,"maximum":10}"#, "10"),
        .init(#"{"minimum":0,"maximum":10}"#, "10.01", [" maximum"]),
        .init(#"{"exclusiveMinimum":0,"exclusiveMaximum":10}"#, "0", [" exclusiveMinimum"]),
        .init(#"{"exclusiveMinimum":0,"exclusiveMaximum":10}"#, "10", [" exclusiveMaximum"]),
        .init(#"{"exclusiveMinimum":0,"exclusiveMaximum":10}"#, "9.99"),
        .init(#"{"multipleOf":0.1}"#, "0.3"),
        .init(#"{"multipleOf":2}"#, "7", [" multipleOf"]),
        .init(#"{"minimum":5}"#, #""3""#),
        // combinators
        .init(#"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#, "2"),
        .init(#"{"anyOf":[{"type":"string"},{"type":"integer"}]}"#, "2.5", [" anyOf"]),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1"),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "3", [" oneOf"]),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1.5", [" oneOf"]),
        .init(#"{"allOf":[{"type":"string"},{"maxLength":2}]}"#, #""abc""#, [" maxLength"]),
        .init(#"{"not":{"type":"null"}}"#, "null", [" not"]),
        .init(#"{"not":{"type":"null"}}"#, "1"),
        .init("true", #"{"any":"thing"}"#),
        .init("false", "1", [" false"]),
        // $ref and $defs / definitions, alongside sibling keywords
        .init(##"{"$defs":{"s":{"type":"string"}},"properties":{"a":{"$ref":"#/$defs/s"}}}"##, #"{"a":1}"#, ["/a type"]),
        .init(##"{"definitions":{"n":{"minimum":3}},"items":{"$ref":"#/definitions/n"}}"##, "[1,5]", ["/0 minimum"]),
        .init(##"{"$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s","maxLength":1}"##, #""ab""#, [" maxLength"]),
        .init(##"{"$defs":{"a b":{"type":"string"}},"$ref":"#/$defs/a%20b"}"##, "1", [" type"]),
        .init(##"{"properties":{"next":{"$ref":"#"}},"required":["v"]}"##, #"{"v":1,"next":{"v":2,"next":{}}}"#, ["/next/next required"]),
        // annotations and unknown keywords are ignored
        .init(#"{"title":"t","description":"d","examples":[1],"$comment":"c","x-custom":{"type":"string"},"deprecated":true}"#, "1"),
        // formats: plausibility
        .init(#"{"format":"date"}"#, #""2024-02-29""#),
        .init(#"{"format":"date"}"#, #""2023-02-29""#, [" format"]),
        .init(#"{"format":"date"}"#, #""2023-2-1""#, [" format"]),
        .init(#"{"format":"date-time"}"#, #""2023-02-01T10:20:30.5+01:00""#),
        .init(#"{"format":"date-time"}"#, #""2023-02-01 10:20""#, [" format"]),
        .init(#"{"format":"email"}"#, #""ana.silva+jobs@mail.example.pt""#),
        .init(#"{"format":"email"}"#, #""ana.silva@localhost""#, [" format"]),
        .init(#"{"format":"uri"}"#, #""https://example.com/a?b=c""#),
        .init(#"{"format":"uri"}"#, #""mailto:ana@example.com""#),
        .init(#"{"format":"uri"}"#, #""www.example.com""#, [" format"]),
        .init(#"{"format":"url"}"#, #""mailto:ana@example.com""#, [" format"]),
        .init(#"{"format":"uri"}"#, #""https://""#, [" format"]),
        .init(#"{"format":"made-up"}"#, #""anything""#),
        .init(#"{"format":"email"}"#, "12"),
    ]
}

@Suite struct SchemaKeywordTests {
    @Test(arguments: KeywordTable.cases)
    func keyword(_ testCase: KeywordCase) throws {
        let schema = try JSONSchema(text: testCase.schema)
        let instance = try JSONValue.parse(testCase.instance)
        let found = Set(schema.validate(instance).map { "\($0.path) \($0.keyword)" })
        #expect(found == testCase.expected)
    }

    @Test func violationsCarryReadableMessages() throws {
        let schema = try JSONSchema(text: #"{"properties":{"d":{"pattern":"^[0-9]{4}$","description":"Year."}},"required":["n"]}"#)
        let violations = schema.validate(["d": "Jan 2020"])
        #expect(violations.map(\.description) == [
            #"(document): missing required property "n" (required)"#,
            #"/d: "Jan 2020" does not match the pattern ^[0-9]{4}$ (Year.) (pattern)"#,
        ])
    }

    @Test func violationsComeInDocumentOrder() throws {
        let schema = try JSONSchema(text: #"{"items":{"type":"string"}}"#)
        #expect(schema.validate([1, "a", 2]).map(\.path) == ["/0", "/2"])
    }
}
