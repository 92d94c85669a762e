import BrainCore
import Foundation

/// A name in the structured result that the source text does not contain.
public struct GroundingWarning: Sendable, Equatable, CustomStringConvertible {
    /// Where the value sits, e.g. `work[1].name`.
    public var field: String
    /// The value as the model gave it.
    public var value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }

    public var description: String { "\(field) \(JSONValue.string(value).serialized()) does not appear in the source text" }
}

/// Flags names a model may have invented: the person's name, employers, job titles and
/// institutions of a resume; the title and hiring organisation of a job description.
///
/// A name counts as present when, after both texts are normalised (Unicode NFKC, case and
/// diacritics folded, `&` read as "and", apostrophes removed, other punctuation and all
/// whitespace runs turned into single spaces), it occurs in the source as whole words.
public struct GroundingCheck: Sendable {
    /// The normalised source between single spaces, as UTF-8.
    private let normalizedSource: [UInt8]

    /// Normalises the source text once; check as many documents against it as needed.
    public init(sourceText: String) {
        normalizedSource = Array((" " + Self.normalize(sourceText) + " ").utf8)
    }

    /// Whether `phrase` occurs in the source text under the comparison described above.
    /// A phrase with no letters or digits is treated as present (there is nothing to check).
    public func contains(_ phrase: String) -> Bool {
        let needle = Self.normalize(phrase)
        guard !needle.isEmpty else { return true }
        return Self.occurs(Array((" " + needle + " ").utf8), in: normalizedSource)
    }

    /// Whether `needle` occurs in `haystack` byte for byte. The needle starts and ends with a
    /// space, so a match always lies on whole characters.
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard let first = needle.first, needle.count <= haystack.count else { return false }
        var start = 0
        let last = haystack.count - needle.count
        while start <= last {
            if haystack[start] == first {
                var matched = 1
                while matched < needle.count && haystack[start + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// The warnings for a resume (`resume_parsing`) or job description (`jd_parsing`); other tasks have none.
    public func warnings(for document: JSONValue, task: TaskType) -> [GroundingWarning] {
        var out: [GroundingWarning] = []
        func check(_ value: JSONValue?, _ field: String) {
            guard case .string(let text)? = value, !contains(text) else { return }
            out.append(GroundingWarning(field: field, value: text))
        }
        switch task {
        case .resumeParsing:
            check(document["basics"]?["name"], "basics.name")
            for (i, job) in (document["work"]?.arrayValue ?? []).enumerated() {
                check(job["name"], "work[\(i)].name")
                check(job["position"], "work[\(i)].position")
            }
            for (i, school) in (document["education"]?.arrayValue ?? []).enumerated() {
                check(school["institution"], "education[\(i)].institution")
            }
        case .jdParsing:
            check(document["title"], "title")
            check(document["hiringOrganization"]?["name"], "hiringOrganization.name")
        case .chat, .generic:
            break
        }
        return out
    }

    /// The comparison form of a text: see the type's description.
    static func normalize(_ text: String) -> String {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? normalizeASCII(text) : normalizeUnicode(text)
    }

    /// `normalize` for any text.
    static func normalizeUnicode(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = ""
        out.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`" { continue }
            let word: String?
            if scalar == "&" {
                word = "and"
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSpace, !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.unicodeScalars.append(scalar)
                continue
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                word = nil
            }
            if let word {
                if !out.isEmpty { out.append(" ") }
                out += word
            }
            pendingSpace = true
        }
        return out
    }

    /// `normalize` for pure ASCII, where compatibility mapping and diacritic or width folding
    /// change nothing and case folding is lower-casing: the same result, without Foundation.
    static func normalizeASCII(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if pendingSpace, !out.isEmpty { out.append(UInt8(ascii: " ")) }
                pendingSpace = false
                out.append(byte | (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? 0x20 : 0))
            case UInt8(ascii: "&"):
                if !out.isEmpty { out.append(UInt8(ascii: " ")) }
                out.append(contentsOf: "and".utf8)
                pendingSpace = true
            default:
                pendingSpace = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
