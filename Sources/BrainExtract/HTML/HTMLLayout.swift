/// Which elements break lines, hide their content or contain no children.
enum HTMLLayout {
    static let blocks: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "optgroup", "option", "p",
        "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "caption", "ul", "listing", "xmp",
        "textarea", "plaintext",
    ]

    /// Elements whose content a reader never sees.
    static let skipped: Set<String> = [
        "head", "script", "style", "template", "noscript", "title", "iframe", "noembed", "noframes", "datalist",
    ]

    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame",
    ]

    /// Start tags that close an open `p` element.
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt",
    ]

    /// For an element that closes an earlier open one of its kind: the kinds closed, and where the search stops.
    static let impliedEnds: [String: (closes: Set<String>, stopsAt: Set<String>)] = [
        "li": (["li"], ["ul", "ol", "menu", "dir", "table"]),
        "dt": (["dt", "dd"], ["dl", "table"]),
        "dd": (["dt", "dd"], ["dl", "table"]),
        "td": (["td", "th"], ["tr", "table"]),
        "th": (["td", "th"], ["tr", "table"]),
        "tr": (["tr", "td", "th"], ["table"]),
        "tbody": (["tbody", "thead", "tfoot", "tr", "td", "th"], ["table"]),
        "thead": (["tbody", "thead", "tfoot", "tr", "td", "th"], ["table"]),
        "tfoot": (["tbody", "thead", "tfoot", "tr", "td", "th"], ["table"]),
        "option": (["option"], ["select", "datalist", "optgroup"]),
        "body": (["head"], []),
    ]

    /// Whether the element's own attributes hide it: `hidden`, or an inline style with
    /// `display:none` or `visibility:hidden` (`aria-hidden` only hides from screen readers).
    static func isHidden(_ attributes: [String: String]) -> Bool {
        if attributes["hidden"] != nil { return true }
        guard let style = attributes["style"] else { return false }
        let compact = String(style.lowercased().unicodeScalars.filter { $0 != " " && $0 != "\t" && $0 != "\n" && $0 != "\r" })
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }
}
