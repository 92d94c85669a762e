import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// Bodies built with cached schema fragments equal bodies serialised whole, as they were before
/// the cache, for every flavor, repeated calls, equal-but-separate schemas and near-equal ones.
@Suite struct RequestBodyCacheTests {
    /// A schema with the awkward parts: `$defs`/`$ref`, escapes, non-ASCII text, odd numbers.
    static func schema(_ tag: String = "a") -> JSONValue {
        [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "type": "object",
            "description": .string("Tag \(tag): \"quoted\", back\\slash, tab\t, line\nbreak, \u{01}, é, 😀"),
            "$defs": ["date": ["type": ["string", "null"], "format": "date-time", "pattern": "^\\d{4}"]],
            "properties": [
                "name": ["type": "string", "minLength": 1, "maxLength": 200],
                "start": ["$ref": "#/$defs/date", "description": "when"],
                "score": ["type": "number", "minimum": .number(-0.0), "maximum": .number(1e300), "multipleOf": 0.25],
                "tags": ["type": "array", "items": ["type": "string", "enum": ["a", "b", "日本"]], "uniqueItems": true],
                "kind": ["const": "résumé"],
            ],
            "required": ["name", "score"],
            "additionalProperties": false,
        ]
    }

    static func request(schema: JSONValue?, name: String = "resume", jsonMode: Bool = false) -> CompletionRequest {
        CompletionRequest(
            messages: [
                ChatMessage(role: .system, content: "Extract.\nAnswer in JSON."),
                ChatMessage(role: .developer, content: "Omit unknown \"fields\"."),
                ChatMessage(role: .user, content: String(repeating: "Jane Doe — jane@example.com\t", count: 40)),
                ChatMessage(role: .assistant, content: "{"),
                ChatMessage(role: .user, content: "again"),
            ],
            model: "some/model:free", temperature: 0.2, maxTokens: 4096, stop: ["<END>", "\u{00}"], seed: -3,
            outputSchema: schema, schemaName: name, jsonMode: jsonMode)
    }

    static let configs: [ProviderConfig] = [
        ProviderConfig(name: "openrouter", kind: .openai, baseURL: "https://openrouter.ai/api/v1"),
        ProviderConfig(name: "groq", kind: .openai, baseURL: "https://api.groq.com/openai/v1"),
        ProviderConfig(name: "xai", kind: .openai, baseURL: "https://api.x.ai/v1"),
        ProviderConfig(name: "openai", kind: .openai, baseURL: "https://api.openai.com/v1"),
        ProviderConfig(name: "local", kind: .openai, baseURL: "http://127.0.0.1:11434/v1"),
        ProviderConfig(name: "gemini", kind: .gemini, baseURL: "https://generativelanguage.googleapis.com/v1beta"),
    ]

    /// The body as the adapters built it before the cache: one object, serialised whole.
    static func wholeBody(_ request: CompletionRequest, _ config: ProviderConfig) throws -> String {
        var body = JSONObject()
        if config.kind == .gemini {
            var system: [JSONValue] = []
            var contents: [(role: String, parts: [JSONValue])] = []
            for message in request.messages {
                let part: JSONValue = ["text": .string(message.content)]
                switch message.role {
                case .system, .developer: system.append(part)
                case .user, .assistant:
                    let role = message.role == .user ? "user" : "model"
                    if let last = contents.last, last.role == role {
                        contents[contents.count - 1].parts.append(part)
                    } else {
                        contents.append((role, [part]))
                    }
                }
            }
            if !system.isEmpty { body["systemInstruction"] = ["parts": .array(system)] }
            body["contents"] = .array(contents.map { ["role": .string($0.role), "parts": .array($0.parts)] })
            var generation = JSONObject()
            if let t = request.temperature { generation["temperature"] = .number(t) }
            if let m = request.maxTokens { generation["maxOutputTokens"] = .int(m) }
            if !request.stop.isEmpty { generation["stopSequences"] = .array(request.stop.prefix(5).map(JSONValue.string)) }
            if let s = request.seed { generation["seed"] = .int(s) }
            if request.expectsJSON { generation["responseMimeType"] = "application/json" }
            if let schema = request.outputSchema { generation["responseSchema"] = try GeminiSchemaConverter.convert(schema) }
            if !generation.isEmpty { body["generationConfig"] = .object(generation) }
            return JSONValue.object(body).serialized()
        }
        body["model"] = .string(request.model)
        body["messages"] = .array(request.messages.map { message in
            let role = message.role == .developer && !config.acceptsDeveloperRole ? ChatMessage.Role.system : message.role
            return ["role": .string(role.rawValue), "content": .string(message.content)]
        })
        if let t = request.temperature { body["temperature"] = .number(t) }
        if let m = request.maxTokens { body[config.maxTokensField.rawValue] = .int(m) }
        if !request.stop.isEmpty { body["stop"] = .array(request.stop.prefix(4).map(JSONValue.string)) }
        if let s = request.seed { body["seed"] = .int(s) }
        if let schema = request.outputSchema, config.supportsJSONSchema {
            let format: JSONObject = ["name": .string(OpenAICompatibleAdapter.schemaName(request.schemaName)), "schema": schema]
            body["response_format"] = ["type": "json_schema", "json_schema": .object(format)]
            if config.flavor == .openRouter { body["provider"] = ["require_parameters": true] }
        } else if request.expectsJSON, config.supportsJSONObject {
            body["response_format"] = ["type": "json_object"]
        }
        return JSONValue.object(body).serialized()
    }

    static func sentBody(_ request: CompletionRequest, _ config: ProviderConfig) throws -> String {
        let http = try ProviderAdapters.make(for: config).makeRequest(request, apiKey: "")
        return String(decoding: http.body ?? Data(), as: UTF8.self)
    }

    @Test(arguments: configs)
    func cachedBodiesEqualWholeBodies(config: ProviderConfig) throws {
        let schema = Self.schema(config.name)
        for request in [
            Self.request(schema: schema), Self.request(schema: schema), Self.request(schema: schema, name: "ré sumé!"),
            Self.request(schema: nil), Self.request(schema: nil, jsonMode: true),
            Self.request(schema: try JSONValue.parse(schema.serialized())),
        ] {
            #expect(try Self.sentBody(request, config) == Self.wholeBody(request, config))
        }
    }

    /// Documents equal under `==` but written differently must not share a fragment.
    @Test(arguments: configs)
    func nearlyEqualSchemasKeepTheirOwnBytes(config: ProviderConfig) throws {
        let first: JSONValue = ["type": "object", "description": "caf\u{E9}", "properties": ["a": ["type": "string"], "b": ["type": "integer"]]]
        let decomposed: JSONValue = ["type": "object", "description": "cafe\u{301}", "properties": ["a": ["type": "string"], "b": ["type": "integer"]]]
        let reordered: JSONValue = ["type": "object", "description": "caf\u{E9}", "properties": ["b": ["type": "integer"], "a": ["type": "string"]]]
        #expect(first == reordered)
        for schema in [first, decomposed, reordered, first] {
            let request = Self.request(schema: schema, name: "x")
            #expect(try Self.sentBody(request, config) == Self.wholeBody(request, config))
        }
        let e = Self.request(schema: first, name: "caf\u{E9}")
        let composed = Self.request(schema: first, name: "cafe\u{301}")
        #expect(try Self.sentBody(e, config) == Self.wholeBody(e, config))
        #expect(try Self.sentBody(composed, config) == Self.wholeBody(composed, config))
    }

    @Test func geminiConversionFailureIsRefusedEveryTime() {
        let adapter = GeminiAdapter(config: Self.configs[5])
        let broken: JSONValue = ["type": "object", "properties": ["a": ["$ref": "#/$defs/missing"]]]
        for _ in 0..<2 {
            #expect(throws: ProviderError.self) { try adapter.makeRequest(Self.request(schema: broken), apiKey: "k") }
        }
    }

    @Test func cacheIsBoundedAndKeepsRecentlyUsedEntries() {
        let cache = SchemaFragmentCache(limit: 2)
        var builds = 0
        func fragment(_ schema: JSONValue) -> [UInt8] {
            cache.fragment(for: schema, .geminiResponseSchema) {
                builds += 1
                return schema.serializedBytes()
            }
        }
        let a = Self.schema("a"), b = Self.schema("b"), c = Self.schema("c")
        #expect(fragment(a) == a.serializedBytes())
        #expect(fragment(b) == b.serializedBytes())
        #expect(fragment(a) == a.serializedBytes())  // a is now the most recent
        #expect(builds == 2)
        #expect(fragment(c) == c.serializedBytes())  // evicts b
        #expect(cache.count == 2)
        #expect(fragment(a) == a.serializedBytes())
        #expect(builds == 3)
        #expect(fragment(b) == b.serializedBytes())
        #expect(builds == 4)
        #expect(cache.count == 2)
    }

    @Test func variantsOfOneSchemaAreSeparate() {
        let cache = SchemaFragmentCache(limit: 8)
        let schema = Self.schema()
        let one = cache.fragment(for: schema, .openAIResponseFormat(schemaName: "one")) { Array("1".utf8) }
        let two = cache.fragment(for: schema, .openAIResponseFormat(schemaName: "two")) { Array("2".utf8) }
        let gemini = cache.fragment(for: schema, .geminiResponseSchema) { Array("g".utf8) }
        let again = cache.fragment(for: schema, .openAIResponseFormat(schemaName: "one")) { Array("x".utf8) }
        #expect([one, two, gemini, again].map { String(decoding: $0, as: UTF8.self) } == ["1", "2", "g", "1"])
    }

    @Test func exactComparisonSeesOrderBytesAndNumberBits() throws {
        let parsed = try JSONValue.parse(#"{"a":[1,"x",null,true],"b":{"c":0}}"#)
        #expect(SchemaFragmentCache.identical(parsed, try JSONValue.parse(parsed.serialized())))
        #expect(!SchemaFragmentCache.identical(parsed, try JSONValue.parse(#"{"b":{"c":0},"a":[1,"x",null,true]}"#)))
        #expect(!SchemaFragmentCache.identical(parsed, try JSONValue.parse(#"{"a":[1,"x",null,true],"b":{"c":-0.0}}"#)))
        #expect(!SchemaFragmentCache.identical(.string("\u{E9}"), .string("e\u{301}")))
        #expect(SchemaFragmentCache.identical(.string(""), .string("")))
        var deep: JSONValue = 1
        for _ in 0..<300 { deep = [deep] }
        #expect(!SchemaFragmentCache.identical(deep, deep))
    }

    /// Many tasks building requests for a few schemas at once all get the right bytes.
    @Test func concurrentRequestsGetTheirOwnSchemaBytes() async throws {
        let schemas = (0..<6).map { Self.schema("concurrent \($0)") }
        let config = Self.configs[0]
        let expected = try schemas.map { try Self.wholeBody(Self.request(schema: $0), config) }
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var bad = 0
                    for i in 0..<60 {
                        let k = (worker + i) % schemas.count
                        // Every third request carries an equal but separately built schema.
                        let schema = i % 3 == 0 ? Self.schema("concurrent \(k)") : schemas[k]
                        let body = try? Self.sentBody(Self.request(schema: schema), config)
                        if body != expected[k] { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }
}
