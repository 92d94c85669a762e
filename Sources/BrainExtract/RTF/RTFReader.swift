import Foundation

/// A streaming RTF interpreter: groups, control words and text, with just the state text needs.
struct RTFReader {
    /// Formatting state saved and restored by `{` and `}`.
    private struct GroupState {
        var skipping = false
        var unicodeSkip = 1
        var codePage = CodePage.windows1252
        var hidden = false
        var inFontTable = false
        var objectResultAllowed = false
    }

    private let bytes: [UInt8]
    private let maxDepth: Int
    private let deadline: Deadline
    private var position = 0
    private var state = GroupState()
    private var stack: [GroupState] = []
    private var output = String.UnicodeScalarView()
    private var pendingBytes: [UInt8] = []
    private var pendingHighSurrogate: UInt16?
    private var skipCount = 0
    private var groupJustOpened = false
    private var documentCodePage = CodePage.windows1252
    private var fontCodePages: [Int: CodePage] = [:]
    private var currentFont: Int?
    private var defaultFont: Int?
    /// The page count the document's `\info` group states (`\nofpages`).
    private(set) var statedPageCount: Int?
    private(set) var warnings: Set<String> = []

    init(_ data: Data, maxDepth: Int, deadline: Deadline) {
        bytes = [UInt8](data)
        self.maxDepth = maxDepth
        self.deadline = deadline
    }

    var codePageLabel: String { documentCodePage.label }

    mutating func read() throws(ExtractionError) -> String {
        var steps = 0
        while position < bytes.count {
            steps &+= 1
            if steps & 0xFFF == 0 { try deadline.check() }
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "{"):
                flushBytes()
                guard stack.count < maxDepth else { throw .limitExceeded(what: "RTF group nesting depth", limit: maxDepth) }
                stack.append(state)
                skipCount = 0
                groupJustOpened = true
                continue
            case UInt8(ascii: "}"):
                flushBytes()
                if let saved = stack.popLast() {
                    let leftFontTable = state.inFontTable && !saved.inFontTable
                    state = saved
                    if leftFontTable { state.codePage = defaultCodePage }
                }
                skipCount = 0
            case UInt8(ascii: "\\"):
                try controlSequence()
            case 0x0D, 0x0A:
                continue
            default:
                if skipCount > 0 {
                    skipCount -= 1
                } else {
                    emitByte(byte)
                }
            }
            groupJustOpened = false
        }
        flushBytes()
        return String(output)
    }

    private mutating func controlSequence() throws(ExtractionError) {
        guard position < bytes.count else { return }
        let first = bytes[position]
        if isLetter(first) {
            var word = ""
            while position < bytes.count, isLetter(bytes[position]), word.utf8.count < 32 {
                word.unicodeScalars.append(Unicode.Scalar(bytes[position]))
                position += 1
            }
            var parameter: Int?
            var negative = false
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
                negative = true
                position += 1
            }
            var digits = 0
            var value = 0
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                if digits < 10 { value = value * 10 + Int(bytes[position] - 0x30) }
                digits += 1
                position += 1
            }
            if digits > 0 { parameter = negative ? -value : value }
            if position < bytes.count, bytes[position] == 0x20 { position += 1 }
            try controlWord(word, parameter)
            return
        }
        position += 1
        switch first {
        case UInt8(ascii: "'"):
            guard position + 1 < bytes.count, let high = hexValue(bytes[position]), let low = hexValue(bytes[position + 1]) else { return }
            position += 2
            if skipCount > 0 { skipCount -= 1 } else { emitByte(high << 4 | low) }
        case UInt8(ascii: "*"):
            if groupJustOpened { state.skipping = true }
            return
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            if skipCount > 0 { skipCount -= 1 } else { emitByte(first) }
        case UInt8(ascii: "~"): emitText("\u{00A0}")
        case UInt8(ascii: "_"): emitText("\u{2011}")
        case 0x0A, 0x0D: emitText("\n")
        default: break // \- optional hyphen, \| \: and other symbols carry no text
        }
        groupJustOpened = false
    }

    private mutating func controlWord(_ word: String, _ parameter: Int?) throws(ExtractionError) {
        groupJustOpened = false
        if skipCount > 0 && word != "bin" {
            skipCount -= 1
            return
        }
        switch word {
        case "u":
            guard let parameter else { return }
            emitUnicode(UInt16(truncatingIfNeeded: parameter < 0 ? parameter + 65536 : parameter))
            skipCount = state.unicodeSkip
        case "uc":
            state.unicodeSkip = max(0, min(parameter ?? 1, 16))
        case "bin":
            flushBytes()
            let count = max(0, parameter ?? 0)
            position = count > bytes.count - position ? bytes.count : position + count
        case "ansicpg":
            if let parameter {
                let page = CodePage(number: parameter)
                if !page.isSupported && parameter != 0 { warnings.insert("code page \(parameter) is not supported; read as Windows-1252") }
                documentCodePage = page.isSupported ? page : .windows1252
                state.codePage = documentCodePage
            }
        case "mac", "pc", "pca":
            documentCodePage = CodePage(number: word == "mac" ? 10000 : word == "pc" ? 437 : 850)
            state.codePage = documentCodePage
        case "f":
            guard let parameter else { return }
            if state.inFontTable {
                currentFont = parameter
            } else {
                flushBytes()
                state.codePage = fontCodePages[parameter] ?? documentCodePage
            }
        case "fcharset":
            if state.inFontTable, let font = currentFont, let parameter, let page = CodePage.forCharset(parameter) {
                fontCodePages[font] = page
            }
        case "cpg":
            if state.inFontTable, let font = currentFont, let parameter, CodePage(number: parameter).isSupported {
                fontCodePages[font] = CodePage(number: parameter)
            }
        case "fonttbl":
            state.inFontTable = true
            state.skipping = true
        case "v":
            state.hidden = (parameter ?? 1) != 0
        case "object":
            state.skipping = true
            state.objectResultAllowed = true
        case "result":
            if state.objectResultAllowed {
                state.skipping = false
                state.objectResultAllowed = false
            }
        case "plain":
            flushBytes()
            state.hidden = false
            state.codePage = defaultCodePage
        case "deff":
            defaultFont = parameter
        case "nofpages":
            if let parameter, parameter > 0 { statedPageCount = parameter }
        default:
            if RTFDestinations.skipped.contains(word) {
                state.skipping = true
            } else if let text = RTFDestinations.characters[word] {
                emitText(text)
            }
        }
    }

    /// The code page of the default font, else the document's.
    private var defaultCodePage: CodePage {
        defaultFont.flatMap { fontCodePages[$0] } ?? documentCodePage
    }

    private var writing: Bool { !state.skipping && !state.hidden }

    private mutating func emitByte(_ byte: UInt8) {
        guard writing else { return }
        if pendingHighSurrogate != nil { flushSurrogate() }
        pendingBytes.append(byte)
    }

    private mutating func emitText(_ text: String) {
        guard writing else { return }
        flushBytes()
        for scalar in text.unicodeScalars { output.append(scalar) }
    }

    private mutating func emitUnicode(_ unit: UInt16) {
        guard writing else { return }
        flushBytes()
        if (0xD800..<0xDC00).contains(unit) {
            flushSurrogate()
            pendingHighSurrogate = unit
            return
        }
        if (0xDC00..<0xE000).contains(unit) {
            if let high = pendingHighSurrogate {
                let value = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                output.append(Unicode.Scalar(value) ?? "\u{FFFD}")
                pendingHighSurrogate = nil
            } else {
                output.append("\u{FFFD}")
            }
            return
        }
        flushSurrogate()
        if (0xF021..<0xF100).contains(unit) {
            output.append("\u{2022}") // Symbol/Wingdings glyphs, almost always bullets
        } else {
            output.append(Unicode.Scalar(UInt32(unit)) ?? "\u{FFFD}")
        }
    }

    private mutating func flushSurrogate() {
        if pendingHighSurrogate != nil { output.append("\u{FFFD}") }
        pendingHighSurrogate = nil
    }

    private mutating func flushBytes() {
        guard !pendingBytes.isEmpty else { return }
        for scalar in state.codePage.decode(pendingBytes).unicodeScalars { output.append(scalar) }
        pendingBytes.removeAll(keepingCapacity: true)
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    private func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x61...0x66: return byte - 0x61 + 10
        case 0x41...0x46: return byte - 0x41 + 10
        default: return nil
        }
    }
}
