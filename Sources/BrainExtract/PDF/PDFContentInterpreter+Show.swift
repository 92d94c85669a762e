extension PDFContentInterpreter {
    /// Places every code of a shown string and advances the text matrix.
    mutating func show(_ bytes: [UInt8]) {
        guard let font = state.font else { return }
        let fs = state.fontSize, th = state.horizontalScale
        let tm = textMatrix, ctm = state.ctm
        // Linear part of Tm x CTM: baseline (a, b) and up vector (c, d) in page space.
        let ma = tm.a * ctm.a + tm.b * ctm.c, mb = tm.a * ctm.b + tm.b * ctm.d
        let mc = tm.c * ctm.a + tm.d * ctm.c, md = tm.c * ctm.b + tm.d * ctm.d
        var (ox, oy) = ctm.apply(tm.e + state.rise * tm.c, tm.f + state.rise * tm.d)
        let size = abs(fs) * font.sizeScale * (mc * mc + md * md).squareRoot()
        let direction: UInt8 = abs(ma) >= abs(mb) ? (ma >= 0 ? 0 : 2) : (mb > 0 ? 1 : 3)
        let baseLength = (ma * ma + mb * mb).squareRoot()
        var total = 0.0
        let charSpacing = state.charSpacing, wordSpacing = state.wordSpacing
        let bounds = pageBounds
        font.forEachCode(bytes) { text, width, isSpaceCode in
            let glyphAdvance = width * fs * th
            let advance = (width * fs + charSpacing + (isSpaceCode ? wordSpacing : 0)) * th
            if let text, !text.isEmpty, ox + size >= bounds.0, ox - size <= bounds.2, oy + size >= bounds.1, oy - size <= bounds.3 {
                let (fx, fy) = PDFContentInterpreter.frame(ox, oy, direction)
                let glyph = PDFGlyph(
                    x: fx, y: fy, width: glyphAdvance * baseLength, size: size, text: text, direction: direction,
                    isSpace: text == " ", sequence: glyphs.count)
                emit(glyph)
            }
            ox += advance * ma
            oy += advance * mb
            total += advance
        }
        textMatrix.e += total * tm.a
        textMatrix.f += total * tm.b
    }

    /// Rotates a page point into the frame where `direction`'s baseline runs along +x.
    @inline(__always) static func frame(_ x: Double, _ y: Double, _ direction: UInt8) -> (Double, Double) {
        switch direction {
        case 1: return (y, -x)
        case 2: return (-x, -y)
        case 3: return (-y, x)
        default: return (x, y)
        }
    }

    private mutating func emit(_ glyph: PDFGlyph) {
        guard glyph.x.isFinite, glyph.y.isFinite, glyph.size.isFinite, glyph.width.isFinite,
              glyphs.count < PDFContentInterpreter.maxGlyphsPerPage else { return }
        if var pending = actualText {
            if pending.first == nil { pending.first = glyph }
            pending.last = glyph
            actualText = pending
            return
        }
        glyphs.append(glyph)
    }

    mutating func finishActualText(_ pending: (depth: Int, text: String, first: PDFGlyph?, last: PDFGlyph?)) {
        actualText = nil
        guard let first = pending.first, let last = pending.last else { return }
        let cleaned = PDFFont.clean(pending.text) ?? ""
        guard !cleaned.isEmpty else { return }
        var glyph = first
        glyph.text = cleaned
        glyph.isSpace = cleaned.allSatisfy { $0 == " " }
        glyph.width = max(first.width, last.x + last.width - first.x)
        glyph.sequence = glyphs.count
        glyphs.append(glyph)
    }

    mutating func drawXObject(_ name: String, resources: PDFDict?, depth: Int) throws(ExtractionError) {
        let reference = doc.resolve(resources?["XObject"])?.dict?[name]
        guard let stream = doc.resolve(reference)?.stream else { return }
        let subtype = doc.resolve(stream.dict["Subtype"])?.name
        if subtype == "Image" {
            imageCount += 1
            return
        }
        guard subtype == "Form" else { return }
        var number = -1
        if case .ref(let n, _)? = reference { number = n }
        try drawForm(stream, number: number, resources: resources, depth: depth)
    }

    /// Runs a form XObject (or an annotation appearance) with its `/Matrix` and resources.
    mutating func drawForm(_ stream: PDFStream, number: Int, resources: PDFDict?, depth: Int) throws(ExtractionError) {
        guard depth + 1 < doc.limits.maxRecursionDepth else { return }
        if number >= 0 {
            guard !formStack.contains(number) else { return }
            formStack.append(number)
        }
        defer { if number >= 0 { formStack.removeLast() } }
        guard let data = try doc.decode(stream) else { return }
        let saved = state
        let savedStack = stack.count
        if let m = PDFContentInterpreter.matrix(doc.resolve(stream.dict["Matrix"]), doc) {
            state.ctm = m.concatenating(state.ctm)
        }
        let formResources = doc.resolve(stream.dict["Resources"])?.dict ?? resources
        try execute(data, resources: formResources, depth: depth + 1)
        state = saved
        if stack.count > savedStack { stack.removeLast(stack.count - savedStack) }
    }

    static func matrix(_ object: PDFObject?, _ doc: PDFDocument) -> PDFMatrix? {
        guard let values = object?.array?.compactMap({ doc.resolve($0)?.number }) else { return nil }
        return PDFMatrix(values)
    }

    /// Skips `... ID <binary> EI` after `BI`.
    func skipInlineImage(_ lexer: inout PDFLexer) {
        var steps = 0
        while steps < 1000 {
            steps += 1
            let t = lexer.next()
            if case .eof = t { return }
            if case .keyword(let k) = t, k == Op.ID { break }
        }
        var i = lexer.pos + 1
        let bytes = lexer.bytes
        while i + 1 < lexer.end {
            if bytes[i] == 0x45, bytes[i + 1] == 0x49, PDFLexer.isWhite(bytes[i - 1]),
               i + 2 >= lexer.end || PDFLexer.isWhite(bytes[i + 2]) || PDFLexer.isDelimiter(bytes[i + 2]) {
                lexer.pos = i + 2
                return
            }
            i += 1
        }
        lexer.pos = lexer.end
    }
}
