/// One PDF object as parsed from a file or a content stream.
indirect enum PDFObject: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case real(Double)
    case string([UInt8])
    case name(String)
    case array([PDFObject])
    case dict(PDFDict)
    case ref(Int, Int)
    case stream(PDFStream)

    var int: Int? {
        switch self {
        case .int(let v): return v
        case .real(let v): return v.isFinite && abs(v) < 1e15 ? Int(v) : nil
        default: return nil
        }
    }

    var number: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .real(let v): return v.isFinite ? v : nil
        default: return nil
        }
    }

    var name: String? { if case .name(let n) = self { return n } else { return nil } }
    var string: [UInt8]? { if case .string(let s) = self { return s } else { return nil } }
    var array: [PDFObject]? { if case .array(let a) = self { return a } else { return nil } }

    /// The dictionary of a dictionary or of a stream.
    var dict: PDFDict? {
        switch self {
        case .dict(let d): return d
        case .stream(let s): return s.dict
        default: return nil
        }
    }

    var stream: PDFStream? { if case .stream(let s) = self { return s } else { return nil } }
}

/// A PDF dictionary; later duplicate keys are ignored (the first one wins, like most readers).
struct PDFDict: Sendable {
    var entries: [String: PDFObject] = [:]

    subscript(key: String) -> PDFObject? { entries[key] }
}

/// A stream: its dictionary and its raw (still encoded, already decrypted) bytes.
struct PDFStream: Sendable {
    var dict: PDFDict
    var data: [UInt8]
}
