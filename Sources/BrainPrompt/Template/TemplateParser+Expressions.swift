/// Expression grammar, with Jinja's precedence from loosest to tightest:
/// `x if c else y`, `or`, `and`, `not`, comparisons and `in`, `+ -`, `~`, `* / // %`,
/// unary `-`, then postfix (`.a`, `[i]`, `.m()`) and filters/tests (`| f`, `is t`).
extension TemplateParser {
    mutating func parseExpression(allowConditional: Bool = true) throws(TemplateError) -> Expression {
        let start = current.position
        try enter(at: start)
        defer { depth -= 1 }
        let value = try parseOr()
        guard allowConditional, current.name == "if" else { return value }
        advance()
        let condition = try parseOr()
        var otherwise: Expression?
        if current.name == "else" {
            advance()
            otherwise = try parseExpression()
        }
        return Expression(kind: .conditional(condition: condition, then: value, otherwise: otherwise), position: start)
    }

    private mutating func parseOr() throws(TemplateError) -> Expression {
        var left = try parseAnd()
        while current.name == "or" {
            let position = current.position
            advance()
            left = Expression(kind: .or(left, try parseAnd()), position: position)
        }
        return left
    }

    private mutating func parseAnd() throws(TemplateError) -> Expression {
        var left = try parseNot()
        while current.name == "and" {
            let position = current.position
            advance()
            left = Expression(kind: .and(left, try parseNot()), position: position)
        }
        return left
    }

    private mutating func parseNot() throws(TemplateError) -> Expression {
        guard current.name == "not" else { return try parseCompare() }
        let position = current.position
        try enter(at: position)
        defer { depth -= 1 }
        advance()
        return Expression(kind: .not(try parseNot()), position: position)
    }

    private mutating func parseCompare() throws(TemplateError) -> Expression {
        let first = try parseBinary(level: 0)
        var chain: [(String, Expression)] = []
        while true {
            if let symbol = current.symbol, ["==", "!=", "<", "<=", ">", ">="].contains(symbol) {
                advance()
                chain.append((symbol, try parseBinary(level: 0)))
            } else if current.name == "in" {
                advance()
                chain.append(("in", try parseBinary(level: 0)))
            } else if current.name == "not", index + 1 < tokens.count, tokens[index + 1].name == "in" {
                advance()
                advance()
                chain.append(("not in", try parseBinary(level: 0)))
            } else {
                break
            }
        }
        return chain.isEmpty ? first : Expression(kind: .compare(first, chain), position: first.position)
    }

    private static let binaryLevels: [[String]] = [["+", "-"], ["~"], ["*", "/", "//", "%"]]

    private mutating func parseBinary(level: Int) throws(TemplateError) -> Expression {
        guard level < Self.binaryLevels.count else { return try parseUnary(withFilters: true) }
        var left = try parseBinary(level: level + 1)
        while let symbol = current.symbol, Self.binaryLevels[level].contains(symbol) {
            let position = current.position
            advance()
            left = Expression(kind: .arithmetic(symbol, left, try parseBinary(level: level + 1)), position: position)
        }
        return left
    }

    private mutating func parseUnary(withFilters: Bool) throws(TemplateError) -> Expression {
        let position = current.position
        try enter(at: position)
        defer { depth -= 1 }
        var node: Expression
        if current.symbol == "-" {
            advance()
            node = Expression(kind: .negate(try parseUnary(withFilters: false)), position: position)
        } else if current.symbol == "+" {
            advance()
            node = try parseUnary(withFilters: false)
        } else {
            node = try parsePrimary()
        }
        node = try parsePostfix(node)
        return withFilters ? try parseFilters(node) : node
    }

    private mutating func parsePrimary() throws(TemplateError) -> Expression {
        let token = current
        let position = token.position
        switch token.kind {
        case .name(let name):
            advance()
            switch name {
            case "true", "True": return Expression(kind: .literal(.bool(true)), position: position)
            case "false", "False": return Expression(kind: .literal(.bool(false)), position: position)
            case "none", "None": return Expression(kind: .literal(.none), position: position)
            default: return Expression(kind: .name(name), position: position)
            }
        case .string(var text):
            advance()
            while case .string(let more) = current.kind {
                text += more
                advance()
            }
            return Expression(kind: .literal(.string(text)), position: position)
        case .integer(let i):
            advance()
            return Expression(kind: .literal(.int(i)), position: position)
        case .float(let d):
            advance()
            return Expression(kind: .literal(.double(d)), position: position)
        case .symbol("("):
            advance()
            let inner = try parseExpression()
            try expectSymbol(")")
            return inner
        case .symbol("["):
            advance()
            var elements: [Expression] = []
            while current.symbol != "]" {
                elements.append(try parseExpression())
                guard current.symbol == "," else { break }
                advance()
            }
            try expectSymbol("]")
            return Expression(kind: .list(elements), position: position)
        case .symbol("{"):
            advance()
            var pairs: [(Expression, Expression)] = []
            while current.symbol != "}" {
                let key = try parseExpression()
                try expectSymbol(":")
                pairs.append((key, try parseExpression()))
                guard current.symbol == "," else { break }
                advance()
            }
            try expectSymbol("}")
            return Expression(kind: .dict(pairs), position: position)
        default:
            throw error("expected an expression, found \(describe(token))", at: position)
        }
    }

    private mutating func parsePostfix(_ base: Expression) throws(TemplateError) -> Expression {
        var node = base
        while true {
            let position = current.position
            if current.symbol == "." {
                advance()
                if case .integer(let i) = current.kind {
                    advance()
                    node = Expression(kind: .item(node, Expression(kind: .literal(.int(i)), position: position)), position: position)
                } else {
                    let name = try expectName()
                    if current.symbol == "(" {
                        node = Expression(kind: .methodCall(node, name: name, arguments: try parseArguments()), position: position)
                    } else {
                        node = Expression(kind: .attribute(node, name), position: position)
                    }
                }
            } else if current.symbol == "[" {
                advance()
                let key = try parseExpression()
                if current.symbol == ":" { throw error("slices are not supported", at: current.position) }
                try expectSymbol("]")
                node = Expression(kind: .item(node, key), position: position)
            } else if current.symbol == "(" {
                throw error("calling functions is not supported (only methods such as d.items())", at: position)
            } else {
                return node
            }
        }
    }

    private mutating func parseFilters(_ base: Expression) throws(TemplateError) -> Expression {
        var node = base
        while true {
            let position = current.position
            if current.symbol == "|" {
                advance()
                let namePosition = current.position
                let name = try expectName()
                guard TemplateBuiltins.filters.contains(name) else { throw error("unknown filter '\(name)'", at: namePosition) }
                let arguments = current.symbol == "(" ? try parseArguments() : Arguments()
                node = Expression(kind: .filter(node, name: name, arguments: arguments), position: position)
                node = try parsePostfix(node)
            } else if current.name == "is" {
                advance()
                var negated = false
                if current.name == "not" { negated = true; advance() }
                let namePosition = current.position
                let name = try expectName()
                guard TemplateBuiltins.tests.contains(name) else { throw error("unknown test '\(name)'", at: namePosition) }
                let arguments = current.symbol == "(" ? try parseArguments() : Arguments()
                node = Expression(kind: .test(node, name: name, arguments: arguments, negated: negated), position: position)
            } else {
                return node
            }
        }
    }

    private mutating func parseArguments() throws(TemplateError) -> Arguments {
        try expectSymbol("(")
        var arguments = Arguments()
        while current.symbol != ")" {
            if let name = current.name, index + 1 < tokens.count, tokens[index + 1].symbol == "=" {
                advance()
                advance()
                arguments.keyword.append((name, try parseExpression()))
            } else {
                if !arguments.keyword.isEmpty { throw error("positional argument after a keyword argument", at: current.position) }
                arguments.positional.append(try parseExpression())
            }
            guard current.symbol == "," else { break }
            advance()
        }
        try expectSymbol(")")
        return arguments
    }
}
