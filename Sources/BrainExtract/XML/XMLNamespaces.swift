/// The short, fixed prefixes that element and attribute keys use for known namespace URIs.
enum XMLNamespaces {
    static let known: [String: String] = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main": "w",
        "http://purl.oclc.org/ooxml/wordprocessingml/main": "w",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
        "http://purl.oclc.org/ooxml/officeDocument/relationships": "r",
        "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
        "http://schemas.openxmlformats.org/package/2006/relationships": "rel",
        "http://schemas.openxmlformats.org/package/2006/content-types": "ct",
        "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties": "ep",
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties": "ep",
        "urn:schemas-microsoft-com:vml": "v",
        "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
        "urn:oasis:names:tc:opendocument:xmlns:office:1.0": "office",
        "urn:oasis:names:tc:opendocument:xmlns:text:1.0": "text",
        "urn:oasis:names:tc:opendocument:xmlns:table:1.0": "table",
        "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0": "draw",
        "urn:oasis:names:tc:opendocument:xmlns:style:1.0": "style",
        "urn:oasis:names:tc:opendocument:xmlns:meta:1.0": "meta",
        "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0": "svg",
        "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0": "manifest",
        "http://www.w3.org/XML/1998/namespace": "xml",
    ]

    /// The short prefix for a namespace URI (the URI itself when unknown, empty for no namespace).
    static func short(_ uri: String) -> String { known[uri] ?? uri }
}
