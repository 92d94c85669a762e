/// Applies the document's decryption to objects read directly from the file. Objects inside
/// object streams, the xref stream and the `/Encrypt` dictionary itself are never decrypted.
struct PDFObjectDecryption {
    /// The object number of the `/Encrypt` dictionary, which is stored in the clear.
    let encryptObject: Int?
    let decryptString: ([UInt8], Int, Int) -> [UInt8]
    let decryptStream: ([UInt8], Int, Int) -> [UInt8]

    func exempt(_ num: Int) -> Bool { num == encryptObject }

    func decrypt(_ object: PDFObject, objectNumber: Int, generation: Int) -> PDFObject {
        switch object {
        case .string(let s): return .string(decryptString(s, objectNumber, generation))
        case .array(let a): return .array(a.map { decrypt($0, objectNumber: objectNumber, generation: generation) })
        case .dict(let d): return .dict(decrypt(d, objectNumber, generation))
        case .stream(let s):
            let dict = decrypt(s.dict, objectNumber, generation)
            if s.dict["Type"]?.name == "XRef" { return .stream(PDFStream(dict: dict, data: s.data)) }
            return .stream(PDFStream(dict: dict, data: decryptStream(s.data, objectNumber, generation)))
        default: return object
        }
    }

    private func decrypt(_ dict: PDFDict, _ num: Int, _ gen: Int) -> PDFDict {
        var out = PDFDict()
        for (k, v) in dict.entries { out.entries[k] = decrypt(v, objectNumber: num, generation: gen) }
        return out
    }
}
