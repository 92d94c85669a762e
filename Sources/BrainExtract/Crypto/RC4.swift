/// The RC4 stream cipher. Encryption and decryption are the same operation.
struct RC4 {
    private var permutation: [UInt8]
    private var i: UInt8 = 0
    private var j: UInt8 = 0

    /// A cipher keyed with `key` (1 to 256 bytes; an empty key acts as the single byte 0).
    init(key: [UInt8]) {
        let key = key.isEmpty ? [0] : Array(key.prefix(256))
        var s = [UInt8](repeating: 0, count: 256)
        for index in 0..<256 { s[index] = UInt8(index) }
        var j: UInt8 = 0
        for index in 0..<256 {
            j = j &+ s[index] &+ key[index % key.count]
            s.swapAt(index, Int(j))
        }
        permutation = s
    }

    /// `data` XORed with the next `data.count` bytes of the key stream.
    mutating func process(_ data: [UInt8]) -> [UInt8] {
        var output = data
        var i = self.i, j = self.j
        permutation.withUnsafeMutableBufferPointer { s in
            output.withUnsafeMutableBufferPointer { out in
                for index in 0..<out.count {
                    i = i &+ 1
                    let si = s[Int(i)]
                    j = j &+ si
                    let sj = s[Int(j)]
                    s[Int(i)] = sj
                    s[Int(j)] = si
                    out[index] ^= s[Int(si &+ sj)]
                }
            }
        }
        self.i = i
        self.j = j
        return output
    }

    /// `data` encrypted (or decrypted) with a fresh cipher keyed by `key`.
    static func apply(key: [UInt8], to data: [UInt8]) -> [UInt8] {
        var cipher = RC4(key: key)
        return cipher.process(data)
    }
}
