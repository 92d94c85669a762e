import BrainCore
import BrainPrompt
import Testing

@Suite struct SchemaRefAndCompileTests {
    @Test(arguments: [
        ##"{"$defs":{"a":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##,
        ##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}"##,
        ##"{"$ref":"#"}"##,
        ##"{"$defs":{"a":{"allOf":[{"$ref":"#/$defs/a"}]}},"$ref":"#/$defs/a"}"##,
        ##"{"$defs":{"a":{"anyOf":[{"$ref":"#/$defs/a"},{"type":"string"}]}},"$ref":"#/$defs/a"}"##,
        ##"{"$defs":{"a":{"not":{"$ref":"#/$defs/a"}}},"$ref":"#/$defs/a"}"##,
    ])
    func referenceLoopIsReportedNotRecursedForever(schemaText: String) throws {
        let schema = try JSONSchema(text: schemaText)
        let violations = schema.validate(["x": 1])
        #expect(violations.contains { $0.keyword == "$ref" && $0.message.contains("reference loop") })
    }

    @Test func recursiveSchemaThatConsumesTheValueIsNotALoop() throws {
        let schema = try JSONSchema(text: ##"{"$defs":{"tree":{"type":"object","properties":{"kids":{"type":"array","items":{"$ref":"#/$defs/tree"}}},"additionalProperties":false}},"$ref":"#/$defs/tree"}"##)
        let tree: JSONValue = ["kids": [["kids": []], ["kids": [["kids": [], "bad": 1]]]]]
        #expect(schema.validate(tree).map(\.path) == ["/kids/1/kids/0/bad"])
    }

    @Test func deepDocumentsAreReportedNotWalkedWithoutEnd() throws {
        let schema = try JSONSchema(text: ##"{"$defs":{"n":{"items":{"$ref":"#/$defs/n"}}},"$ref":"#/$defs/n"}"##)
        var deep: JSONValue = []
        for _ in 0..<2000 { deep = .array([deep]) }
        #expect(schema.validate(deep).map(\.keyword) == ["depth"])
    }

    @Test(arguments: [
        (#"{"type": "strin"}"#, SchemaCompileError.invalidKeyword(path: "", keyword: "type", reason: "must name JSON types")),
        (#"{"minLength": -1}"#, .invalidKeyword(path: "", keyword: "minLength", reason: "must be a non-negative integer")),
        (#"{"properties": {"a": 3}}"#, .notASchema(path: "/properties/a")),
        (#"{"pattern": "(unclosed"}"#, .invalidPattern(path: "", pattern: "(unclosed")),
        (##"{"$ref": "#/$defs/missing"}"##, .unresolvedReference(path: "", ref: "#/$defs/missing")),
        (#"{"$ref": "https://example.com/other.json"}"#, .unsupportedReference(path: "", ref: "https://example.com/other.json")),
        (#"{"anyOf": []}"#, .invalidKeyword(path: "", keyword: "anyOf", reason: "must be a non-empty array of schemas")),
        ("[1]", .notASchema(path: "")),
        ("{", .invalidJSON("")),
    ])
    func badSchemasFailToCompile(text: String, expected: SchemaCompileError) {
        do {
            _ = try JSONSchema(text: text)
            Issue.record("compiled \(text)")
        } catch {
            if case .invalidJSON = expected, case .invalidJSON = error { return }
            #expect(error == expected)
            #expect(!error.description.isEmpty)
        }
    }

    @Test func compileErrorMessagesNameTheLocation() throws {
        #expect(SchemaCompileError.unresolvedReference(path: "/properties/a", ref: "#/$defs/x").description
            == "schema $ref #/$defs/x at #/properties/a points nowhere")
    }
}
