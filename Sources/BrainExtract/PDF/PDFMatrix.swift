/// An affine transform `[a b c d e f]` as PDF writes it (row vector times matrix).
struct PDFMatrix: Sendable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, e = 0.0, f = 0.0

    static let identity = PDFMatrix()

    init(a: Double = 1, b: Double = 0, c: Double = 0, d: Double = 1, e: Double = 0, f: Double = 0) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.e = e; self.f = f
    }

    /// From six operands; nil when any is missing or not finite.
    init?(_ values: [Double]) {
        guard values.count == 6, values.allSatisfy({ $0.isFinite }) else { return nil }
        self.init(a: values[0], b: values[1], c: values[2], d: values[3], e: values[4], f: values[5])
    }

    /// `self` applied first, then `other`.
    func concatenating(_ other: PDFMatrix) -> PDFMatrix {
        PDFMatrix(
            a: a * other.a + b * other.c, b: a * other.b + b * other.d,
            c: c * other.a + d * other.c, d: c * other.b + d * other.d,
            e: e * other.a + f * other.c + other.e, f: e * other.b + f * other.d + other.f)
    }

    @inline(__always) func apply(_ x: Double, _ y: Double) -> (Double, Double) {
        (x * a + y * c + e, x * b + y * d + f)
    }
}
