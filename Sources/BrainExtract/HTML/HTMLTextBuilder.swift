import Foundation

/// Lays out HTML tokens as plain text, the way a browser's `innerText` would.
struct HTMLTextBuilder {
    private struct OpenElement {
        var name: String
        var hides: Bool
        var isPre: Bool
    }

    private let maxDepth: Int
    private var stack: [OpenElement] = []
    private var hiddenDepth = 0
    private var preDepth = 0
    private var output = String.UnicodeScalarView()
    private var atLineStart = true
    private var pendingSpace = false
    private var cellsInRow = 0
    private var justOpenedPre = false
    /// Open lists, innermost last: nil for bulleted, the last number used for numbered ones.
    private var lists: [Int?] = []

    init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    var text: String { String(output) }

    mutating func consume(_ token: HTMLToken) throws(ExtractionError) {
        switch token {
        case .text(let text):
            guard !text.isEmpty else { return }
            addText(text)
        case .startTag(let name, let attributes, let selfClosing):
            try start(name, attributes: attributes, selfClosing: selfClosing)
        case .endTag(let name):
            end(name)
        }
    }

    private mutating func start(_ name: String, attributes: [String: String], selfClosing: Bool) throws(ExtractionError) {
        justOpenedPre = false
        if HTMLLayout.closesParagraph.contains(name), stack.last?.name == "p" { popTo(stack.count - 1) }
        if let rule = HTMLLayout.impliedEnds[name] {
            var position = stack.count - 1
            while position >= 0, !rule.stopsAt.contains(stack[position].name) {
                if rule.closes.contains(stack[position].name) {
                    popTo(position)
                    break
                }
                position -= 1
            }
        }
        let hides = HTMLLayout.skipped.contains(name) || HTMLLayout.isHidden(attributes)
        let visible = hiddenDepth == 0 && !hides
        if visible { openBehaviour(name) }
        if visible { listMarker(name, attributes: attributes) }
        if HTMLLayout.void.contains(name) || (selfClosing && !HTMLLayout.skipped.contains(name)) {
            if visible { closeBehaviour(name) }
            return
        }
        guard stack.count < maxDepth else { throw .limitExceeded(what: "HTML nesting depth", limit: maxDepth) }
        if name == "ul" || name == "ol" || name == "menu" || name == "dir" {
            lists.append(name == "ol" ? (attributes["start"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 1) &- 1 : nil)
        }
        stack.append(OpenElement(name: name, hides: hides, isPre: name == "pre" || name == "textarea" || name == "listing"))
        if hides { hiddenDepth += 1 }
        if stack[stack.count - 1].isPre {
            preDepth += 1
            justOpenedPre = true
        }
    }

    private mutating func end(_ name: String) {
        justOpenedPre = false
        if name == "br" {
            if hiddenDepth == 0 { lineBreak() }
            return
        }
        var position = stack.count - 1
        while position >= 0 {
            if stack[position].name == name {
                popTo(position)
                return
            }
            position -= 1
        }
        if name == "p", hiddenDepth == 0 { blockBoundary() }
    }

    /// Closes the open elements from the top of the stack down to and including `position`.
    private mutating func popTo(_ position: Int) {
        while stack.count > position, let element = stack.popLast() {
            if element.hides { hiddenDepth -= 1 }
            if element.isPre { preDepth -= 1 }
            if ["ul", "ol", "menu", "dir"].contains(element.name), !lists.isEmpty { lists.removeLast() }
            if hiddenDepth == 0 && !element.hides { closeBehaviour(element.name) }
        }
    }

    /// List items start with their bullet or number, as word processors show them.
    private mutating func listMarker(_ name: String, attributes: [String: String]) {
        guard name == "li" else { return }
        guard let innermost = lists.last else { return addText("\u{2022} ") }
        guard var number = innermost else { return addText("\u{2022} ") }
        number = attributes["value"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? number &+ 1
        lists[lists.count - 1] = number
        addText("\(number). ")
    }

    private mutating func openBehaviour(_ name: String) {
        switch name {
        case "br": break
        case "td", "th":
            if cellsInRow > 0 { tab() } else { blockBoundary() }
            cellsInRow += 1
        case "tr":
            blockBoundary()
            cellsInRow = 0
        default:
            if HTMLLayout.blocks.contains(name) { blockBoundary() }
        }
    }

    private mutating func closeBehaviour(_ name: String) {
        switch name {
        case "br": lineBreak()
        case "tr", "table":
            blockBoundary()
            cellsInRow = 0
        default:
            if HTMLLayout.blocks.contains(name) { blockBoundary() }
        }
    }

    private mutating func addText(_ text: String) {
        guard hiddenDepth == 0 else { return }
        if preDepth > 0 {
            var scalars = Substring(text).unicodeScalars[...]
            if justOpenedPre, scalars.first == "\n" { scalars = scalars.dropFirst() }
            justOpenedPre = false
            if pendingSpace && !atLineStart { output.append(" ") }
            pendingSpace = false
            for scalar in scalars where scalar != "\r" {
                output.append(scalar)
                atLineStart = scalar == "\n"
            }
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\n", "\r", "\u{0C}":
                pendingSpace = true
            default:
                if pendingSpace && !atLineStart { output.append(" ") }
                pendingSpace = false
                output.append(scalar)
                atLineStart = false
            }
        }
    }

    private mutating func lineBreak() {
        output.append("\n")
        atLineStart = true
        pendingSpace = false
    }

    private mutating func blockBoundary() {
        if !atLineStart { lineBreak() }
        pendingSpace = false
    }

    private mutating func tab() {
        output.append("\t")
        atLineStart = false
        pendingSpace = false
    }
}
