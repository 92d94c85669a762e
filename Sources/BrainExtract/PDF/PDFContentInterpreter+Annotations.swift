extension PDFContentInterpreter {
    /// Draws the normal appearance of every visible annotation (form field values, free text),
    /// as pdftotext does: the appearance box is fitted into the annotation's `/Rect`.
    mutating func drawAnnotations(page: PDFPage, pageMatrix: PDFMatrix) throws(ExtractionError) {
        guard let annotations = doc.resolve(page.dict["Annots"])?.array else { return }
        for item in annotations.prefix(2000) {
            guard let annotation = doc.resolve(item)?.dict else { continue }
            let flags = doc.resolve(annotation["F"])?.int ?? 0
            let subtype = doc.resolve(annotation["Subtype"])?.name
            guard flags & 2 == 0, subtype != "Popup", subtype != "Link",
                  let appearances = doc.resolve(annotation["AP"])?.dict else { continue }
            var normal = appearances["N"]
            if case .dict(let states)? = doc.resolve(normal), doc.resolve(normal)?.stream == nil {
                guard let state = doc.resolve(annotation["AS"])?.name else { continue }
                normal = states[state]
            }
            guard let stream = doc.resolve(normal)?.stream,
                  let rect = PDFPageTree.rect(doc.resolve(annotation["Rect"])) else { continue }
            var number = -1
            if case .ref(let n, _)? = normal { number = n }
            let box = PDFPageTree.rect(doc.resolve(stream.dict["BBox"])) ?? rect
            let form = PDFContentInterpreter.matrix(doc.resolve(stream.dict["Matrix"]), doc) ?? .identity
            // The appearance box after its own matrix, mapped onto the annotation rectangle.
            let corners = [form.apply(box.0, box.1), form.apply(box.2, box.1), form.apply(box.0, box.3), form.apply(box.2, box.3)]
            let x0 = corners.map(\.0).min() ?? 0, x1 = corners.map(\.0).max() ?? 0
            let y0 = corners.map(\.1).min() ?? 0, y1 = corners.map(\.1).max() ?? 0
            let sx = x1 > x0 ? (rect.2 - rect.0) / (x1 - x0) : 1, sy = y1 > y0 ? (rect.3 - rect.1) / (y1 - y0) : 1
            state = GraphicsState()
            state.ctm = PDFMatrix(a: sx, d: sy, e: rect.0 - sx * x0, f: rect.1 - sy * y0).concatenating(pageMatrix)
            try drawForm(stream, number: number, resources: page.resources, depth: 0)
        }
    }
}
