import BrainCore
import BrainPrompt
import Foundation

/// The repository's output schemas (schemas/*.schema.json), compiled once for all tests.
enum SchemaFiles {
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func text(_ name: String) -> String {
        let url = repositoryRoot.appendingPathComponent("schemas/\(name).schema.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    static let resume: JSONSchema? = try? JSONSchema(text: text("resume"))
    static let jd: JSONSchema? = try? JSONSchema(text: text("jd"))

    static func named(_ name: String) -> JSONSchema? { name == "resume" ? resume : jd }
}

/// Edits of JSON documents by pointer, for building test cases from a valid sample.
extension JSONValue {
    /// The document with the value at `pointer` replaced (or removed when `newValue` is nil).
    /// Missing intermediate objects are not created; the pointer must exist up to its parent.
    func editing(_ pointer: String, _ newValue: JSONValue?) -> JSONValue {
        let tokens = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        return Self.edit(self, tokens[...], newValue)
    }

    private static func edit(_ value: JSONValue, _ tokens: ArraySlice<String>, _ newValue: JSONValue?) -> JSONValue {
        guard let head = tokens.first else { return newValue ?? .null }
        let rest = tokens.dropFirst()
        switch value {
        case .object(var object):
            if rest.isEmpty {
                object[head] = newValue
            } else if let child = object[head] {
                object[head] = edit(child, rest, newValue)
            }
            return .object(object)
        case .array(var array):
            guard let i = Int(head) else { return value }
            if rest.isEmpty {
                if let newValue {
                    if array.indices.contains(i) { array[i] = newValue } else { array.append(newValue) }
                } else if array.indices.contains(i) {
                    array.remove(at: i)
                }
            } else if array.indices.contains(i) {
                array[i] = edit(array[i], rest, newValue)
            }
            return .array(array)
        default:
            return value
        }
    }
}
