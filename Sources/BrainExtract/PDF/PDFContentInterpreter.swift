/// Runs page content streams and collects every shown glyph with its position.
struct PDFContentInterpreter {
    struct GraphicsState {
        var ctm = PDFMatrix.identity
        var font: PDFFont?
        var fontSize = 0.0
        var charSpacing = 0.0
        var wordSpacing = 0.0
        var horizontalScale = 1.0
        var leading = 0.0
        var rise = 0.0
    }

    let doc: PDFDocument
    var fonts: [Int: PDFFont] = [:]
    /// Fonts given inline in a resource dictionary, by resource name (cleared for every stream).
    var directFonts: [String: PDFFont] = [:]
    var glyphs: [PDFGlyph] = []
    var imageCount = 0
    var operatorCount = 0
    var lostGlyphFonts = Set<String>()
    var recoveredFonts = Set<String>()
    /// The page's crop box in rotated page space; glyphs wholly outside it are dropped, as pdftotext does.
    var pageBounds = (0.0, 0.0, 612.0, 792.0)
    /// Glyphs kept per page; the rest of a pathological page is ignored.
    static let maxGlyphsPerPage = 1_000_000
    var state = GraphicsState()
    var stack: [GraphicsState] = []
    var textMatrix = PDFMatrix.identity
    private var lineMatrix = PDFMatrix.identity
    var formStack: [Int] = []
    /// ActualText replacement in progress: the marked-content depth it belongs to and its text.
    var actualText: (depth: Int, text: String, first: PDFGlyph?, last: PDFGlyph?)?
    private var markedDepth = 0

    init(doc: PDFDocument) { self.doc = doc }

    /// Interprets one page's content with the page rotation applied to the initial CTM.
    mutating func run(page: PDFPage) throws(ExtractionError) {
        glyphs.removeAll(keepingCapacity: true)
        imageCount = 0
        state = GraphicsState()
        textMatrix = .identity
        lineMatrix = .identity
        actualText = nil
        markedDepth = 0
        switch ((page.rotate % 360) + 360) % 360 {
        case 90: state.ctm = PDFMatrix(a: 0, b: -1, c: 1, d: 0)
        case 180: state.ctm = PDFMatrix(a: -1, b: 0, c: 0, d: -1)
        case 270: state.ctm = PDFMatrix(a: 0, b: 1, c: -1, d: 0)
        default: break
        }
        stack.removeAll()
        var data: [UInt8] = []
        switch doc.resolve(page.dict["Contents"]) {
        case .stream(let s)?: data = try doc.decode(s) ?? []
        case .array(let parts)?:
            for part in parts {
                if let s = doc.resolve(part)?.stream, let bytes = try doc.decode(s) {
                    data += bytes
                    data.append(0x0A)
                }
            }
        default: break
        }
        let pageMatrix = state.ctm
        let corners = [pageMatrix.apply(page.box.0, page.box.1), pageMatrix.apply(page.box.2, page.box.3)]
        pageBounds = (min(corners[0].0, corners[1].0), min(corners[0].1, corners[1].1),
                      max(corners[0].0, corners[1].0), max(corners[0].1, corners[1].1))
        try execute(data, resources: page.resources, depth: 0)
        try drawAnnotations(page: page, pageMatrix: pageMatrix)
    }

    mutating func execute(_ data: [UInt8], resources: PDFDict?, depth: Int) throws(ExtractionError) {
        var parser = PDFParser(data, allowReferences: false, maxDepth: 16)
        var operands: [PDFObject] = []
        directFonts.removeAll()
        let stackBase = stack.count
        defer { while stack.count > stackBase, let s = stack.popLast() { state = s } }
        while true {
            let token = parser.lexer.next()
            switch token {
            case .eof: return
            case .keyword(let op):
                operatorCount += 1
                if operatorCount & 4095 == 0 { try doc.deadline.check() }
                if operatorCount > doc.limits.maxContentOperators {
                    throw .limitExceeded(what: "content-stream operators", limit: doc.limits.maxContentOperators)
                }
                if op == Op.BI {
                    skipInlineImage(&parser.lexer)
                    imageCount += 1
                } else {
                    try perform(op, operands, resources: resources, depth: depth)
                }
                operands.removeAll(keepingCapacity: true)
            default:
                if let o = parser.object(from: token, depth: 0) { operands.append(o) }
                if operands.count > 64 { operands.removeFirst(operands.count - 64) }
            }
        }
    }

    private func numbers(_ operands: [PDFObject], _ count: Int) -> [Double]? {
        guard operands.count >= count else { return nil }
        let values = operands.suffix(count).compactMap { $0.number }
        return values.count == count ? values : nil
    }

    private mutating func perform(_ op: UInt64, _ operands: [PDFObject], resources: PDFDict?, depth: Int) throws(ExtractionError) {
        switch op {
        case Op.q:
            if stack.count < 256 { stack.append(state) }
        case Op.Q:
            if let s = stack.popLast() { state = s }
        case Op.cm:
            if let v = numbers(operands, 6), let m = PDFMatrix(v) { state.ctm = m.concatenating(state.ctm) }
        case Op.BT:
            textMatrix = .identity
            lineMatrix = .identity
        case Op.Tc: if let v = numbers(operands, 1) { state.charSpacing = v[0] }
        case Op.Tw: if let v = numbers(operands, 1) { state.wordSpacing = v[0] }
        case Op.Tz: if let v = numbers(operands, 1) { state.horizontalScale = v[0] / 100 }
        case Op.TL: if let v = numbers(operands, 1) { state.leading = v[0] }
        case Op.Ts: if let v = numbers(operands, 1) { state.rise = v[0] }
        case Op.Tf:
            if operands.count >= 2, let size = operands[operands.count - 1].number, let name = operands[operands.count - 2].name {
                state.fontSize = size
                state.font = font(named: name, resources: resources)
            }
        case Op.Td:
            if let v = numbers(operands, 2) { moveLine(v[0], v[1]) }
        case Op.TD:
            if let v = numbers(operands, 2) {
                state.leading = -v[1]
                moveLine(v[0], v[1])
            }
        case Op.Tm:
            if let v = numbers(operands, 6), let m = PDFMatrix(v) {
                textMatrix = m
                lineMatrix = m
            }
        case Op.Tstar: moveLine(0, -state.leading)
        case Op.Tj:
            if let s = operands.last?.string { show(s) }
        case Op.quote:
            moveLine(0, -state.leading)
            if let s = operands.last?.string { show(s) }
        case Op.dquote:
            if operands.count >= 3, let w = operands[operands.count - 3].number, let c = operands[operands.count - 2].number {
                state.wordSpacing = w
                state.charSpacing = c
            }
            moveLine(0, -state.leading)
            if let s = operands.last?.string { show(s) }
        case Op.TJ:
            guard let items = operands.last?.array else { break }
            for item in items {
                switch item {
                case .string(let s): show(s)
                case .int, .real:
                    let adjust = -(item.number ?? 0) / 1000 * state.fontSize * state.horizontalScale
                    textMatrix.e += adjust * textMatrix.a
                    textMatrix.f += adjust * textMatrix.b
                default: break
                }
            }
        case Op.Do:
            if let name = operands.last?.name { try drawXObject(name, resources: resources, depth: depth) }
        case Op.BDC:
            markedDepth += 1
            if actualText == nil, operands.count >= 2 {
                var props = operands[operands.count - 1].dict
                if props == nil, let name = operands[operands.count - 1].name {
                    props = doc.resolve(doc.resolve(resources?["Properties"])?.dict?[name])?.dict
                }
                if let text = props.flatMap({ doc.resolve($0["ActualText"])?.string }) {
                    actualText = (markedDepth, PDFGlyphNames.textString(text), nil, nil)
                }
            }
        case Op.BMC:
            markedDepth += 1
        case Op.EMC:
            if let pending = actualText, pending.depth == markedDepth { finishActualText(pending) }
            markedDepth = max(0, markedDepth - 1)
        default:
            break
        }
    }

    private mutating func moveLine(_ tx: Double, _ ty: Double) {
        lineMatrix = PDFMatrix(e: tx, f: ty).concatenating(lineMatrix)
        textMatrix = lineMatrix
    }

    private mutating func font(named name: String, resources: PDFDict?) -> PDFFont {
        let fontsDict = doc.resolve(resources?["Font"])?.dict
        let reference = fontsDict?[name]
        if case .ref(let num, _)? = reference, let cached = fonts[num] { return cached }
        if reference != nil, directFonts.count < 256, case .dict? = reference, let cached = directFonts[name] { return cached }
        let loaded = PDFFontLoader(doc: doc).load(reference)
        switch loaded.unicodeSource {
        case .none: lostGlyphFonts.insert(loaded.name)
        case .recovered: recoveredFonts.insert(loaded.name)
        case .toUnicode: break
        }
        switch reference {
        case .ref(let num, _)?: fonts[num] = loaded
        case .dict?: directFonts[name] = loaded
        default: break
        }
        return loaded
    }
}

/// Content-stream operators, packed like lexer keywords.
enum Op {
    static let q = PDFLexer.keyword("q"), Q = PDFLexer.keyword("Q"), cm = PDFLexer.keyword("cm")
    static let BT = PDFLexer.keyword("BT"), ET = PDFLexer.keyword("ET")
    static let Tc = PDFLexer.keyword("Tc"), Tw = PDFLexer.keyword("Tw"), Tz = PDFLexer.keyword("Tz")
    static let TL = PDFLexer.keyword("TL"), Tf = PDFLexer.keyword("Tf"), Ts = PDFLexer.keyword("Ts")
    static let Td = PDFLexer.keyword("Td"), TD = PDFLexer.keyword("TD"), Tm = PDFLexer.keyword("Tm")
    static let Tstar = PDFLexer.keyword("T*"), Tj = PDFLexer.keyword("Tj"), TJ = PDFLexer.keyword("TJ")
    static let quote = PDFLexer.keyword("'"), dquote = PDFLexer.keyword("\"")
    static let Do = PDFLexer.keyword("Do"), BI = PDFLexer.keyword("BI"), ID = PDFLexer.keyword("ID")
    static let BDC = PDFLexer.keyword("BDC"), BMC = PDFLexer.keyword("BMC"), EMC = PDFLexer.keyword("EMC")
}
