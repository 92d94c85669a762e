import Foundation

extension PDFFontLoader {
    /// Type0 fonts: encoding CMap, descendant CID font widths, ToUnicode or a recovered mapping.
    func loadComposite(_ font: inout PDFFont, dict: PDFDict, toUnicode: PDFCMap?) {
        font.isComposite = true
        switch doc.resolve(dict["Encoding"]) {
        case .name(let n)?: font.encoding = PDFCMap.predefined(n) ?? .identity
        case .stream(let s)?:
            if let data = (try? doc.decode(s)) ?? nil {
                let parsed = PDFCMap.parse(data, parent: { PDFCMap.predefined($0) })
                font.encoding = parsed.codeSpaces.isEmpty ? .identity : parsed
            }
        default: font.encoding = .identity
        }
        let descendant = doc.resolve(doc.resolve(dict["DescendantFonts"])?.array?.first)?.dict
        font.defaultWidth = (doc.resolve(descendant?["DW"])?.number ?? 1000) * 0.001
        if let w = doc.resolve(descendant?["W"])?.array { readWidths(w, into: &font.cidWidths) }
        if let toUnicode {
            for (code, text) in toUnicode.unicode {
                // A mapping to U+0000 (a known writer bug for ligatures) counts as no mapping.
                if text.unicodeScalars.allSatisfy({ $0.value == 0 }) { continue }
                font.codeText[code] = PDFFont.clean(text) ?? ""
            }
        }
        // Codes the ToUnicode map leaves out (often ligature glyphs) fall back to the font program.
        font.cidText = recoveredText(descendant)
        if toUnicode == nil || toUnicode?.unicode.isEmpty == true {
            font.unicodeSource = font.cidText.isEmpty ? .none : .recovered
        }
    }

    private func readWidths(_ w: [PDFObject], into widths: inout [UInt32: Double]) {
        var i = 0
        var total = 0
        while i < w.count, total < 200_000 {
            guard let first = doc.resolve(w[i])?.int, first >= 0 else { i += 1; continue }
            if i + 1 < w.count, let list = doc.resolve(w[i + 1])?.array {
                for (k, item) in list.enumerated() {
                    widths[UInt32(truncatingIfNeeded: first &+ k)] = (doc.resolve(item)?.number ?? 1000) * 0.001
                }
                total += list.count
                i += 2
            } else if i + 2 < w.count, let last = doc.resolve(w[i + 1])?.int, let width = doc.resolve(w[i + 2])?.number {
                if last >= first, last - first < 65536 {
                    for cid in first...last { widths[UInt32(truncatingIfNeeded: cid)] = width * 0.001 }
                    total += last - first + 1
                }
                i += 3
            } else {
                break
            }
        }
    }

    /// CID-to-text from the font program (TrueType cmap through CIDToGIDMap) or from
    /// poppler-data's cidToUnicode tables for the Adobe character collections.
    private func recoveredText(_ descendant: PDFDict?) -> [UInt32: String] {
        guard let descendant else { return [:] }
        let info = doc.resolve(descendant["CIDSystemInfo"])?.dict
        let ordering = doc.resolve(info?["Ordering"]).flatMap { $0.string.map { String(decoding: $0, as: UTF8.self) } } ?? ""
        let registry = doc.resolve(info?["Registry"]).flatMap { $0.string.map { String(decoding: $0, as: UTF8.self) } } ?? ""
        if registry == "Adobe", ["Japan1", "GB1", "CNS1", "Korea1", "KR"].contains(ordering),
           let table = PDFCIDToUnicode.table(collection: "Adobe-\(ordering)") {
            return table
        }
        let descriptor = doc.resolve(descendant["FontDescriptor"])?.dict
        if let stream = doc.resolve(descriptor?["FontFile2"])?.stream, let data = (try? doc.decode(stream)) ?? nil {
            let gidToText = PDFTrueTypeCmap.glyphText(data)
            var cidToGid: [UInt16]?
            if let map = doc.resolve(descendant["CIDToGIDMap"])?.stream, let bytes = (try? doc.decode(map)) ?? nil {
                cidToGid = stride(from: 0, to: bytes.count - 1, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            }
            var result: [UInt32: String] = [:]
            if let cidToGid {
                for (cid, gid) in cidToGid.enumerated() { if let t = gidToText[gid] { result[UInt32(cid)] = t } }
            } else {
                for (gid, t) in gidToText { result[UInt32(gid)] = t }
            }
            return result
        }
        return [:]
    }
}
