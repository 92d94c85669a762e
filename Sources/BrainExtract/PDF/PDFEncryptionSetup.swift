/// Reads the trailer's `/Encrypt` dictionary into `PDFEncryptionParameters` and installs the
/// decryptor on the document (empty user password).
enum PDFEncryptionSetup {
    static func configure(_ doc: PDFDocument) throws(ExtractionError) {
        guard let reference = doc.trailer["Encrypt"] else { return }
        if case .null = reference { return }
        var encryptObject: Int?
        if case .ref(let n, _) = reference { encryptObject = n }
        guard let dict = doc.resolve(reference)?.dict else { return }
        let parameters = try parameters(dict, doc: doc)
        let decryptor = try PDFDecryptor(parameters: parameters)
        doc.install(PDFObjectDecryption(
            encryptObject: encryptObject,
            decryptString: { decryptor.decryptString($0, objectNumber: $1, generation: $2) },
            decryptStream: { decryptor.decryptStream($0, objectNumber: $1, generation: $2) }))
    }

    static func parameters(_ dict: PDFDict, doc: PDFDocument) throws(ExtractionError) -> PDFEncryptionParameters {
        let filter = doc.resolve(dict["Filter"])?.name ?? "Standard"
        guard filter == "Standard" else { throw .encrypted(detail: "the \(filter) security handler is not supported") }
        let v = doc.resolve(dict["V"])?.int ?? 0
        let r = doc.resolve(dict["R"])?.int ?? 2
        var lengthBits = doc.resolve(dict["Length"])?.int ?? 40
        func string(_ key: String) -> [UInt8]? { doc.resolve(dict[key])?.string }
        guard let o = string("O"), let u = string("U") else { throw .corrupt(format: .pdf, detail: "the encryption dictionary lacks /O or /U") }
        let p = Int32(truncatingIfNeeded: doc.resolve(dict["P"])?.int ?? -1)
        var encryptMetadata = true
        if case .bool(let b)? = doc.resolve(dict["EncryptMetadata"]) { encryptMetadata = b }
        let firstID = doc.resolve(doc.resolve(doc.trailer["ID"])?.array?.first)?.string ?? []
        var stringMethod = PDFCryptMethod.rc4, streamMethod = PDFCryptMethod.rc4
        if v >= 4 {
            let filters = doc.resolve(dict["CF"])?.dict
            func method(_ key: String) -> PDFCryptMethod {
                let name = doc.resolve(dict[key])?.name ?? "Identity"
                if name == "Identity" { return .identity }
                let cf = doc.resolve(filters?[name])?.dict
                if let length = doc.resolve(cf?["Length"])?.int, length > 0 { lengthBits = length < 40 ? length * 8 : length }
                switch doc.resolve(cf?["CFM"])?.name {
                case "AESV2"?: return .aesV2
                case "AESV3"?: return .aesV3
                case "None"?: return .identity
                default: return .rc4
                }
            }
            stringMethod = method("StrF")
            streamMethod = method("StmF")
        }
        return PDFEncryptionParameters(
            filter: filter, v: v, r: r, lengthBits: lengthBits, o: o, u: u,
            oe: string("OE"), ue: string("UE"), perms: string("Perms"), p: p,
            encryptMetadata: encryptMetadata, firstID: firstID, stringMethod: stringMethod, streamMethod: streamMethod)
    }
}
