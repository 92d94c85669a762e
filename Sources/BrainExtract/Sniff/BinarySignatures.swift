/// Magic numbers of common binary kinds that are not documents, so they can be refused by name.
enum BinarySignatures {
    private static let noText = "no text to extract"
    private static let archive = "an archive, not a document; extract the documents inside it first"
    private static let program = "not a document format brain reads"

    /// One known signature: bytes expected at an offset.
    private struct Signature {
        let offset: Int
        let bytes: [UInt8]
        let kind: String
        let reason: String
    }

    private static func sig(_ offset: Int, _ bytes: [UInt8], _ kind: String, _ reason: String) -> Signature {
        Signature(offset: offset, bytes: bytes, kind: kind, reason: reason)
    }

    private static func ascii(_ text: String) -> [UInt8] { Array(text.utf8) }

    private static let table: [Signature] = [
        sig(0, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", noText),
        sig(0, [0xFF, 0xD8, 0xFF], "image/jpeg", noText),
        sig(0, ascii("GIF87a"), "image/gif", noText),
        sig(0, ascii("GIF89a"), "image/gif", noText),
        sig(0, [0x49, 0x49, 0x2A, 0x00], "image/tiff", noText),
        sig(0, [0x4D, 0x4D, 0x00, 0x2A], "image/tiff", noText),
        sig(8, ascii("WEBP"), "image/webp", noText),
        sig(8, ascii("WAVE"), "audio/wav", noText),
        sig(8, ascii("AVI "), "video/x-msvideo", noText),
        sig(0, ascii("8BPS"), "image/vnd.adobe.photoshop", noText),
        sig(0, [0x00, 0x00, 0x01, 0x00], "image/x-icon", noText),
        sig(4, ascii("ftypheic"), "image/heic", noText),
        sig(4, ascii("ftypqt  "), "video/quicktime", noText),
        sig(4, ascii("ftypM4A "), "audio/mp4", noText),
        sig(4, ascii("ftyp"), "video/mp4", noText),
        sig(0, ascii("ID3"), "audio/mpeg", noText),
        sig(0, [0xFF, 0xFB], "audio/mpeg", noText),
        sig(0, [0xFF, 0xF3], "audio/mpeg", noText),
        sig(0, [0xFF, 0xF2], "audio/mpeg", noText),
        sig(0, ascii("OggS"), "audio/ogg", noText),
        sig(0, ascii("fLaC"), "audio/flac", noText),
        sig(0, [0x1A, 0x45, 0xDF, 0xA3], "video/x-matroska", noText),
        sig(0, [0x1F, 0x8B], "application/gzip", archive),
        sig(0, [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "application/x-7z-compressed", archive),
        sig(0, ascii("Rar!\u{1A}\u{07}"), "application/vnd.rar", archive),
        sig(0, [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "application/x-xz", archive),
        sig(0, [0x28, 0xB5, 0x2F, 0xFD], "application/zstd", archive),
        sig(0, ascii("MSCF"), "application/vnd.ms-cab-compressed", archive),
        sig(257, ascii("ustar"), "application/x-tar", archive),
        sig(0, [0x7F, 0x45, 0x4C, 0x46], "application/x-elf", program),
        sig(0, [0xFE, 0xED, 0xFA, 0xCE], "application/x-mach-binary", program),
        sig(0, [0xFE, 0xED, 0xFA, 0xCF], "application/x-mach-binary", program),
        sig(0, [0xCE, 0xFA, 0xED, 0xFE], "application/x-mach-binary", program),
        sig(0, [0xCF, 0xFA, 0xED, 0xFE], "application/x-mach-binary", program),
        sig(0, [0xCA, 0xFE, 0xBA, 0xBE], "application/x-mach-binary", program),
        sig(0, [0x00, 0x61, 0x73, 0x6D], "application/wasm", program),
        sig(0, ascii("SQLite format 3\u{0}"), "application/vnd.sqlite3", program),
        sig(0, ascii("bplist00"), "application/x-bplist", program),
        sig(0, ascii("wOFF"), "font/woff", program),
        sig(0, ascii("wOF2"), "font/woff2", program),
        sig(0, ascii("OTTO"), "font/otf", program),
        sig(0, [0x00, 0x01, 0x00, 0x00, 0x00], "font/ttf", program),
        sig(0, ascii("%!PS"), "application/postscript", "PostScript is not read; convert it to PDF first"),
        sig(0, [0xC5, 0xD0, 0xD3, 0xC6], "application/postscript", "PostScript is not read; convert it to PDF first"),
    ]

    /// The known non-document kind these bytes start with, if any.
    static func match(_ bytes: [UInt8]) -> SniffedFormat? {
        for signature in table where matches(signature, bytes) {
            if signature.kind == "image/webp" || signature.kind == "audio/wav" || signature.kind == "video/x-msvideo" {
                guard bytes.starts(with: ascii("RIFF")) else { continue }
            }
            return .unsupported(kind: signature.kind, reason: signature.reason)
        }
        if bytes.count >= 26, bytes.starts(with: ascii("BM")), bytes[6..<10].allSatisfy({ $0 == 0 }) {
            return .unsupported(kind: "image/bmp", reason: noText)
        }
        if bytes.starts(with: ascii("MZ")), bytes.prefix(64).contains(0) {
            return .unsupported(kind: "application/vnd.microsoft.portable-executable", reason: program)
        }
        if bytes.starts(with: ascii("BZh")), bytes.count >= 10, bytes[4..<10].elementsEqual([0x31, 0x41, 0x59, 0x26, 0x53, 0x59]) {
            return .unsupported(kind: "application/x-bzip2", reason: archive)
        }
        return nil
    }

    private static func matches(_ signature: Signature, _ bytes: [UInt8]) -> Bool {
        let end = signature.offset + signature.bytes.count
        guard bytes.count >= end else { return false }
        return bytes[signature.offset..<end].elementsEqual(signature.bytes)
    }
}
