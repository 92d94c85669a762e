/// Turns tokens into statements; expressions are parsed in `TemplateParser+Expressions.swift`.
struct TemplateParser {
    let templateName: String
    let maxDepth: Int
    var tokens: [TemplateToken]
    var index = 0
    var depth = 0

    static func parse(_ source: String, templateName: String, maxDepth: Int) throws(TemplateError) -> [TemplateNode] {
        let tokens = try TemplateLexer.tokenize(source, templateName: templateName)
        var parser = TemplateParser(templateName: templateName, maxDepth: maxDepth, tokens: tokens)
        let (nodes, terminator) = try parser.parseBody(until: [])
        if let terminator {
            throw parser.error("unexpected '\(terminator.name)'", at: terminator.position)
        }
        return nodes
    }

    var current: TemplateToken { tokens[min(index, tokens.count - 1)] }

    mutating func advance() { if index < tokens.count - 1 { index += 1 } }

    func error(_ message: String, at position: SourcePosition) -> TemplateError {
        TemplateError(.syntax, template: templateName, line: position.line, column: position.column, message: message)
    }

    mutating func enter(at position: SourcePosition) throws(TemplateError) {
        depth += 1
        if depth > maxDepth { throw TemplateError(.limit, template: templateName, line: position.line, column: position.column, message: "nesting deeper than \(maxDepth) levels") }
    }

    mutating func expectSymbol(_ symbol: String) throws(TemplateError) {
        guard current.symbol == symbol else { throw error("expected '\(symbol)', found \(describe(current))", at: current.position) }
        advance()
    }

    mutating func expectName() throws(TemplateError) -> String {
        guard let name = current.name else { throw error("expected a name, found \(describe(current))", at: current.position) }
        advance()
        return name
    }

    mutating func expectBlockEnd() throws(TemplateError) {
        guard current.kind == .blockEnd else { throw error("expected '%}', found \(describe(current))", at: current.position) }
        advance()
    }

    func describe(_ token: TemplateToken) -> String {
        switch token.kind {
        case .data: return "text"
        case .variableBegin: return "'{{'"
        case .variableEnd: return "'}}'"
        case .blockBegin: return "'{%'"
        case .blockEnd: return "'%}'"
        case .name(let n): return "'\(n)'"
        case .string: return "a string"
        case .integer, .float: return "a number"
        case .symbol(let s): return "'\(s)'"
        case .end: return "the end of the template"
        }
    }

    /// A block tag that ended a body: its keyword and where it started.
    struct Terminator {
        var name: String
        var position: SourcePosition
    }

    /// Parses statements until one of `terminators` opens a block tag (the tag's keyword is
    /// consumed, its remaining tokens are not) or the template ends.
    mutating func parseBody(until terminators: Set<String>) throws(TemplateError) -> ([TemplateNode], Terminator?) {
        var nodes: [TemplateNode] = []
        while true {
            let token = current
            switch token.kind {
            case .end:
                return (nodes, nil)
            case .data(let text):
                nodes.append(.text(text, token.position))
                advance()
            case .variableBegin:
                advance()
                let expression = try parseExpression()
                guard current.kind == .variableEnd else { throw error("expected '}}', found \(describe(current))", at: current.position) }
                advance()
                nodes.append(.output(expression))
            case .blockBegin:
                advance()
                let keywordPosition = current.position
                let keyword = try expectName()
                if terminators.contains(keyword) { return (nodes, Terminator(name: keyword, position: keywordPosition)) }
                switch keyword {
                case "if": nodes.append(try parseIf(at: keywordPosition))
                case "for": nodes.append(try parseFor(at: keywordPosition))
                case "set": nodes.append(try parseSet(at: keywordPosition))
                case "elif", "else", "endif", "endfor", "endset":
                    throw error("unexpected '\(keyword)'", at: keywordPosition)
                default:
                    throw error("unknown tag '\(keyword)'", at: keywordPosition)
                }
            default:
                throw error("unexpected \(describe(token))", at: token.position)
            }
        }
    }

    private mutating func parseIf(at position: SourcePosition) throws(TemplateError) -> TemplateNode {
        try enter(at: position)
        defer { depth -= 1 }
        var branches: [(condition: Expression, body: [TemplateNode])] = []
        var condition = try parseExpression()
        while true {
            try expectBlockEnd()
            let (body, terminator) = try parseBody(until: ["elif", "else", "endif"])
            branches.append((condition, body))
            guard let terminator else { throw error("missing 'endif' for the 'if' opened here", at: position) }
            switch terminator.name {
            case "elif":
                condition = try parseExpression()
            case "else":
                try expectBlockEnd()
                let (otherwise, end) = try parseBody(until: ["endif"])
                guard end != nil else { throw error("missing 'endif' for the 'if' opened here", at: position) }
                try expectBlockEnd()
                return .conditional(branches: branches, otherwise: otherwise)
            default:
                try expectBlockEnd()
                return .conditional(branches: branches, otherwise: nil)
            }
        }
    }

    private mutating func parseTargets() throws(TemplateError) -> [String] {
        var targets = [try expectName()]
        while current.symbol == "," {
            advance()
            targets.append(try expectName())
        }
        return targets
    }

    private mutating func parseFor(at position: SourcePosition) throws(TemplateError) -> TemplateNode {
        try enter(at: position)
        defer { depth -= 1 }
        let targets = try parseTargets()
        guard current.name == "in" else { throw error("expected 'in', found \(describe(current))", at: current.position) }
        advance()
        let iterable = try parseExpression(allowConditional: false)
        try expectBlockEnd()
        let (body, terminator) = try parseBody(until: ["else", "endfor"])
        guard let terminator else { throw error("missing 'endfor' for the 'for' opened here", at: position) }
        try expectBlockEnd()
        guard terminator.name == "else" else {
            return .loop(targets: targets, iterable: iterable, body: body, otherwise: nil, position: position)
        }
        let (otherwise, end) = try parseBody(until: ["endfor"])
        guard end != nil else { throw error("missing 'endfor' for the 'for' opened here", at: position) }
        try expectBlockEnd()
        return .loop(targets: targets, iterable: iterable, body: body, otherwise: otherwise, position: position)
    }

    private mutating func parseSet(at position: SourcePosition) throws(TemplateError) -> TemplateNode {
        let targets = try parseTargets()
        guard current.symbol == "=" else {
            throw error("expected '=' in 'set' (block 'set' is not supported)", at: current.position)
        }
        advance()
        let value = try parseExpression()
        try expectBlockEnd()
        return .assign(targets: targets, value: value, position: position)
    }
}
