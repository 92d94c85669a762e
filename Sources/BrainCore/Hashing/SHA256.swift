/// SHA-256 (FIPS 180-4), one-shot. Used by the PDF security handler revisions 5 and 6.
public enum SHA256 {
    /// The 32-byte digest of `message`.
    public static func hash(_ message: [UInt8]) -> [UInt8] {
        message.withUnsafeBufferPointer { hash(bytes: $0) }
    }

    /// The 32-byte digest of the bytes in `data`: whole blocks straight from the buffer, then
    /// the padded tail (FIPS 180-4 §5.1.1) from a small copy.
    static func hash(bytes data: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        hash(bytes: data, resuming: nil, snapshotAt: nil).digest
    }

    /// The state after hashing the first whole blocks of a message: where hashing another
    /// message with the same first `length` bytes can resume.
    struct Midstate: Sendable {
        var length: Int
        var state: [UInt32]
    }

    static let initialState: [UInt32] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ]

    /// Hashes `data`, starting from `resuming` (whose length is a multiple of 64 and whose bytes
    /// the caller has checked are the first bytes of `data`), and keeps the state at byte
    /// `snapshotAt` (a multiple of 64 within the whole blocks) when asked.
    static func hash(
        bytes data: UnsafeBufferPointer<UInt8>, resuming: Midstate?, snapshotAt: Int?
    ) -> (digest: [UInt8], snapshot: Midstate?) {
        var state = resuming?.state ?? initialState
        let wholeBlocks = data.count / 64 * 64
        var tail = Array(data[wholeBlocks...])
        let bitLength = UInt64(truncatingIfNeeded: data.count) &* 8
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var snapshot: Midstate?
        var schedule = [UInt32](repeating: 0, count: 64)
        schedule.withUnsafeMutableBufferPointer { w in
            state.withUnsafeMutableBufferPointer { h in
                roundConstants.withUnsafeBufferPointer { k in
                    var offset = resuming?.length ?? 0
                    while offset < wholeBlocks {
                        if offset == snapshotAt { snapshot = Midstate(length: offset, state: Array(h)) }
                        compress(data, at: offset, w, h, k)
                        offset += 64
                    }
                    if offset == snapshotAt { snapshot = Midstate(length: offset, state: Array(h)) }
                    tail.withUnsafeBufferPointer { padded in
                        var offset = 0
                        while offset < padded.count {
                            compress(padded, at: offset, w, h, k)
                            offset += 64
                        }
                    }
                }
            }
        }
        var digest = [UInt8]()
        digest.reserveCapacity(32)
        for word in state {
            digest.append(UInt8(truncatingIfNeeded: word >> 24))
            digest.append(UInt8(truncatingIfNeeded: word >> 16))
            digest.append(UInt8(truncatingIfNeeded: word >> 8))
            digest.append(UInt8(truncatingIfNeeded: word))
        }
        return (digest, snapshot)
    }

    private static func compress(
        _ data: UnsafeBufferPointer<UInt8>, at offset: Int,
        _ w: UnsafeMutableBufferPointer<UInt32>, _ h: UnsafeMutableBufferPointer<UInt32>,
        _ k: UnsafeBufferPointer<UInt32>
    ) {
        for t in 0..<16 {
            let base = offset + t * 4
            w[t] = UInt32(data[base]) << 24 | UInt32(data[base + 1]) << 16 | UInt32(data[base + 2]) << 8 | UInt32(data[base + 3])
        }
        for t in 16..<64 {
            let x = w[t - 15], y = w[t - 2]
            let s0 = rotateRight(x, 7) ^ rotateRight(x, 18) ^ (x >> 3)
            let s1 = rotateRight(y, 17) ^ rotateRight(y, 19) ^ (y >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
        }
        var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
        for t in 0..<64 {
            let bigSigma1 = rotateRight(e, 6) ^ rotateRight(e, 11) ^ rotateRight(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = hh &+ bigSigma1 &+ choice &+ k[t] &+ w[t]
            let bigSigma0 = rotateRight(a, 2) ^ rotateRight(a, 13) ^ rotateRight(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            hh = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ bigSigma0 &+ majority
        }
        h[0] &+= a
        h[1] &+= b
        h[2] &+= c
        h[3] &+= d
        h[4] &+= e
        h[5] &+= f
        h[6] &+= g
        h[7] &+= hh
    }

    @inline(__always) private static func rotateRight(_ value: UInt32, _ count: UInt32) -> UInt32 {
        (value >> count) | (value << (32 &- count))
    }

    /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}

extension SHA256 {
    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hex(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { hex(digest: hash(bytes: $0)) }
    }

    static func hex(digest: [UInt8]) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The digest of the UTF-8 bytes of `text` as hex (read in place when the string is native).
    public static func hex(_ text: String) -> String {
        if let digest = text.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0) }) { return hex(digest: digest) }
        return hex(Array(text.utf8))
    }
}
