/// Decrypts the strings and streams of a PDF encrypted with the standard security handler.
///
/// The caller decides what is exempt: the `/Encrypt` dictionary's own strings, cross-reference
/// streams, and (when `encryptMetadata` is false) metadata streams are stored in the clear.
public struct PDFDecryptor: Sendable {
    /// The parameters this decryptor was opened with.
    public let parameters: PDFEncryptionParameters
    private let fileKey: [UInt8]
    private let stringMethod: PDFCryptMethod
    private let streamMethod: PDFCryptMethod
    /// The AES-256 cipher for `/AESV3`, which uses the file key for every object.
    private let fileCipher: AESCipher?

    /// Authenticates `password` (as user, then as owner password) and derives the file key.
    ///
    /// `password` is raw bytes: PDFDocEncoding/Latin-1 for revisions 2 to 4, UTF-8 (SASLprep is not
    /// applied) for revisions 5 and 6. `/Perms` is not checked.
    ///
    /// Throws `.encrypted` when the password does not open the file or the scheme is unsupported,
    /// and `.corrupt` when the encryption dictionary is malformed.
    public init(parameters: PDFEncryptionParameters, password: [UInt8] = []) throws(ExtractionError) {
        self.parameters = parameters
        fileKey = try PDFStandardSecurityHandler.fileKey(parameters, password: password)
        stringMethod = parameters.v < 4 ? .rc4 : parameters.stringMethod
        streamMethod = parameters.v < 4 ? .rc4 : parameters.streamMethod
        fileCipher = fileKey.count == 32 ? AESCipher(key: fileKey) : nil
    }

    /// Decrypts a string of object `objectNumber` `generation`.
    public func decryptString(_ bytes: [UInt8], objectNumber: Int, generation: Int) -> [UInt8] {
        decrypt(bytes, method: stringMethod, objectNumber: objectNumber, generation: generation)
    }

    /// Decrypts the raw (still filtered) data of a stream of object `objectNumber` `generation`.
    public func decryptStream(_ bytes: [UInt8], objectNumber: Int, generation: Int) -> [UInt8] {
        decrypt(bytes, method: streamMethod, objectNumber: objectNumber, generation: generation)
    }

    private func decrypt(_ bytes: [UInt8], method: PDFCryptMethod, objectNumber: Int, generation: Int) -> [UInt8] {
        switch method {
        case .identity:
            return bytes
        case .rc4:
            return RC4.apply(key: objectKey(objectNumber, generation, salted: false), to: bytes)
        case .aesV2:
            return Self.decryptAES(bytes, cipher: AESCipher(key: objectKey(objectNumber, generation, salted: true)))
        case .aesV3:
            return Self.decryptAES(bytes, cipher: fileCipher)
        }
    }

    /// Algorithm 1: MD5 of the file key, the low 3 bytes of the object number and 2 of the generation
    /// (plus `sAlT` for AES), cut to the file key length + 5, at most 16 bytes.
    private func objectKey(_ objectNumber: Int, _ generation: Int, salted: Bool) -> [UInt8] {
        var input = fileKey
        input += [
            UInt8(truncatingIfNeeded: objectNumber), UInt8(truncatingIfNeeded: objectNumber >> 8),
            UInt8(truncatingIfNeeded: objectNumber >> 16),
            UInt8(truncatingIfNeeded: generation), UInt8(truncatingIfNeeded: generation >> 8),
        ]
        if salted { input += [0x73, 0x41, 0x6c, 0x54] }
        return Array(MD5.hash(input).prefix(min(fileKey.count + 5, 16)))
    }

    /// AES-CBC with the IV in the first 16 bytes; a trailing partial block is dropped and PKCS#7
    /// padding is removed only when it is well formed.
    private static func decryptAES(_ bytes: [UInt8], cipher: AESCipher?) -> [UInt8] {
        guard let cipher, bytes.count >= 32 else { return [] }
        var plain = cipher.decryptCBC(Array(bytes[16...]), iv: Array(bytes[0..<16]))
        if let last = plain.last, last >= 1, last <= 16, Int(last) <= plain.count,
            plain.suffix(Int(last)).allSatisfy({ $0 == last })
        {
            plain.removeLast(Int(last))
        }
        return plain
    }
}
