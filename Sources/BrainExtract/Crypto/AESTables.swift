/// The AES S-boxes and round tables (FIPS 197), computed once from the field arithmetic.
///
/// `encrypt[x]` holds the column `(2·S[x], S[x], S[x], 3·S[x])` big-endian and `decrypt[x]` holds
/// `(14·Si[x], 9·Si[x], 13·Si[x], 11·Si[x])`; entries `256·t + x` for t in 1...3 are the same
/// rotated right by `8·t` bits, so one table serves all four byte positions.
struct AESTables: Sendable {
    let sbox: [UInt8]
    let inverseSbox: [UInt8]
    let encrypt: [UInt32]
    let decrypt: [UInt32]

    static let shared = AESTables()

    private init() {
        var exp = [UInt8](repeating: 0, count: 256)
        var log = [Int](repeating: 0, count: 256)
        var value: UInt8 = 1
        for power in 0..<255 {
            exp[power] = value
            log[Int(value)] = power
            value ^= Self.times2(value)  // multiply by the generator 3
        }
        func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            a == 0 || b == 0 ? 0 : exp[(log[Int(a)] + log[Int(b)]) % 255]
        }
        var sbox = [UInt8](repeating: 0, count: 256)
        var inverse = [UInt8](repeating: 0, count: 256)
        for x in 0..<256 {
            let inv: UInt8 = x == 0 ? 0 : exp[(255 - log[x]) % 255]
            var s = inv ^ 0x63
            for shift in 1...4 { s ^= (inv << UInt8(shift)) | (inv >> UInt8(8 - shift)) }
            sbox[x] = s
            inverse[Int(s)] = UInt8(x)
        }
        func word(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8, _ b3: UInt8) -> UInt32 {
            UInt32(b0) << 24 | UInt32(b1) << 16 | UInt32(b2) << 8 | UInt32(b3)
        }
        func withRotations(_ table: [UInt32]) -> [UInt32] {
            var all = table
            for bits: UInt32 in [8, 16, 24] { all += table.map { ($0 >> bits) | ($0 << (32 - bits)) } }
            return all
        }
        let e0 = sbox.map { s in word(multiply(s, 2), s, s, multiply(s, 3)) }
        let d0 = inverse.map { s in word(multiply(s, 14), multiply(s, 9), multiply(s, 13), multiply(s, 11)) }
        self.sbox = sbox
        self.inverseSbox = inverse
        encrypt = withRotations(e0)
        decrypt = withRotations(d0)
    }

    private static func times2(_ value: UInt8) -> UInt8 {
        (value << 1) ^ (value & 0x80 != 0 ? 0x1b : 0)
    }
}
