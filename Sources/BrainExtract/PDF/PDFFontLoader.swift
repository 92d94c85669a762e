import Foundation

/// Builds `PDFFont`s from font dictionaries: encodings, `/Differences`, ToUnicode, widths.
struct PDFFontLoader {
    let doc: PDFDocument

    func load(_ fontObject: PDFObject?) -> PDFFont {
        var font = PDFFont()
        guard let dict = doc.resolve(fontObject)?.dict else { return fallbackFont() }
        let subtype = doc.resolve(dict["Subtype"])?.name ?? ""
        font.name = doc.resolve(dict["BaseFont"])?.name ?? ""
        let toUnicode = doc.resolve(dict["ToUnicode"])?.stream.flatMap { s in (try? doc.decode(s)) ?? nil }
            .map { PDFCMap.parse($0, parent: { PDFCMap.predefined($0) }) }
        if subtype == "Type0" {
            loadComposite(&font, dict: dict, toUnicode: toUnicode)
        } else {
            loadSimple(&font, dict: dict, subtype: subtype, toUnicode: toUnicode)
        }
        return font
    }

    private func fallbackFont() -> PDFFont {
        var font = PDFFont()
        for code in 0..<256 {
            font.simpleText[code] = PDFGlyphNames.standard[code].flatMap { PDFFont.clean(String(Character($0))) }
            font.simpleWidths[code] = 0.5
        }
        return font
    }

    private func loadSimple(_ font: inout PDFFont, dict: PDFDict, subtype: String, toUnicode: PDFCMap?) {
        let descriptor = doc.resolve(dict["FontDescriptor"])?.dict
        let flags = doc.resolve(descriptor?["Flags"])?.int ?? 0
        let symbolic = flags & 4 != 0
        let baseName = font.name.split(separator: "+").last.map(String.init) ?? font.name
        let encodingObject = doc.resolve(dict["Encoding"])
        var base: [Unicode.Scalar?]
        let lower = baseName.lowercased()
        if lower.hasPrefix("symbol") {
            base = PDFGlyphNames.symbol
        } else if lower.contains("zapfdingbats") || lower.contains("dingbats") {
            base = PDFGlyphNames.zapfDingbats
        } else if subtype == "TrueType" && !(symbolic && encodingObject == nil) {
            base = PDFGlyphNames.winAnsi
        } else {
            base = PDFGlyphNames.standard
        }
        var names = [String?](repeating: nil, count: 256)
        let encodingName = encodingObject?.name ?? doc.resolve(encodingObject?.dict?["BaseEncoding"])?.name
        switch encodingName {
        case "WinAnsiEncoding"?: base = PDFGlyphNames.winAnsi
        case "MacRomanEncoding"?: base = PDFGlyphNames.macRoman
        case "StandardEncoding"?: base = PDFGlyphNames.standard
        case "PDFDocEncoding"?: base = PDFGlyphNames.pdfDoc
        default:
            // No base encoding named: an embedded Type 1 program's own encoding applies.
            if subtype == "Type1" || subtype == "MMType1", let builtIn = builtInEncoding(descriptor) {
                names = builtIn
                base = Array(repeating: nil, count: 256)
            }
        }
        if let differences = doc.resolve(encodingObject?.dict?["Differences"])?.array {
            var code = 0
            for item in differences {
                switch doc.resolve(item) {
                case .int(let c)?: code = c
                case .name(let n)?:
                    if code >= 0 && code < 256 { names[code] = n }
                    code += 1
                default: break
                }
            }
        }
        for code in 0..<256 {
            var text: String?
            if let mapped = toUnicode?.unicode[UInt32(code)] {
                text = mapped
            } else if let name = names[code] {
                text = PDFGlyphNames.unicode(name)
            } else if let scalar = base[code] {
                text = String(Character(scalar))
            }
            if text == nil, symbolic, code >= 0x20, code < 0x7F, toUnicode == nil, names[code] == nil { text = String(Character(Unicode.Scalar(UInt8(code)))) }
            font.simpleText[code] = text.flatMap(PDFFont.clean)
        }
        loadSimpleWidths(&font, dict: dict, descriptor: descriptor, subtype: subtype, baseName: baseName)
    }

    private func loadSimpleWidths(_ font: inout PDFFont, dict: PDFDict, descriptor: PDFDict?, subtype: String, baseName: String) {
        var scale = 0.001
        if subtype == "Type3", let matrix = doc.resolve(dict["FontMatrix"])?.array, let a = matrix.first.flatMap({ doc.resolve($0)?.number }) {
            scale = abs(a)
            // Type 3 fonts have no em: the glyph box height in text space stands in for it.
            if matrix.count >= 4, let d = doc.resolve(matrix[3])?.number, let box = PDFPageTree.rect(doc.resolve(dict["FontBBox"])) {
                let height = (box.3 - box.1) * abs(d)
                if height.isFinite, height > 0.05, height < 50 { font.sizeScale = height }
            }
        }
        let missing = (doc.resolve(descriptor?["MissingWidth"])?.number ?? 0) * scale
        if let widths = doc.resolve(dict["Widths"])?.array {
            let first = doc.resolve(dict["FirstChar"])?.int ?? 0
            for code in 0..<256 { font.simpleWidths[code] = missing }
            for (i, w) in widths.enumerated() {
                let code = first &+ i
                guard code >= 0, code < 256 else { continue }
                font.simpleWidths[code] = (doc.resolve(w)?.number ?? 0) * scale
            }
            return
        }
        let standard = PDFStandardFonts.widths(baseFont: baseName)
        for code in 0..<256 {
            if let standard {
                let scalar = font.simpleText[code]?.unicodeScalars.first?.value ?? 0x20
                font.simpleWidths[code] = (standard[scalar] ?? 556) * 0.001
            } else {
                font.simpleWidths[code] = 0.6
            }
        }
    }

    /// The built-in encoding of an embedded Type 1 program (`dup <code> /<name> put` in its clear
    /// text) or of a bare CFF program.
    private func builtInEncoding(_ descriptor: PDFDict?) -> [String?]? {
        if let cff = doc.resolve(descriptor?["FontFile3"])?.stream, doc.resolve(cff.dict["Subtype"])?.name == "Type1C",
           let data = (try? doc.decode(cff)) ?? nil {
            return PDFCFF.encoding(data)
        }
        guard let stream = doc.resolve(descriptor?["FontFile"])?.stream, let data = (try? doc.decode(stream)) ?? nil else { return nil }
        let clearLength = min(data.count, max(0, doc.resolve(stream.dict["Length1"])?.int ?? data.count))
        guard let start = PDFObjectReader.find(Array("/Encoding".utf8), in: Array(data[0..<clearLength]), from: 0) else { return nil }
        var lexer = PDFLexer(data, from: start + 9, to: clearLength)
        if case .keyword(let k) = lexer.next(), k == PDFLexer.keyword("StandardEncoding") { return nil }
        var names = [String?](repeating: nil, count: 256)
        let dup = PDFLexer.keyword("dup"), def = PDFLexer.keyword("def"), readonly = PDFLexer.keyword("readonly")
        var found = false
        var steps = 0
        while steps < 20_000 {
            steps += 1
            let t = lexer.next()
            if case .eof = t { break }
            guard case .keyword(let k) = t else { continue }
            if k == def || k == readonly { break }
            if k == dup, case .int(let code) = lexer.next(), case .name(let name) = lexer.next(), code >= 0, code < 256 {
                names[code] = name
                found = true
            }
        }
        return found ? names : nil
    }
}
