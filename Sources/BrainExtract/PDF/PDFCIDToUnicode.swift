import Foundation

/// poppler-data's CID-to-Unicode tables (`/usr/share/poppler/cidToUnicode/<collection>`), one
/// hexadecimal code point per line, indexed by CID. Absent on machines without poppler-data.
enum PDFCIDToUnicode {
    static func table(collection: String) -> [UInt32: String]? {
        guard !collection.contains("/"), let data = FileManager.default.contents(atPath: "/usr/share/poppler/cidToUnicode/\(collection)") else {
            return nil
        }
        var result: [UInt32: String] = [:]
        var cid: UInt32 = 0
        for line in data.split(separator: 0x0A) {
            if let value = UInt32(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces), radix: 16),
               let scalar = Unicode.Scalar(value), let text = PDFFont.clean(String(Character(scalar))) {
                result[cid] = text
            }
            cid &+= 1
        }
        return result
    }
}
