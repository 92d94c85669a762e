import BrainCore

/// Reads the YAML subset brain needs into JSON values.
///
/// Supported: block mappings and sequences (including `- key: value` items and a sequence at
/// its key's indentation), flow sequences `[a, b]` and flow mappings `{a: 1}`, literal `|`
/// and folded `>` block scalars with `-`/`+` chomping and an indentation digit, single- and
/// double-quoted scalars with escapes, plain scalars (typed by the YAML 1.2 core schema:
/// null/~, true/false, decimal/0x/0o integers, floats), comments, and one leading `---`.
/// Anchors, aliases, tags, directives, complex keys, several documents, `.inf`/`.nan` (not
/// representable in JSON) and tabs used as indentation are errors naming the line.
public enum YAMLReader {
    /// Parses one document; an empty document is `null`.
    public static func parse(_ text: String, maxDepth: Int = 64) throws(YAMLError) -> JSONValue {
        var parser = YAMLBlockParser(text: text, maxDepth: maxDepth)
        return try parser.parseDocument()
    }
}

/// One source line: its number, its characters, and the count of leading spaces.
struct YAMLLine {
    var number: Int
    var chars: [Character]
    var indent: Int {
        var i = 0
        while i < chars.count, chars[i] == " " { i += 1 }
        return i
    }
    /// Only spaces, or a comment after spaces.
    var isBlankOrComment: Bool {
        let i = indent
        return i >= chars.count || chars[i] == "#" || chars[i...].allSatisfy { $0 == " " || $0 == "\t" }
    }
    var isEmpty: Bool { chars.allSatisfy { $0 == " " || $0 == "\t" } }
    func text(from start: Int) -> String { start < chars.count ? String(chars[start...]) : "" }
}
