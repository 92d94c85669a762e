/// One lexical token of a template.
struct TemplateToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Literal text between tags (already whitespace-stripped where `-` asked for it).
        case data(String)
        case variableBegin, variableEnd, blockBegin, blockEnd
        case name(String)
        case string(String)
        case integer(Int)
        case float(Double)
        /// Punctuation and operators: `( ) [ ] { } , . : | ~ = + - * / // % == != < <= > >=`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var position: SourcePosition

    var symbol: String? { if case .symbol(let s) = kind { return s } else { return nil } }
    var name: String? { if case .name(let s) = kind { return s } else { return nil } }
}
