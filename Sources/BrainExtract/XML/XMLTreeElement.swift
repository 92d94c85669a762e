import Foundation

/// An element of a parsed XML document, with names resolved to short namespace keys.
///
/// `key` is `<short prefix>:<local name>` where the short prefix is fixed per namespace URI
/// (see `XMLNamespaces`), so `w:p` matches a WordprocessingML paragraph whatever prefix the
/// file used; elements in unknown namespaces keep the URI as their prefix.
public struct XMLTreeElement: Sendable, Equatable {
    public var key: String
    public var attributes: [String: String]
    public var children: [XMLTreeNode]

    public init(key: String, attributes: [String: String] = [:], children: [XMLTreeNode] = []) {
        self.key = key
        self.attributes = attributes
        self.children = children
    }

    /// The first child element with this key.
    public func child(_ key: String) -> XMLTreeElement? {
        for case .element(let element) in children where element.key == key { return element }
        return nil
    }

    /// All child elements, in order.
    public var elements: [XMLTreeElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// All character data below this element, concatenated.
    public var allText: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let text): out += text
            case .element(let element): element.appendText(to: &out)
            }
        }
    }
}

/// A child of an element: another element or character data.
public enum XMLTreeNode: Sendable, Equatable {
    case element(XMLTreeElement)
    case text(String)
}
