import BrainCore

extension Double {
    /// ISO 8601 for epoch times a person can read; a stored time out of any sane range (a
    /// hand-edited row, a garbled setting) prints as such instead of trapping.
    var printableTime: String {
        isFinite && abs(self) < 1e13 ? iso8601 : "an unknown time"
    }
}
