import BrainCore

/// Whether a structured answer met its schema, as stored on the job's result.
public enum OutputVerdict: Sendable, Equatable {
    /// The first answer was valid (after normalisation).
    case valid(JSONValue)
    /// The first answer was invalid and the one repair answer was valid.
    case repaired(JSONValue)
    /// No valid document; `parsed` is the normalised JSON when some was found.
    case invalid(errors: [String], parsed: JSONValue?)

    /// `valid`, `repaired` or `invalid`.
    public var label: String {
        switch self {
        case .valid: return "valid"
        case .repaired: return "repaired"
        case .invalid: return "invalid"
        }
    }

    /// The validation errors (empty unless invalid).
    public var errors: [String] {
        if case .invalid(let errors, _) = self { return errors }
        return []
    }

    /// The document to keep: the valid one, or the best invalid attempt.
    public var document: JSONValue? {
        switch self {
        case .valid(let v), .repaired(let v): return v
        case .invalid(_, let parsed): return parsed
        }
    }

    /// Whether the result may be used (valid or repaired).
    public var isAccepted: Bool {
        if case .invalid = self { return false }
        return true
    }

    /// `{"verdict": "invalid", "errors": ["..."]}` for the result record.
    public var record: JSONValue {
        .object(["verdict": .string(label), "errors": .array(errors.map(JSONValue.string))])
    }
}

/// A verdict with how it was reached: where the JSON was and what normalisation changed.
public struct OutputCheck: Sendable, Equatable {
    public var verdict: OutputVerdict
    /// Where the JSON was found in the answer; nil when none was.
    public var location: JSONLocation?
    /// Normalisation edits applied before validation.
    public var changes: [NormalizationChange]

    public init(verdict: OutputVerdict, location: JSONLocation?, changes: [NormalizationChange]) {
        self.verdict = verdict
        self.location = location
        self.changes = changes
    }
}
