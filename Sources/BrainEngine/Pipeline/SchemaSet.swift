import BrainCore
import BrainPrompt
import BrainResources

/// The output schemas compiled into the binary (`schemas/<name>.schema.json`), compiled once.
public struct SchemaSet: Sendable {
    public let schemas: [String: JSONSchema]

    public static let shared: SchemaSet = {
        var schemas: [String: JSONSchema] = [:]
        for (path, text) in BrainResources.textFiles(under: "schemas") where path.hasSuffix(".schema.json") {
            let name = String(path.dropLast(".schema.json".count))
            if let schema = try? JSONSchema(text: text) { schemas[name] = schema }
        }
        return SchemaSet(schemas: schemas)
    }()

    public subscript(name: String) -> JSONSchema? { schemas[name] }
}
