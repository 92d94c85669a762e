/// An expression of the template language, with where it starts in the source.
struct Expression: Sendable {
    indirect enum Kind: Sendable {
        case literal(TemplateValue)
        case name(String)
        case attribute(Expression, String)
        case item(Expression, Expression)
        case list([Expression])
        case dict([(Expression, Expression)])
        case filter(Expression, name: String, arguments: Arguments)
        case test(Expression, name: String, arguments: Arguments, negated: Bool)
        case methodCall(Expression, name: String, arguments: Arguments)
        case not(Expression)
        case negate(Expression)
        case and(Expression, Expression)
        case or(Expression, Expression)
        /// A comparison chain: `a < b <= c` is `[("<", b), ("<=", c)]` after `a`.
        case compare(Expression, [(String, Expression)])
        /// `+ - * / // % ~`.
        case arithmetic(String, Expression, Expression)
        /// `then if condition else otherwise` (without `else`, a false condition gives empty text).
        case conditional(condition: Expression, then: Expression, otherwise: Expression?)
    }

    var kind: Kind
    var position: SourcePosition
}

/// Positional and keyword arguments of a filter, test or method call.
struct Arguments: Sendable {
    var positional: [Expression] = []
    var keyword: [(String, Expression)] = []
}

/// A statement of the template language.
indirect enum TemplateNode: Sendable {
    case text(String, SourcePosition)
    case output(Expression)
    case conditional(branches: [(condition: Expression, body: [TemplateNode])], otherwise: [TemplateNode]?)
    case loop(targets: [String], iterable: Expression, body: [TemplateNode], otherwise: [TemplateNode]?, position: SourcePosition)
    case assign(targets: [String], value: Expression, position: SourcePosition)
}
