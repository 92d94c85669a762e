/// MD5 (RFC 1321), one-shot. Used only by the PDF standard security handler (revisions 2 to 4).
enum MD5 {
    /// The 16-byte digest of `message`.
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
        let padded = MerkleDamgardPadding.pad(message, blockSize: 64, lengthBytes: 8, bigEndian: false)
        padded.withUnsafeBufferPointer { data in
            var words = [UInt32](repeating: 0, count: 16)
            words.withUnsafeMutableBufferPointer { x in
                var offset = 0
                while offset < data.count {
                    for i in 0..<16 {
                        let base = offset + i * 4
                        x[i] = UInt32(data[base]) | UInt32(data[base + 1]) << 8
                            | UInt32(data[base + 2]) << 16 | UInt32(data[base + 3]) << 24
                    }
                    compress(&state, x)
                    offset += 64
                }
            }
        }
        var digest = [UInt8]()
        digest.reserveCapacity(16)
        for word in [state.0, state.1, state.2, state.3] {
            for shift in stride(from: 0, to: 32, by: 8) { digest.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) }
        }
        return digest
    }

    private static func compress(_ state: inout (UInt32, UInt32, UInt32, UInt32), _ x: UnsafeMutableBufferPointer<UInt32>) {
        var a = state.0, b = state.1, c = state.2, d = state.3
        for i in 0..<64 {
            var f: UInt32
            let g: Int
            switch i >> 4 {
            case 0: f = (b & c) | (~b & d); g = i
            case 1: f = (d & b) | (~d & c); g = (5 &* i &+ 1) & 15
            case 2: f = b ^ c ^ d; g = (3 &* i &+ 5) & 15
            default: f = c ^ (b | ~d); g = (7 &* i) & 15
            }
            f = f &+ a &+ roundConstants[i] &+ x[g]
            a = d
            d = c
            c = b
            b = b &+ rotateLeft(f, by: shifts[(i >> 4) << 2 | (i & 3)])
        }
        state.0 &+= a
        state.1 &+= b
        state.2 &+= c
        state.3 &+= d
    }

    @inline(__always) private static func rotateLeft(_ value: UInt32, by count: UInt32) -> UInt32 {
        (value << count) | (value >> (32 &- count))
    }

    private static let shifts: [UInt32] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]

    /// `floor(abs(sin(i + 1)) * 2^32)` for i in 0..<64.
    private static let roundConstants: [UInt32] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ]
}
