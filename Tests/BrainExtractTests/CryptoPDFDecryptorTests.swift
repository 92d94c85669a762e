import Testing

@testable import BrainExtract

/// The standard security handler against files encrypted by qpdf and one corpus file.
@Suite struct CryptoPDFDecryptorTests {
    private func expectDecrypts(_ fixture: CryptoPDFFixture, password: String) throws {
        let decryptor = try PDFDecryptor(parameters: fixture.parameters, password: Array(password.utf8))
        let title = decryptor.decryptString(fixture.encryptedTitle, objectNumber: fixture.titleObject, generation: 0)
        let stream = decryptor.decryptStream(fixture.encryptedStream, objectNumber: fixture.streamObject, generation: 0)
        #expect(String(decoding: title, as: UTF8.self) == CryptoPDFFixture.title)
        #expect(String(decoding: stream, as: UTF8.self) == CryptoPDFFixture.contentStream)
    }

    @Test(arguments: CryptoPDFFixture.emptyUserPassword)
    func emptyUserPasswordOpens(fixture: CryptoPDFFixture) throws {
        try expectDecrypts(fixture, password: "")
    }

    @Test(arguments: CryptoPDFFixture.realUserPassword)
    func userPasswordOpens(fixture: CryptoPDFFixture) throws {
        try expectDecrypts(fixture, password: "user")
    }

    @Test(arguments: CryptoPDFFixture.all)
    func ownerPasswordOpens(fixture: CryptoPDFFixture) throws {
        try expectDecrypts(fixture, password: "owner")
    }

    @Test(arguments: CryptoPDFFixture.realUserPassword)
    func emptyPasswordIsRefusedWhenAUserPasswordIsSet(fixture: CryptoPDFFixture) {
        #expect(throws: ExtractionError.encrypted(detail: "a password is needed to open this PDF")) {
            try PDFDecryptor(parameters: fixture.parameters)
        }
        #expect(throws: ExtractionError.encrypted(detail: "the password does not open this PDF")) {
            try PDFDecryptor(parameters: fixture.parameters, password: Array("wrong".utf8))
        }
    }

    @Test func wrongObjectNumberDoesNotReproduceThePlaintext() throws {
        let fixture = CryptoPDFFixture.rc4Revision3
        let decryptor = try PDFDecryptor(parameters: fixture.parameters)
        let title = decryptor.decryptString(fixture.encryptedTitle, objectNumber: fixture.titleObject + 1, generation: 0)
        #expect(String(decoding: title, as: UTF8.self) != CryptoPDFFixture.title)
    }

    /// `/Encrypt` of corpus file resume-generated-encrypted-aes256.pdf (qpdf 11.3, R6, empty user password);
    /// object 1 holds `/PageLabels << /Nums [0 << /P () >>] >>`, an empty string encrypted to 32 bytes.
    @Test func corpusAES256FileOpensWithEmptyPassword() throws {
        let parameters = PDFEncryptionParameters(
            v: 5, r: 6, lengthBits: 256,
            o: CryptoHex.bytes("889cb614dc2df00ef791b1e0489af68fef1e716e22034cb5f19f59c64807db823c4c05039bd57b2f086484be595b39be"),
            u: CryptoHex.bytes("cc0d113fb14ee89959de919bb9cd35c2f04942121c73aa5721ba9ef1a92cafe0d1550ec8ab61a7a75050f85635ad57cf"),
            oe: CryptoHex.bytes("59e2aefb316d0ff243ef26a07463bcdf655afccbf368658c24619480b95056b1"),
            ue: CryptoHex.bytes("98768b4653598531eafe7780a68e974679c0b4443f1e384843058a792d8025fc"),
            perms: CryptoHex.bytes("8d6e3ac0cbb36c916c3b726afb0e5035"),
            p: -1340,
            firstID: CryptoHex.bytes("fab0532693c831b2c43063668d1bd7cf"),
            stringMethod: .aesV3, streamMethod: .aesV3
        )
        let decryptor = try PDFDecryptor(parameters: parameters)
        let label = CryptoHex.bytes("68fe3a6dda17d12f98a3c6aab567e61e3e12a99094124013e182b2ab05a0c63a")
        #expect(decryptor.decryptString(label, objectNumber: 1, generation: 0) == [])
    }

    @Test func unsupportedHandlersAreRefusedClearly() {
        var parameters = CryptoPDFFixture.aes128Revision4.parameters
        parameters.filter = "Adobe.PubSec"
        #expect(throws: ExtractionError.encrypted(detail: "unsupported security handler Adobe.PubSec")) {
            try PDFDecryptor(parameters: parameters)
        }
        parameters = CryptoPDFFixture.aes128Revision4.parameters
        parameters.r = 7
        #expect(throws: ExtractionError.encrypted(detail: "unsupported security handler revision 7")) {
            try PDFDecryptor(parameters: parameters)
        }
        parameters = CryptoPDFFixture.aes128Revision4.parameters
        parameters.v = 3
        #expect(throws: ExtractionError.encrypted(detail: "unsupported encryption algorithm version 3")) {
            try PDFDecryptor(parameters: parameters)
        }
    }

    @Test func truncatedEntriesAreReportedAsCorrupt() {
        var parameters = CryptoPDFFixture.aes256Revision6.parameters
        parameters.u = Array(parameters.u.prefix(40))
        #expect(throws: ExtractionError.self) { try PDFDecryptor(parameters: parameters) }
        parameters = CryptoPDFFixture.aes256Revision6.parameters
        parameters.ue = nil
        #expect(throws: ExtractionError.corrupt(format: .pdf, detail: "the encryption dictionary has a missing or short /UE or /OE entry")) {
            try PDFDecryptor(parameters: parameters)
        }
        parameters = CryptoPDFFixture.rc4Revision2.parameters
        parameters.o = []
        #expect(throws: ExtractionError.self) { try PDFDecryptor(parameters: parameters) }
    }
}
