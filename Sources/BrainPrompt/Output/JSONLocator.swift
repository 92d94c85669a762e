import Foundation
import BrainCore

/// Where in a model's answer the JSON document was found.
public enum JSONLocation: String, Sendable, Equatable {
    /// The whole answer (after whitespace and a byte-order mark) is the document.
    case wholeText = "whole text"
    /// The first ```json (or bare ```) fenced block.
    case fencedBlock = "fenced block"
    /// The first balanced `{...}` inside prose.
    case embeddedObject = "object in prose"
}

/// A JSON document found in a model's answer.
public struct LocatedJSON: Sendable, Equatable {
    public var value: JSONValue
    public var location: JSONLocation

    public init(value: JSONValue, location: JSONLocation) {
        self.value = value
        self.location = location
    }
}

/// Why no JSON document could be taken from a model's answer.
public enum JSONLocatorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The answer is empty or whitespace.
    case emptyAnswer
    /// Nothing that looks like a JSON object: no fence and no `{`.
    case noJSONFound
    /// A candidate was found but is not valid JSON.
    case unparsable(location: JSONLocation, error: JSONParseError)

    public var description: String {
        switch self {
        case .emptyAnswer: return "the answer is empty"
        case .noJSONFound: return "the answer contains no JSON object"
        case .unparsable(let location, let error): return "the JSON in the answer (\(location.rawValue)) does not parse: \(error.description)"
        }
    }
}

/// Finds the JSON document in a model's answer: the whole text, else the first fenced block,
/// else the first balanced top-level `{...}` in prose (braces inside strings are skipped).
public enum JSONLocator {
    /// How many `{` candidates in prose are tried before giving up.
    static let maxProseCandidates = 32

    public static func locate(in answer: String) throws(JSONLocatorError) -> LocatedJSON {
        var bytes = Array(answer.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let trimmed = trimWhitespace(bytes[...])
        guard !trimmed.isEmpty else { throw .emptyAnswer }

        var firstError: JSONLocatorError?
        do { return LocatedJSON(value: try JSONValue.parse(bytes: Array(trimmed)), location: .wholeText) } catch {
            // Only a whole answer that looks like JSON is worth reporting; prose is expected to fail.
            if trimmed.first == UInt8(ascii: "{") || trimmed.first == UInt8(ascii: "[") {
                firstError = .unparsable(location: .wholeText, error: error)
            }
        }
        if let fenced = fencedBlock(in: trimmed) {
            let content = trimWhitespace(fenced)
            do { return LocatedJSON(value: try JSONValue.parse(bytes: Array(content)), location: .fencedBlock) } catch {
                firstError = firstError ?? .unparsable(location: .fencedBlock, error: error)
            }
        }
        var start = trimmed.startIndex
        for _ in 0..<maxProseCandidates {
            guard let open = trimmed[start...].firstIndex(of: UInt8(ascii: "{")) else { break }
            guard let close = matchingBrace(in: trimmed, from: open) else {
                // Unbalanced to the end of the text: no later candidate can close either.
                do { _ = try JSONValue.parse(bytes: Array(trimmed[open...])) } catch {
                    firstError = firstError ?? .unparsable(location: .embeddedObject, error: error)
                }
                break
            }
            do {
                return LocatedJSON(value: try JSONValue.parse(bytes: Array(trimmed[open...close])), location: .embeddedObject)
            } catch {
                firstError = firstError ?? .unparsable(location: .embeddedObject, error: error)
            }
            start = close + 1
        }
        throw firstError ?? .noJSONFound
    }

    /// The body of the first ``` fence whose info string is empty or `json` (unclosed: to the end).
    static func fencedBlock(in text: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        let tick = UInt8(ascii: "`")
        var i = text.startIndex
        while i + 2 < text.endIndex {
            guard text[i] == tick, text[i + 1] == tick, text[i + 2] == tick else { i += 1; continue }
            let lineEnd = text[(i + 3)...].firstIndex(of: UInt8(ascii: "\n")) ?? text.endIndex
            let info = String(decoding: text[(i + 3)..<lineEnd], as: UTF8.self)
                .trimmingCharacters(in: .whitespaces).lowercased()
            let bodyStart = lineEnd < text.endIndex ? lineEnd + 1 : lineEnd
            let bodyEnd = closingFence(in: text, from: bodyStart)
            if info.isEmpty || info == "json" || info == "jsonc" || info == "json5" { return text[bodyStart..<bodyEnd] }
            i = bodyEnd + 3  // past another language's block, closing fence included
        }
        return nil
    }

    /// The start of the next ``` at or after `start`, or the end of the text for an unclosed block.
    private static func closingFence(in text: ArraySlice<UInt8>, from start: Int) -> Int {
        let tick = UInt8(ascii: "`")
        var j = start
        while j + 2 < text.endIndex {
            if text[j] == tick, text[j + 1] == tick, text[j + 2] == tick { return j }
            j += 1
        }
        return text.endIndex
    }

    /// The index of the `}` closing the `{` at `open`, skipping braces inside JSON strings.
    static func matchingBrace(in text: ArraySlice<UInt8>, from open: Int) -> Int? {
        var depth = 0
        var inString = false
        var escaped = false
        var i = open
        while i < text.endIndex {
            let b = text[i]
            if inString {
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") { inString = false }
            } else if b == UInt8(ascii: "\"") {
                inString = true
            } else if b == UInt8(ascii: "{") {
                depth += 1
            } else if b == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }

    private static func trimWhitespace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.endIndex...]
        }
        return bytes[first...last]
    }
}
