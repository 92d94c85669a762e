/// The file-key derivation and password checks of the PDF standard security handler (ISO 32000-2, 7.6.4).
enum PDFStandardSecurityHandler {
    /// The 32 bytes that pad passwords in revisions 2 to 4.
    static let passwordPadding: [UInt8] = [
        0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08,
        0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
    ]

    /// The file encryption key that `password` opens, as user password or else as owner password.
    static func fileKey(_ parameters: PDFEncryptionParameters, password: [UInt8]) throws(ExtractionError) -> [UInt8] {
        guard parameters.filter == "Standard" else {
            throw .encrypted(detail: "unsupported security handler \(parameters.filter)")
        }
        guard [1, 2, 4, 5].contains(parameters.v) else {
            throw .encrypted(detail: "unsupported encryption algorithm version \(parameters.v)")
        }
        let key: [UInt8]?
        switch parameters.r {
        case 2...4: key = try legacyFileKey(parameters, password: password)
        case 5, 6: key = try aesFileKey(parameters, password: password)
        default: throw .encrypted(detail: "unsupported security handler revision \(parameters.r)")
        }
        guard let key else {
            throw .encrypted(detail: password.isEmpty ? "a password is needed to open this PDF" : "the password does not open this PDF")
        }
        return key
    }

    /// Key length in bytes for revisions 2 to 4: 5 for R2, 16 for AESV2, else `/Length` (bits, or bytes if tiny).
    static func legacyKeyLength(_ parameters: PDFEncryptionParameters) -> Int {
        if parameters.r == 2 { return 5 }
        if parameters.v >= 4 && (parameters.stringMethod == .aesV2 || parameters.streamMethod == .aesV2) { return 16 }
        var bits = parameters.lengthBits
        if bits > 0 && bits <= 16 { bits *= 8 }
        return min(max(bits / 8, 5), 16)
    }

    // MARK: Revisions 2 to 4 (MD5 and RC4)

    private static func legacyFileKey(_ parameters: PDFEncryptionParameters, password: [UInt8]) throws(ExtractionError) -> [UInt8]? {
        let minimumU = parameters.r == 2 ? 32 : 16
        guard parameters.o.count >= 32, parameters.u.count >= minimumU else {
            throw .corrupt(format: .pdf, detail: "the encryption dictionary has a short /O or /U entry")
        }
        let length = legacyKeyLength(parameters)
        let asUser = legacyKey(parameters, userPassword: password, length: length)
        if userEntryMatches(parameters, key: asUser) { return asUser }
        let recovered = userPasswordFromOwner(parameters, ownerPassword: password, length: length)
        let asOwner = legacyKey(parameters, userPassword: recovered, length: length)
        return userEntryMatches(parameters, key: asOwner) ? asOwner : nil
    }

    private static func padded(_ password: [UInt8]) -> [UInt8] {
        Array((password.prefix(32) + passwordPadding).prefix(32))
    }

    /// Algorithm 2: the file key computed from a user password.
    static func legacyKey(_ parameters: PDFEncryptionParameters, userPassword: [UInt8], length: Int) -> [UInt8] {
        var input = padded(userPassword)
        input += parameters.o.prefix(32)
        let p = UInt32(bitPattern: parameters.p)
        input += [UInt8(truncatingIfNeeded: p), UInt8(truncatingIfNeeded: p >> 8), UInt8(truncatingIfNeeded: p >> 16), UInt8(truncatingIfNeeded: p >> 24)]
        input += parameters.firstID
        if parameters.r >= 4 && !parameters.encryptMetadata { input += [0xff, 0xff, 0xff, 0xff] }
        var digest = MD5.hash(input)
        if parameters.r >= 3 {
            for _ in 0..<50 { digest = MD5.hash(Array(digest.prefix(length))) }
        }
        return Array(digest.prefix(length))
    }

    /// Algorithms 4 and 5: whether `key` reproduces `/U` (all 32 bytes for R2, the first 16 after).
    private static func userEntryMatches(_ parameters: PDFEncryptionParameters, key: [UInt8]) -> Bool {
        if parameters.r == 2 {
            return RC4.apply(key: key, to: passwordPadding) == Array(parameters.u.prefix(32))
        }
        var value = RC4.apply(key: key, to: MD5.hash(passwordPadding + parameters.firstID))
        for round in 1...19 {
            value = RC4.apply(key: key.map { $0 ^ UInt8(round) }, to: value)
        }
        return value == Array(parameters.u.prefix(16))
    }

    /// Algorithm 7 (first steps of Algorithm 3): the padded user password that `/O` holds for an owner password.
    private static func userPasswordFromOwner(_ parameters: PDFEncryptionParameters, ownerPassword: [UInt8], length: Int) -> [UInt8] {
        var digest = MD5.hash(padded(ownerPassword))
        if parameters.r >= 3 {
            for _ in 0..<50 { digest = MD5.hash(digest) }
        }
        let key = Array(digest.prefix(length))
        var value = Array(parameters.o.prefix(32))
        if parameters.r == 2 { return RC4.apply(key: key, to: value) }
        for round in stride(from: 19, through: 0, by: -1) {
            value = RC4.apply(key: key.map { $0 ^ UInt8(round) }, to: value)
        }
        return value
    }

    // MARK: Revisions 5 and 6 (SHA-2 and AES-256)

    /// Algorithm 2.A: check the password against /U then /O and unwrap /UE or /OE.
    private static func aesFileKey(_ parameters: PDFEncryptionParameters, password: [UInt8]) throws(ExtractionError) -> [UInt8]? {
        guard parameters.u.count >= 48, parameters.o.count >= 48 else {
            throw .corrupt(format: .pdf, detail: "the encryption dictionary has a short /O or /U entry")
        }
        let password = Array(password.prefix(127))
        let u = parameters.u, o = parameters.o
        let userData = Array(u[0..<48])
        if hash(parameters.r, password, salt: Array(u[32..<40]), userData: []) == Array(u[0..<32]) {
            return try unwrap(parameters.ue, with: hash(parameters.r, password, salt: Array(u[40..<48]), userData: []))
        }
        if hash(parameters.r, password, salt: Array(o[32..<40]), userData: userData) == Array(o[0..<32]) {
            return try unwrap(parameters.oe, with: hash(parameters.r, password, salt: Array(o[40..<48]), userData: userData))
        }
        return nil
    }

    private static func unwrap(_ wrapped: [UInt8]?, with key: [UInt8]) throws(ExtractionError) -> [UInt8] {
        guard let wrapped, wrapped.count >= 32, let cipher = AESCipher(key: key) else {
            throw .corrupt(format: .pdf, detail: "the encryption dictionary has a missing or short /UE or /OE entry")
        }
        return cipher.decryptCBC(Array(wrapped.prefix(32)), iv: [])
    }

    /// The revision's password hash: plain SHA-256 for R5, Algorithm 2.B for R6.
    static func hash(_ revision: Int, _ password: [UInt8], salt: [UInt8], userData: [UInt8]) -> [UInt8] {
        let first = SHA256.hash(password + salt + userData)
        return revision == 5 ? first : hardenedHash(first, password: password, userData: userData)
    }

    /// Algorithm 2.B: at least 64 rounds of AES-128-CBC over 64 copies of the input, then SHA-256/384/512.
    private static func hardenedHash(_ start: [UInt8], password: [UInt8], userData: [UInt8]) -> [UInt8] {
        var k = start
        var round = 0
        while true {
            let single = password + k + userData
            var repeated = [UInt8]()
            repeated.reserveCapacity(single.count * 64)
            for _ in 0..<64 { repeated += single }
            guard let cipher = AESCipher(key: Array(k[0..<16])) else { return Array(k.prefix(32)) }
            let e = cipher.encryptCBC(repeated, iv: Array(k[16..<32]))
            let selector = e.prefix(16).reduce(0) { $0 + Int($1) } % 3
            switch selector {
            case 0: k = SHA256.hash(e)
            case 1: k = SHA512.hash384(e)
            default: k = SHA512.hash(e)
            }
            round += 1
            if round >= 64 && Int(e.last ?? 0) <= round - 32 { break }
        }
        return Array(k.prefix(32))
    }
}
