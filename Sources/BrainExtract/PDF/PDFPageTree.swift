/// One page with the attributes it inherits from its ancestors.
struct PDFPage {
    let dict: PDFDict
    let resources: PDFDict?
    /// The crop box (or media box): x0, y0, x1, y1.
    let box: (Double, Double, Double, Double)
    let rotate: Int
}

/// Walks `/Pages` (with a loop guard and depth limit); falls back to every `/Type /Page` object.
/// Attributes missing from a page are inherited: `/Resources`, `/CropBox` or `/MediaBox`, `/Rotate`.
enum PDFPageTree {
    static func pages(_ doc: PDFDocument) throws(ExtractionError) -> [PDFPage] {
        var result: [PDFPage] = []
        var visited = Set<Int>()
        func walk(_ node: PDFObject?, inheritedResources: PDFDict?, box: (Double, Double, Double, Double)?, rotate: Int?, depth: Int) throws(ExtractionError) {
            guard depth < doc.limits.maxRecursionDepth else { return }
            if case .ref(let n, _)? = node {
                guard !visited.contains(n) else { return }
                visited.insert(n)
            }
            try doc.deadline.check()
            guard let dict = doc.resolve(node)?.dict else { return }
            let resources = doc.resolve(dict["Resources"])?.dict ?? inheritedResources
            let ownBox = rect(doc.resolve(dict["CropBox"])) ?? rect(doc.resolve(dict["MediaBox"])) ?? box
            let ownRotate = doc.resolve(dict["Rotate"])?.int ?? rotate
            if let kids = doc.resolve(dict["Kids"])?.array, dict["Type"]?.name != "Page" {
                for kid in kids { try walk(kid, inheritedResources: resources, box: ownBox, rotate: ownRotate, depth: depth + 1) }
            } else {
                result.append(PDFPage(dict: dict, resources: resources, box: ownBox ?? (0, 0, 612, 792), rotate: ownRotate ?? 0))
            }
        }
        try walk(doc.catalog?["Pages"], inheritedResources: nil, box: nil, rotate: nil, depth: 0)
        if result.isEmpty {
            // A broken page tree: take every page object in object-number order.
            for num in doc.entries.keys.sorted() where !visited.contains(num) {
                try doc.deadline.check()
                guard let dict = doc.object(num)?.dict, doc.resolve(dict["Type"])?.name == "Page" else { continue }
                try walk(.ref(num, 0), inheritedResources: nil, box: nil, rotate: nil, depth: 0)
            }
        }
        return result
    }

    static func rect(_ object: PDFObject?) -> (Double, Double, Double, Double)? {
        guard let a = object?.array, a.count >= 4 else { return nil }
        let v = a.prefix(4).compactMap { $0.number }
        guard v.count == 4 else { return nil }
        return (min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3]))
    }
}
