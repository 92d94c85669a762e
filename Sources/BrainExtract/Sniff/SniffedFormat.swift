/// What a file's first bytes say it is, decided by content and never by file name.
public enum SniffedFormat: Sendable, Equatable {
    case pdf
    /// A ZIP container; the ZIP reader tells DOCX, ODT and the rest apart.
    case zip
    /// An OLE2 compound file with a WordDocument stream (Word 97-2003 and older).
    case doc
    case rtf
    case html
    case text
    /// No bytes at all.
    case empty
    /// A kind brain does not read, named by its media type, with the reason for a person.
    case unsupported(kind: String, reason: String)
}
