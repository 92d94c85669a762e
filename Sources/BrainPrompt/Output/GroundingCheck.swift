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
        normalizedSource = Self.spacedForm(sourceText)
    }

    /// Whether `phrase` occurs in the source text under the comparison described above.
    /// A phrase with no letters or digits is treated as present (there is nothing to check).
    public func contains(_ phrase: String) -> Bool {
        let needle = Self.spacedForm(phrase)
        guard needle.count > 2 else { return true }
        return Self.occurs(needle, in: normalizedSource)
    }

    /// The comparison form between single spaces, as UTF-8: `" " + normalize(text) + " "`.
    static func spacedForm(_ text: String) -> [UInt8] {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes in ASCIIForm.spaced(bytes) } ?? ASCIIForm.spaced(Array(text.utf8))
        return ascii ?? GroundingLatinForm.spaced(text) ?? Array((" " + normalizeUnicode(text) + " ").utf8)
    }

    /// Whether `needle` occurs in `haystack` byte for byte. The needle starts and ends with a
    /// space, so a match always lies on whole characters.
    static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        return needle.withUnsafeBufferPointer { n in
            haystack.withUnsafeBufferPointer { h in
                guard let nb = n.baseAddress, let hb = h.baseAddress else { return false }
                let count = n.count
                if count == 1 { return memchr(hb, Int32(n[0]), h.count) != nil }
                // Candidates are found by the needle's second byte (its first letter), which is
                // far rarer than the leading space.
                let last = h.count - count
                var start = 0
                while start <= last {
                    guard let found = memchr(hb + start + 1, Int32(n[1]), last - start + 1) else { return false }
                    start = UnsafeRawPointer(hb).distance(to: UnsafeRawPointer(found)) - 1
                    if h[start] == n[0], memcmp(hb + start + 2, nb + 2, count - 2) == 0 { return true }
                    start += 1
                }
                return false
            }
        }
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
        guard let spaced = ASCIIForm.spaced(Array(text.utf8)) else { return normalizeUnicode(text) }
        return String(decoding: spaced.dropFirst().dropLast(), as: UTF8.self)
    }
}

/// The byte loop behind `GroundingCheck.normalizeASCII`.
enum ASCIIForm {
    /// `" " + normalizeASCII(text) + " "` as bytes, or nil when a byte is not ASCII.
    static func spaced<Bytes: Collection>(_ bytes: Bytes) -> [UInt8]? where Bytes.Element == UInt8 {
        let space = UInt8(ascii: " ")
        var ok = true
        // One input byte writes at most four ("&" becomes " and"); plus the two spaces around.
        let result = [UInt8](unsafeUninitializedCapacity: bytes.count &* 4 &+ 2) { out, written in
            var n = 0
            out[n] = space
            n += 1
            var pendingSpace = false
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if pendingSpace, n > 1 { out[n] = space; n += 1 }
                    pendingSpace = false
                    out[n] = byte
                    n += 1
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if pendingSpace, n > 1 { out[n] = space; n += 1 }
                    pendingSpace = false
                    out[n] = byte | 0x20
                    n += 1
                case UInt8(ascii: "'"), UInt8(ascii: "`"):
                    continue
                case UInt8(ascii: "&"):
                    if n > 1 { out[n] = space; n += 1 }
                    out[n] = UInt8(ascii: "a")
                    out[n + 1] = UInt8(ascii: "n")
                    out[n + 2] = UInt8(ascii: "d")
                    n += 3
                    pendingSpace = true
                case 0x80...:
                    ok = false
                    written = 0
                    return
                default:
                    pendingSpace = true
                }
            }
            out[n] = space
            written = n + 1
        }
        return ok ? result : nil
    }
}
