/// How one class of PDF data (strings or streams) is encrypted, from `/CF` with `/StrF` and `/StmF`.
public enum PDFCryptMethod: Sendable, Equatable {
    /// `/Identity` or `/None`: the data is not encrypted.
    case identity
    /// RC4 with the per-object key (`/V2`, and every V1/V2 file).
    case rc4
    /// AES-128 CBC with the per-object key (`/AESV2`).
    case aesV2
    /// AES-256 CBC with the file key itself (`/AESV3`).
    case aesV3
}

/// The values of a PDF `/Encrypt` dictionary (plus the first trailer `/ID` string) the standard security handler needs.
public struct PDFEncryptionParameters: Sendable, Equatable {
    /// `/Filter`; only `Standard` is supported.
    public var filter: String
    /// `/V`, the algorithm version.
    public var v: Int
    /// `/R`, the standard security handler revision.
    public var r: Int
    /// `/Length` in bits (default 40), used by revisions 3 and 4 with RC4; values up to 16 are read as bytes
    /// (as some crypt filters' `/Length` are). AESV2 always uses 16 bytes, R2 always 5.
    public var lengthBits: Int
    /// `/O`, the owner password string.
    public var o: [UInt8]
    /// `/U`, the user password string.
    public var u: [UInt8]
    /// `/OE` (R5/R6 only).
    public var oe: [UInt8]?
    /// `/UE` (R5/R6 only).
    public var ue: [UInt8]?
    /// `/Perms` (R5/R6 only).
    public var perms: [UInt8]?
    /// `/P`, the permission bits as a signed 32-bit integer.
    public var p: Int32
    /// `/EncryptMetadata` (default true).
    public var encryptMetadata: Bool
    /// The first element of the trailer `/ID` array.
    public var firstID: [UInt8]
    /// The method for strings, from `/StrF` (V4/V5); `.rc4` for V1/V2.
    public var stringMethod: PDFCryptMethod
    /// The method for streams, from `/StmF` (V4/V5); `.rc4` for V1/V2.
    public var streamMethod: PDFCryptMethod

    /// Memberwise; the defaults are the PDF defaults (`/Standard`, 40 bits, metadata encrypted, RC4).
    public init(
        filter: String = "Standard",
        v: Int,
        r: Int,
        lengthBits: Int = 40,
        o: [UInt8],
        u: [UInt8],
        oe: [UInt8]? = nil,
        ue: [UInt8]? = nil,
        perms: [UInt8]? = nil,
        p: Int32,
        encryptMetadata: Bool = true,
        firstID: [UInt8] = [],
        stringMethod: PDFCryptMethod = .rc4,
        streamMethod: PDFCryptMethod = .rc4
    ) {
        self.filter = filter
        self.v = v
        self.r = r
        self.lengthBits = lengthBits
        self.o = o
        self.u = u
        self.oe = oe
        self.ue = ue
        self.perms = perms
        self.p = p
        self.encryptMetadata = encryptMetadata
        self.firstID = firstID
        self.stringMethod = stringMethod
        self.streamMethod = streamMethod
    }
}
