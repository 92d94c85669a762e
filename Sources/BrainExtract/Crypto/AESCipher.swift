/// AES (FIPS 197) with a 128-, 192- or 256-bit key, in CBC mode without padding handling.
///
/// Works on whole 16-byte blocks; a trailing partial block is ignored.
struct AESCipher: Sendable {
    private let rounds: Int
    private let encryptionKeys: [UInt32]
    /// The round keys in reverse order, with InvMixColumns applied to the inner ones (equivalent inverse cipher).
    private let decryptionKeys: [UInt32]

    /// A cipher for `key`, or nil unless it is 16, 24 or 32 bytes long.
    init?(key: [UInt8]) {
        guard key.count == 16 || key.count == 24 || key.count == 32 else { return nil }
        let tables = AESTables.shared
        let keyWords = key.count / 4
        rounds = keyWords + 6
        let total = 4 * (rounds + 1)
        var w = [UInt32](repeating: 0, count: total)
        for i in 0..<keyWords {
            w[i] = UInt32(key[4 * i]) << 24 | UInt32(key[4 * i + 1]) << 16 | UInt32(key[4 * i + 2]) << 8 | UInt32(key[4 * i + 3])
        }
        func substituted(_ word: UInt32) -> UInt32 {
            UInt32(tables.sbox[Int(word >> 24)]) << 24 | UInt32(tables.sbox[Int(word >> 16 & 0xff)]) << 16
                | UInt32(tables.sbox[Int(word >> 8 & 0xff)]) << 8 | UInt32(tables.sbox[Int(word & 0xff)])
        }
        var roundConstant: UInt32 = 0x01
        for i in keyWords..<total {
            var temp = w[i - 1]
            if i % keyWords == 0 {
                temp = substituted(temp << 8 | temp >> 24) ^ (roundConstant << 24)
                roundConstant = (roundConstant << 1) ^ (roundConstant & 0x80 != 0 ? 0x1b : 0)
            } else if keyWords > 6 && i % keyWords == 4 {
                temp = substituted(temp)
            }
            w[i] = w[i - keyWords] ^ temp
        }
        encryptionKeys = w
        var inverse = [UInt32](repeating: 0, count: total)
        for round in 0...rounds {
            for column in 0..<4 {
                let word = w[4 * (rounds - round) + column]
                if round == 0 || round == rounds {
                    inverse[4 * round + column] = word
                } else {
                    let d = tables.decrypt, s = tables.sbox
                    inverse[4 * round + column] = d[Int(s[Int(word >> 24)])] ^ d[256 + Int(s[Int(word >> 16 & 0xff)])]
                        ^ d[512 + Int(s[Int(word >> 8 & 0xff)])] ^ d[768 + Int(s[Int(word & 0xff)])]
                }
            }
        }
        decryptionKeys = inverse
    }

    /// `data` (whole blocks only) decrypted in CBC mode with the 16-byte `iv` (zeros if shorter).
    func decryptCBC(_ data: [UInt8], iv: [UInt8]) -> [UInt8] {
        let blocks = data.count / 16
        var output = [UInt8](repeating: 0, count: blocks * 16)
        var chain = Self.words(iv.count >= 16 ? Array(iv.prefix(16)) : [UInt8](repeating: 0, count: 16), at: 0)
        let tables = AESTables.shared
        data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                tables.decrypt.withUnsafeBufferPointer { td in
                    tables.inverseSbox.withUnsafeBufferPointer { si in
                        decryptionKeys.withUnsafeBufferPointer { k in
                            for block in 0..<blocks {
                                let cipher = Self.words(input, at: block * 16)
                                var plain = decryptBlock(cipher, td, si, k)
                                plain.0 ^= chain.0
                                plain.1 ^= chain.1
                                plain.2 ^= chain.2
                                plain.3 ^= chain.3
                                Self.store(plain, into: out, at: block * 16)
                                chain = cipher
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// `data` (whole blocks only) encrypted in CBC mode with the 16-byte `iv` (zeros if shorter).
    func encryptCBC(_ data: [UInt8], iv: [UInt8]) -> [UInt8] {
        let blocks = data.count / 16
        var output = [UInt8](repeating: 0, count: blocks * 16)
        var chain = Self.words(iv.count >= 16 ? Array(iv.prefix(16)) : [UInt8](repeating: 0, count: 16), at: 0)
        let tables = AESTables.shared
        data.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                tables.encrypt.withUnsafeBufferPointer { te in
                    tables.sbox.withUnsafeBufferPointer { s in
                        encryptionKeys.withUnsafeBufferPointer { k in
                            for block in 0..<blocks {
                                var plain = Self.words(input, at: block * 16)
                                plain.0 ^= chain.0
                                plain.1 ^= chain.1
                                plain.2 ^= chain.2
                                plain.3 ^= chain.3
                                chain = encryptBlock(plain, te, s, k)
                                Self.store(chain, into: out, at: block * 16)
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    private typealias Block = (UInt32, UInt32, UInt32, UInt32)

    @inline(__always)
    private func decryptBlock(
        _ input: Block, _ td: UnsafeBufferPointer<UInt32>, _ si: UnsafeBufferPointer<UInt8>, _ k: UnsafeBufferPointer<UInt32>
    ) -> Block {
        var s0 = input.0 ^ k[0], s1 = input.1 ^ k[1], s2 = input.2 ^ k[2], s3 = input.3 ^ k[3]
        var key = 4
        for _ in 1..<rounds {
            let t0 = td[Int(s0 >> 24)] ^ td[256 + Int(s3 >> 16 & 0xff)] ^ td[512 + Int(s2 >> 8 & 0xff)] ^ td[768 + Int(s1 & 0xff)] ^ k[key]
            let t1 = td[Int(s1 >> 24)] ^ td[256 + Int(s0 >> 16 & 0xff)] ^ td[512 + Int(s3 >> 8 & 0xff)] ^ td[768 + Int(s2 & 0xff)] ^ k[key + 1]
            let t2 = td[Int(s2 >> 24)] ^ td[256 + Int(s1 >> 16 & 0xff)] ^ td[512 + Int(s0 >> 8 & 0xff)] ^ td[768 + Int(s3 & 0xff)] ^ k[key + 2]
            let t3 = td[Int(s3 >> 24)] ^ td[256 + Int(s2 >> 16 & 0xff)] ^ td[512 + Int(s1 >> 8 & 0xff)] ^ td[768 + Int(s0 & 0xff)] ^ k[key + 3]
            s0 = t0
            s1 = t1
            s2 = t2
            s3 = t3
            key += 4
        }
        @inline(__always) func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ roundKey: UInt32) -> UInt32 {
            (UInt32(si[Int(a >> 24)]) << 24 | UInt32(si[Int(b >> 16 & 0xff)]) << 16
                | UInt32(si[Int(c >> 8 & 0xff)]) << 8 | UInt32(si[Int(d & 0xff)])) ^ roundKey
        }
        return (
            last(s0, s3, s2, s1, k[key]), last(s1, s0, s3, s2, k[key + 1]),
            last(s2, s1, s0, s3, k[key + 2]), last(s3, s2, s1, s0, k[key + 3])
        )
    }

    @inline(__always)
    private func encryptBlock(
        _ input: Block, _ te: UnsafeBufferPointer<UInt32>, _ sbox: UnsafeBufferPointer<UInt8>, _ k: UnsafeBufferPointer<UInt32>
    ) -> Block {
        var s0 = input.0 ^ k[0], s1 = input.1 ^ k[1], s2 = input.2 ^ k[2], s3 = input.3 ^ k[3]
        var key = 4
        for _ in 1..<rounds {
            let t0 = te[Int(s0 >> 24)] ^ te[256 + Int(s1 >> 16 & 0xff)] ^ te[512 + Int(s2 >> 8 & 0xff)] ^ te[768 + Int(s3 & 0xff)] ^ k[key]
            let t1 = te[Int(s1 >> 24)] ^ te[256 + Int(s2 >> 16 & 0xff)] ^ te[512 + Int(s3 >> 8 & 0xff)] ^ te[768 + Int(s0 & 0xff)] ^ k[key + 1]
            let t2 = te[Int(s2 >> 24)] ^ te[256 + Int(s3 >> 16 & 0xff)] ^ te[512 + Int(s0 >> 8 & 0xff)] ^ te[768 + Int(s1 & 0xff)] ^ k[key + 2]
            let t3 = te[Int(s3 >> 24)] ^ te[256 + Int(s0 >> 16 & 0xff)] ^ te[512 + Int(s1 >> 8 & 0xff)] ^ te[768 + Int(s2 & 0xff)] ^ k[key + 3]
            s0 = t0
            s1 = t1
            s2 = t2
            s3 = t3
            key += 4
        }
        @inline(__always) func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ roundKey: UInt32) -> UInt32 {
            (UInt32(sbox[Int(a >> 24)]) << 24 | UInt32(sbox[Int(b >> 16 & 0xff)]) << 16
                | UInt32(sbox[Int(c >> 8 & 0xff)]) << 8 | UInt32(sbox[Int(d & 0xff)])) ^ roundKey
        }
        return (
            last(s0, s1, s2, s3, k[key]), last(s1, s2, s3, s0, k[key + 1]),
            last(s2, s3, s0, s1, k[key + 2]), last(s3, s0, s1, s2, k[key + 3])
        )
    }

    @inline(__always) private static func words(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Block {
        @inline(__always) func word(_ i: Int) -> UInt32 {
            UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
        }
        return (word(offset), word(offset + 4), word(offset + 8), word(offset + 12))
    }

    private static func words(_ bytes: [UInt8], at offset: Int) -> Block {
        bytes.withUnsafeBufferPointer { words($0, at: offset) }
    }

    @inline(__always) private static func store(_ block: Block, into out: UnsafeMutableBufferPointer<UInt8>, at offset: Int) {
        @inline(__always) func put(_ word: UInt32, _ i: Int) {
            out[i] = UInt8(truncatingIfNeeded: word >> 24)
            out[i + 1] = UInt8(truncatingIfNeeded: word >> 16)
            out[i + 2] = UInt8(truncatingIfNeeded: word >> 8)
            out[i + 3] = UInt8(truncatingIfNeeded: word)
        }
        put(block.0, offset)
        put(block.1, offset + 4)
        put(block.2, offset + 8)
        put(block.3, offset + 12)
    }
}
