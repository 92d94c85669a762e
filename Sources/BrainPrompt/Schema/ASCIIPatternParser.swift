import Foundation

/// Reads the subset of ICU regular-expression syntax `ASCIIPattern` runs, or gives up (nil) on
/// anything else so that ICU keeps it. The set of bytes a class, `.` or `\d`-style escape
/// matches is asked of `NSRegularExpression` (see `probe`), so only where an
/// atom ends has to be read here, never what it means.
enum ASCIIPatternParser {
    indirect enum Node {
        case set(ASCIIPattern.ByteSet)
        case start
        case end
        case sequence([Node])
        case alternatives([Node])
        case repeated(Node, min: Int, max: Int?)
    }

    /// Counted repeats above this are left to ICU.
    static let maxCount = 1000

    static func parse(_ source: String) -> Node? {
        let bytes = Array(source.utf8)
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        var reader = Reader(bytes: bytes)
        guard let node = reader.alternatives(depth: 0), reader.position == bytes.count else { return nil }
        return node
    }

    private static let escapedClasses: Set<UInt8> = Set("dDwWsS".utf8)

    static func isPunctuation(_ b: UInt8) -> Bool {
        (0x21...0x2F).contains(b) || (0x3A...0x40).contains(b) || (0x5B...0x60).contains(b) || (0x7B...0x7E).contains(b)
    }

    /// All 128 ASCII characters in order (no CR LF pair among them).
    private static let allASCII = String(decoding: Array(UInt8(0)..<0x80), as: UTF8.self)

    /// The ASCII bytes that `NSRegularExpression(pattern: atom)` matches, found in one search
    /// of the text holding every ASCII character once: a one-character atom matches each
    /// character on its own, so its matches are exactly its members.
    static func probe(_ atom: String) -> ASCIIPattern.ByteSet? {
        guard let regex = try? NSRegularExpression(pattern: atom, options: []) else { return nil }
        let text = allASCII
        var set = ASCIIPattern.ByteSet()
        for match in regex.matches(in: text, options: [], range: NSRange(location: 0, length: 128)) {
            // An atom that can match nothing or something longer is not a one-character atom.
            guard match.range.length == 1, match.range.location >= 0, match.range.location < 128 else { return nil }
            set.insert(UInt8(match.range.location))
        }
        return set
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        /// Probe answers by atom text, since patterns repeat their classes.
        private var probes: [String: ASCIIPattern.ByteSet?] = [:]

        private mutating func probe(_ atom: String) -> ASCIIPattern.ByteSet? {
            if let known = probes[atom] { return known }
            let set = ASCIIPatternParser.probe(atom)
            probes[atom] = set
            return set
        }

        init(bytes: [UInt8]) { self.bytes = bytes }

        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func alternatives(depth: Int) -> Node? {
            guard depth < 32 else { return nil }
            var branches: [Node] = []
            while true {
                guard let branch = sequence(depth: depth) else { return nil }
                branches.append(branch)
                guard current == UInt8(ascii: "|") else { break }
                position += 1
            }
            return branches.count == 1 ? branches[0] : .alternatives(branches)
        }

        private mutating func sequence(depth: Int) -> Node? {
            var parts: [Node] = []
            while let c = current, c != UInt8(ascii: "|"), c != UInt8(ascii: ")") {
                guard let atom = atom(depth: depth) else { return nil }
                guard let quantified = quantifier(on: atom) else { return nil }
                parts.append(quantified)
            }
            return .sequence(parts)
        }

        private mutating func atom(depth: Int) -> Node? {
            guard let c = current else { return nil }
            switch c {
            case UInt8(ascii: "("):
                position += 1
                if current == UInt8(ascii: "?") {
                    guard position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: ":") else { return nil }
                    position += 2
                }
                guard let inner = alternatives(depth: depth + 1), current == UInt8(ascii: ")") else { return nil }
                position += 1
                return inner
            case UInt8(ascii: "^"):
                position += 1
                return .start
            case UInt8(ascii: "$"):
                position += 1
                return .end
            case UInt8(ascii: "."):
                position += 1
                return probe(".").map(Node.set)
            case UInt8(ascii: "["):
                guard let end = classEnd() else { return nil }
                let text = String(decoding: bytes[position..<end], as: UTF8.self)
                position = end
                return probe(text).map(Node.set)
            case UInt8(ascii: "\\"):
                guard position + 1 < bytes.count else { return nil }
                let e = bytes[position + 1]
                position += 2
                if ASCIIPatternParser.escapedClasses.contains(e) {
                    return probe("\\" + String(UnicodeScalar(e))).map(Node.set)
                }
                guard ASCIIPatternParser.isPunctuation(e) else { return nil }
                return .set(Self.single(e))
            case UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "?"), UInt8(ascii: "{"), UInt8(ascii: "}"),
                UInt8(ascii: "]"), UInt8(ascii: ")"), UInt8(ascii: "|"):
                return nil
            default:
                position += 1
                return .set(Self.single(c))
            }
        }

        private static func single(_ byte: UInt8) -> ASCIIPattern.ByteSet {
            var set = ASCIIPattern.ByteSet()
            set.insert(byte)
            return set
        }

        /// The index after the `]` closing the class that starts here, for the plain class
        /// forms only (no nested classes, set operations, or escapes other than punctuation
        /// and `\d` `\w` `\s` and their negations).
        private func classEnd() -> Int? {
            var i = position + 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "^") { i += 1 }
            guard i < bytes.count, bytes[i] != UInt8(ascii: "]") else { return nil }
            while i < bytes.count {
                let b = bytes[i]
                switch b {
                case UInt8(ascii: "]"):
                    return i + 1
                case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    return nil
                case UInt8(ascii: "&"), UInt8(ascii: "-"):
                    if i + 1 < bytes.count, bytes[i + 1] == b { return nil }
                    i += 1
                case UInt8(ascii: "\\"):
                    guard i + 1 < bytes.count else { return nil }
                    let e = bytes[i + 1]
                    guard ASCIIPatternParser.escapedClasses.contains(e) || ASCIIPatternParser.isPunctuation(e) else { return nil }
                    i += 2
                default:
                    i += 1
                }
            }
            return nil
        }

        private mutating func quantifier(on atom: Node) -> Node? {
            guard let c = current else { return atom }
            let bounds: (min: Int, max: Int?)
            switch c {
            case UInt8(ascii: "*"): position += 1; bounds = (0, nil)
            case UInt8(ascii: "+"): position += 1; bounds = (1, nil)
            case UInt8(ascii: "?"): position += 1; bounds = (0, 1)
            case UInt8(ascii: "{"):
                guard let counted = counted() else { return nil }
                bounds = counted
            default:
                return atom
            }
            switch atom {
            case .start, .end: return nil
            default: break
            }
            // A lazy `?` changes which match is found, not whether one is; possessive `+` and
            // a second quantifier are left to ICU.
            if current == UInt8(ascii: "?") { position += 1 }
            if let next = current, next == UInt8(ascii: "+") || next == UInt8(ascii: "*") || next == UInt8(ascii: "?") || next == UInt8(ascii: "{") {
                return nil
            }
            return .repeated(atom, min: bounds.min, max: bounds.max)
        }

        /// `{n}`, `{n,}` or `{n,m}` with at most three digits each.
        private mutating func counted() -> (min: Int, max: Int?)? {
            var i = position + 1
            func number() -> Int? {
                let start = i
                while i < bytes.count, i - start < 4, (0x30...0x39).contains(bytes[i]) { i += 1 }
                guard i > start, i - start <= 3 else { return nil }
                return Int(String(decoding: bytes[start..<i], as: UTF8.self))
            }
            guard let min = number(), i < bytes.count else { return nil }
            var max: Int? = min
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    max = nil
                } else {
                    guard let m = number(), m >= min else { return nil }
                    max = m
                }
            }
            guard i < bytes.count, bytes[i] == UInt8(ascii: "}"), min <= ASCIIPatternParser.maxCount,
                (max ?? 0) <= ASCIIPatternParser.maxCount
            else { return nil }
            position = i + 1
            return (min, max)
        }
    }
}
