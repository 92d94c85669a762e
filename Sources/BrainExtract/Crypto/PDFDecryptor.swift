/// Decrypts the strings and streams of a PDF encrypted with the standard security handler.
public struct PDFDecryptor: Sendable {
    /// The parameters this decryptor was opened with.
    public let parameters: PDFEncryptionParameters

    /// Authenticates `password` (as user, then as owner password) and derives the file key.
    /// Throws `.encrypted` when the password is wrong or the scheme is unsupported.
    public init(parameters: PDFEncryptionParameters, password: [UInt8] = []) throws(ExtractionError) {
        self.parameters = parameters
        throw .encrypted(detail: "not implemented yet")
    }

    /// Decrypts a string of object `objectNumber` `generation`.
    public func decryptString(_ bytes: [UInt8], objectNumber: Int, generation: Int) -> [UInt8] {
        bytes
    }

    /// Decrypts the raw (still filtered) data of a stream of object `objectNumber` `generation`.
    public func decryptStream(_ bytes: [UInt8], objectNumber: Int, generation: Int) -> [UInt8] {
        bytes
    }
}
