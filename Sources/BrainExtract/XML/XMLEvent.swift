/// One step of an XML document as the pull reader sees it. Names keep their prefixes (`w:p`).
public enum XMLEvent: Sendable, Equatable {
    /// An opening tag; a self-closing tag is reported as `start` followed by `end`.
    case start(name: String, attributes: [XMLRawAttribute])
    case end(name: String)
    /// Character data (entities decoded) or a CDATA section.
    case text(String)
}

/// An attribute as written, its value with entities decoded.
public struct XMLRawAttribute: Sendable, Equatable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
