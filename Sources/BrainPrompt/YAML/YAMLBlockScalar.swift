/// Literal (`|`) and folded (`>`) block scalars.
extension YAMLBlockParser {
    private enum Chomping { case clip, strip, keep }

    mutating func parseBlockScalar(header: String, parentIndent: Int) throws(YAMLError) -> String {
        let chars = Array(header)
        let folded = chars[0] == ">"
        var chomping = Chomping.clip
        var explicitIndent: Int?
        var i = 1
        while i < chars.count, chars[i] != " " && chars[i] != "\t" {
            switch chars[i] {
            case "-" where chomping == .clip: chomping = .strip
            case "+" where chomping == .clip: chomping = .keep
            case "1"..."9" where explicitIndent == nil: explicitIndent = chars[i].wholeNumberValue
            default: throw error("invalid block scalar header '\(header)'")
            }
            i += 1
        }
        let rest = String(chars[i...]).drop(while: { $0 == " " || $0 == "\t" })
        guard rest.isEmpty || rest.hasPrefix("#") else { throw error("text after a block scalar header") }
        index += 1

        let contentIndent: Int
        if let explicitIndent {
            contentIndent = max(parentIndent, 0) + explicitIndent
        } else {
            var probe = index
            while probe < lines.count, lines[probe].isEmpty { probe += 1 }
            contentIndent = probe < lines.count ? lines[probe].indent : parentIndent + 1
            if probe < lines.count, contentIndent > parentIndent,
                lines[index..<probe].contains(where: { $0.chars.count > contentIndent })
            {
                throw error("a leading blank line is indented more than the block's content", line: lines[probe].number)
            }
        }
        var content: [String] = []
        var lastLineIndex: Int?
        if contentIndent > parentIndent {
            while index < lines.count {
                let line = lines[index]
                if line.isEmpty {
                    content.append(line.chars.count > contentIndent ? String(line.chars[contentIndent...]) : "")
                } else if line.indent >= contentIndent {
                    content.append(String(line.chars[contentIndent...]))
                } else {
                    break
                }
                lastLineIndex = index
                index += 1
            }
        }
        var trailing = 0
        while let last = content.last, last.isEmpty { content.removeLast(); trailing += 1 }
        let hasFinalBreak = lastLineIndex.map { $0 < lines.count - 1 || endsWithNewline } ?? true
        var body = folded ? fold(content) : content.joined(separator: "\n")
        guard !content.isEmpty else {
            return chomping == .keep ? String(repeating: "\n", count: trailing) : ""
        }
        switch chomping {
        case .strip: break
        case .clip: if hasFinalBreak || trailing > 0 { body += "\n" }
        case .keep:
            body += (hasFinalBreak || trailing > 0 ? "\n" : "") + String(repeating: "\n", count: trailing)
        }
        return body
    }

    /// Folding of `>` content: breaks between plain lines become spaces, empty lines become
    /// newlines, and lines starting with white space keep their breaks.
    private func fold(_ lines: [String]) -> String {
        var out = ""
        var started = false
        var previousMoreIndented = false
        var pendingEmpty = 0
        for line in lines {
            if line.isEmpty { pendingEmpty += 1; continue }
            let moreIndented = line.first == " " || line.first == "\t"
            if !started {
                out += String(repeating: "\n", count: pendingEmpty)
            } else if previousMoreIndented || moreIndented {
                out += String(repeating: "\n", count: pendingEmpty + 1)
            } else {
                out += pendingEmpty == 0 ? " " : String(repeating: "\n", count: pendingEmpty)
            }
            out += line
            started = true
            pendingEmpty = 0
            previousMoreIndented = moreIndented
        }
        return out
    }
}
