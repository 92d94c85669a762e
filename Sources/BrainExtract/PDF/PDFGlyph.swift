/// One shown glyph in page space, already rotated so that its baseline runs along +x.
struct PDFGlyph {
    var x: Double
    var y: Double
    /// The advance along the baseline (without character and word spacing).
    var width: Double
    var size: Double
    var text: String
    /// Baseline direction in quarter turns (0 = left to right on the page).
    var direction: UInt8
    var isSpace: Bool
    /// Order in the content stream.
    var sequence: Int
}
