import Testing

@testable import BrainExtract

/// Malformed encrypted data yields bytes, never a trap.
@Suite struct CryptoPDFHostileDataTests {
    @Test(arguments: [0, 1, 15, 16, 17, 31, 32, 33, 47, 63])
    func oddLengthsDoNotTrap(length: Int) throws {
        let data = [UInt8](repeating: 0xa5, count: length)
        for fixture in [CryptoPDFFixture.rc4Revision3, .aes128Revision4, .aes256Revision6] {
            let decryptor = try PDFDecryptor(parameters: fixture.parameters)
            let string = decryptor.decryptString(data, objectNumber: -1, generation: Int.max)
            let stream = decryptor.decryptStream(data, objectNumber: Int.min, generation: -7)
            for (output, method) in [(string, fixture.parameters.stringMethod), (stream, fixture.parameters.streamMethod)] {
                if method == .rc4 {
                    #expect(output.count == length)
                } else {
                    let wholeBlocks = length < 32 ? 0 : (length - 16) / 16 * 16
                    #expect(output.count <= wholeBlocks && output.count >= wholeBlocks - 16)
                }
            }
        }
    }

    private func encryptAES256(_ plain: [UInt8], fixture: CryptoPDFFixture) throws -> [UInt8] {
        let key = try PDFStandardSecurityHandler.fileKey(fixture.parameters, password: [])
        let cipher = try #require(AESCipher(key: key))
        let iv: [UInt8] = Array(0..<16)
        return iv + cipher.encryptCBC(plain, iv: iv)
    }

    @Test func wellFormedPaddingIsRemoved() throws {
        let fixture = CryptoPDFFixture.aes256Revision6
        let message = Array("twelve bytes".utf8)
        let encrypted = try encryptAES256(message + [UInt8](repeating: 4, count: 4), fixture: fixture)
        let decryptor = try PDFDecryptor(parameters: fixture.parameters)
        #expect(decryptor.decryptString(encrypted, objectNumber: 9, generation: 0) == message)
    }

    @Test(arguments: [
        [UInt8](repeating: 0x41, count: 15) + [0],
        [UInt8](repeating: 0x41, count: 15) + [17],
        [UInt8](repeating: 0x41, count: 13) + [3, 2, 3],
    ])
    func malformedPaddingIsKept(plain: [UInt8]) throws {
        let fixture = CryptoPDFFixture.aes256Revision6
        let encrypted = try encryptAES256(plain, fixture: fixture)
        let decryptor = try PDFDecryptor(parameters: fixture.parameters)
        #expect(decryptor.decryptStream(encrypted, objectNumber: 9, generation: 0) == plain)
    }

    @Test func identityMethodPassesDataThrough() throws {
        var parameters = CryptoPDFFixture.aes128Revision4.parameters
        parameters.stringMethod = .identity
        let decryptor = try PDFDecryptor(parameters: parameters)
        #expect(decryptor.decryptString([1, 2, 3], objectNumber: 1, generation: 0) == [1, 2, 3])
    }
}
