import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// JSON Schema → Gemini `Schema` (providers.md §7.2).
@Suite struct AdapterSchemaConversionTests {
    @Test func inlinesDefinitionsAndDropsUnsupportedKeywords() throws {
        let schema = try JSONValue.parse(#"""
            {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"urn:x","title":"t","type":"object",
             "additionalProperties":false,"required":["title","seniority","missing"],
             "properties":{
               "@type":{"const":"JobPosting"},
               "title":{"$ref":"#/$defs/shortText","description":"The job title."},
               "seniority":{"$ref":"#/$defs/seniority"},
               "posted":{"type":"string","format":"date-time"},
               "site":{"type":"string","format":"uri","pattern":"^https?://"},
               "salary":{"type":["number","null"],"minimum":0},
               "tags":{"type":"array","maxItems":40,"uniqueItems":true,"items":{"$ref":"#/$defs/shortText"}}},
             "$defs":{"shortText":{"type":"string","minLength":1,"maxLength":300},
                      "seniority":{"type":"string","enum":["junior","senior"],"description":"Scale."}}}
            """#)
        let converted = try GeminiSchemaConverter.convert(schema)
        let expected =
            #"{"type":"OBJECT","properties":{"@type":{"type":"STRING","enum":["JobPosting"]},"title":{"type":"STRING","description":"The job title."},"#
            + #""seniority":{"type":"STRING","description":"Scale.","enum":["junior","senior"]},"posted":{"type":"STRING","format":"date-time"},"#
            + #""site":{"type":"STRING"},"salary":{"type":"NUMBER","nullable":true,"minimum":0},"tags":{"type":"ARRAY","items":{"type":"STRING"},"maxItems":40}},"#
            + #""required":["title","seniority"],"propertyOrdering":["@type","title","seniority","posted","site","salary","tags"]}"#
        #expect(converted.serialized() == expected)
    }

    /// The project's own output schemas convert with no JSON Schema-only keyword left.
    @Test(arguments: ["resume.schema.json", "jd.schema.json"])
    func projectSchemasConvert(file: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../schemas/" + file)
        let schema = try JSONValue.parse(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        let text = try GeminiSchemaConverter.convert(schema).serialized()
        for keyword in ["$ref", "$defs", "additionalProperties", "pattern", "minLength", "maxLength", "minProperties",
                        "uniqueItems", "$schema", "$id"] {
            #expect(!text.contains("\"\(keyword)\":"), "\(keyword) left in the \(file) conversion")
        }
        for leftover in [#""format":"uri""#, #""format":"email""#, #""type":"string""#, #""type":"object""#] {
            #expect(!text.contains(leftover), "\(leftover) left in the \(file) conversion")
        }
        #expect(text.hasPrefix(#"{"type":"OBJECT""#))
    }

    @Test func refusesUnresolvableAndRecursiveReferences() {
        #expect(throws: SchemaConversionError.unresolvedReference("#/$defs/nope")) {
            try GeminiSchemaConverter.convert(["properties": ["a": ["$ref": "#/$defs/nope"]]])
        }
        let recursive: JSONValue = [
            "$ref": "#/$defs/node",
            "$defs": ["node": ["type": "object", "properties": ["child": ["$ref": "#/$defs/node"]]]],
        ]
        #expect(throws: SchemaConversionError.recursiveReference("#/$defs/node")) { try GeminiSchemaConverter.convert(recursive) }
    }

    /// A chain of definitions each used twice would grow to 2^16 nodes (the limit is 5,000) once inlined.
    @Test func refusesExponentialInlining() {
        var defs = JSONObject()
        defs["d0"] = ["type": "string"]
        for i in 1...16 {
            defs["d\(i)"] = ["type": "object", "properties": ["a": ["$ref": .string("#/$defs/d\(i - 1)")], "b": ["$ref": .string("#/$defs/d\(i - 1)")]]]
        }
        let schema: JSONValue = ["$ref": "#/$defs/d16", "$defs": .object(defs)]
        #expect(throws: SchemaConversionError.tooLarge) { try GeminiSchemaConverter.convert(schema) }
    }

    @Test func refusesDeepNesting() {
        var schema: JSONValue = ["type": "string"]
        for _ in 0..<100 { schema = ["type": "array", "items": schema] }
        #expect(throws: SchemaConversionError.tooDeep) { try GeminiSchemaConverter.convert(schema) }
    }

    /// A bad schema fails the request as a validation error, before anything is sent.
    @Test func geminiRequestWithBadSchemaIsABadRequest() {
        let config = ProviderConfig(name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta")
        let request = CompletionRequest(
            messages: [ChatMessage(role: .user, content: "x")], model: "gemini-2.5-flash", outputSchema: ["$ref": "#/$defs/x"])
        #expect(throws: ProviderError.self) { try GeminiAdapter(config: config).makeRequest(request, apiKey: "k") }
        do {
            _ = try GeminiAdapter(config: config).makeRequest(request, apiKey: "k")
        } catch {
            #expect(error.kind == .badRequest)
            #expect(error.message.contains("$ref"))
        }
    }
}
