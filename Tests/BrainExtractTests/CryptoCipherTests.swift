import Testing

@testable import BrainExtract

/// Published test vectors: RFC 6229 for RC4, NIST SP 800-38A F.2 for AES-CBC.
@Suite struct CryptoCipherTests {
    /// RFC 6229 key stream bytes at the given offsets.
    @Test(arguments: [
        ("0102030405", 0, "b2396305f03dc027ccc3524a0a1118a8"),
        ("0102030405", 16, "6982944f18fc82d589c403a47a0d0919"),
        ("0102030405", 240, "28cb1132c96ce286421dcaadb8b69eae"),
        ("0102030405", 256, "1cfcf62b03eddb641d77dfcf7f8d8c93"),
        ("0102030405", 3072, "ec0e11c479dc329dc8da7968fe965681"),
        ("0102030405", 4096, "ff25b58995996707e51fbdf08b34d875"),
        ("0102030405060708090a0b0c0d0e0f10", 0, "9ac7cc9a609d1ef7b2932899cde41b97"),
        ("0102030405060708090a0b0c0d0e0f10", 16, "5248c4959014126a6e8a84f11d1a9e1c"),
        ("0102030405060708090a0b0c0d0e0f10", 240, "065902e4b620f6cc36c8589f66432f2b"),
        ("0102030405060708090a0b0c0d0e0f10", 256, "d39d566bc6bce3010768151549f3873f"),
        ("0102030405060708090a0b0c0d0e0f10", 3072, "c05d88abd50357f935a63c59ee537623"),
        ("0102030405060708090a0b0c0d0e0f10", 4096, "a36a4c301ae8ac13610ccbc12256cacc"),
    ])
    func rc4KeyStream(key: String, offset: Int, expected: String) {
        let stream = RC4.apply(key: CryptoHex.bytes(key), to: [UInt8](repeating: 0, count: offset + 16))
        #expect(CryptoHex.string(Array(stream[offset...])) == expected)
    }

    @Test func rc4InPiecesMatchesRC4AtOnce() {
        let data = Array("a stream cipher keeps its state between calls".utf8)
        var cipher = RC4(key: [9, 8, 7, 6, 5])
        let pieces = cipher.process(Array(data[..<10])) + cipher.process(Array(data[10...]))
        #expect(pieces == RC4.apply(key: [9, 8, 7, 6, 5], to: data))
        #expect(RC4.apply(key: [9, 8, 7, 6, 5], to: pieces) == data)
    }

    static let nistIV = "000102030405060708090a0b0c0d0e0f"
    static let nistPlaintext = """
        6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
        30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
        """

    /// SP 800-38A F.2.2 (CBC-AES128.Decrypt) and F.2.6 (CBC-AES256.Decrypt), and their encryptions F.2.1 / F.2.5.
    @Test(arguments: [
        (
            "2b7e151628aed2a6abf7158809cf4f3c",
            "7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2 73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7"
        ),
        (
            "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4",
            "f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d 39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b"
        ),
    ])
    func aesCBC(key: String, ciphertext: String) throws {
        let cipher = try #require(AESCipher(key: CryptoHex.bytes(key)))
        let iv = CryptoHex.bytes(Self.nistIV)
        #expect(cipher.decryptCBC(CryptoHex.bytes(ciphertext), iv: iv) == CryptoHex.bytes(Self.nistPlaintext))
        #expect(cipher.encryptCBC(CryptoHex.bytes(Self.nistPlaintext), iv: iv) == CryptoHex.bytes(ciphertext))
    }

    @Test func aesRejectsBadKeyLengthsAndIgnoresPartialBlocks() throws {
        #expect(AESCipher(key: []) == nil)
        #expect(AESCipher(key: [UInt8](repeating: 1, count: 15)) == nil)
        let cipher = try #require(AESCipher(key: [UInt8](repeating: 7, count: 16)))
        #expect(cipher.decryptCBC([1, 2, 3], iv: []).isEmpty)
        #expect(cipher.decryptCBC([UInt8](repeating: 5, count: 37), iv: [1]).count == 32)
    }
}
