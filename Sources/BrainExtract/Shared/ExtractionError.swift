/// Why a document yielded no text. Each case reads as one clear sentence for a person.
public enum ExtractionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are a known kind that has no text to extract, e.g. `image/png`.
    case unsupported(kind: String, reason: String)
    /// The file claims a format but its structure is broken.
    case corrupt(format: DocumentFormat, detail: String)
    /// A safety limit was hit (input size, inflated bytes, ratio, entries, depth, objects, ...).
    case limitExceeded(what: String, limit: Int)
    /// The per-document time budget ran out.
    case timedOut(seconds: Double)
    /// Encrypted with a password we do not have, or with an unsupported scheme.
    case encrypted(detail: String)
    /// The file has pages but no text layer (needs OCR).
    case noTextLayer(pages: String)

    public var description: String {
        switch self {
        case .unsupported(let kind, let reason): return "\(kind): \(reason)"
        case .corrupt(let format, let detail): return "corrupt \(format.rawValue.uppercased()): \(detail)"
        case .limitExceeded(let what, let limit): return "refused: \(what) exceeds the limit of \(limit)"
        case .timedOut(let seconds): return "extraction took longer than the \(seconds)s budget"
        case .encrypted(let detail): return "encrypted: \(detail)"
        case .noTextLayer(let pages): return "no text layer on \(pages) (image-only; OCR is not supported yet)"
        }
    }

    /// A short class name for the documents table and JSON output.
    public var kind: String {
        switch self {
        case .unsupported: return "unsupported"
        case .corrupt: return "corrupt"
        case .limitExceeded: return "limit"
        case .timedOut: return "timeout"
        case .encrypted: return "encrypted"
        case .noTextLayer: return "no_text"
        }
    }
}
