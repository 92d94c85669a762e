import BrainCore
import BrainPrompt
import BrainResources

/// The output schemas compiled into the binary (`schemas/<name>.schema.json`), compiled once.
public struct SchemaSet: Sendable {
    public let schemas: [String: JSONSchema]
    /// SHA-256 of each schema's text, for response-cache keys.
    public let digests: [String: String]

    public static let shared: SchemaSet = {
        var schemas: [String: JSONSchema] = [:]
        var digests: [String: String] = [:]
        for (path, text) in BrainResources.textFiles(under: "schemas") where path.hasSuffix(".schema.json") {
            let name = String(path.dropLast(".schema.json".count))
            if let schema = try? JSONSchema(text: text) {
                schemas[name] = schema
                digests[name] = SHA256.hex(schema.document.serialized())
            }
        }
        return SchemaSet(schemas: schemas, digests: digests)
    }()

    public subscript(name: String) -> JSONSchema? { schemas[name] }
}
