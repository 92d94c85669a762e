/// One piece of an HTML document as the tokenizer sees it.
enum HTMLToken: Equatable {
    /// Character data with entities already decoded.
    case text(String)
    /// A start tag; the name and attribute names are lower-case, attribute values are decoded.
    case startTag(name: String, attributes: [String: String], selfClosing: Bool)
    case endTag(name: String)
}
