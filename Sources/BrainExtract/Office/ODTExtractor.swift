import Foundation

/// Text of an OpenDocument text package (ODT, OTT): master-page headers, body, notes, footers.
enum ODTExtractor {
    static let extractorName = "brain-odt/1"

    static func extract(
        _ archive: inout ZipArchive, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> ExtractedText {
        guard let contentData = try archive.data(named: "content.xml") else {
            throw .corrupt(format: .odt, detail: "the package has no content.xml")
        }
        let content = try XMLTree.parse(contentData, format: .odt, limits: limits, deadline: deadline)
        guard let text = content.child("office:body")?.child("office:text") else {
            throw .corrupt(format: .odt, detail: "content.xml has no office:text body")
        }
        var styles: XMLTreeElement?
        if let stylesData = try archive.data(named: "styles.xml") {
            styles = try XMLTree.parse(stylesData, format: .odt, limits: limits, deadline: deadline)
        }
        var walker = ODTTextWalker()
        walker.listStyles = ODTListStyles(containers: [
            content.child("office:automatic-styles"), styles?.child("office:styles"), styles?.child("office:automatic-styles"),
        ])
        let bodyLines = walker.blocks(text)
        try deadline.check()

        var headers: [String] = []
        var footers: [String] = []
        if let styles {
            let used = usedMasterPages(content: content, styles: styles)
            for page in styles.child("office:master-styles")?.elements ?? [] where page.key == "style:master-page" {
                guard let name = page.attributes["style:name"], used.contains(name) else { continue }
                for part in page.elements {
                    var partWalker = ODTTextWalker()
                    let partText = partWalker.blocks(part).joined(separator: "\n")
                    guard !partText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
                    if part.key.hasPrefix("style:header"), !headers.contains(partText) { headers.append(partText) }
                    if part.key.hasPrefix("style:footer"), !footers.contains(partText) { footers.append(partText) }
                }
            }
        }

        let output = TextNormalizer.normalize((headers + bodyLines + walker.notes + footers).joined(separator: "\n"))
        var warnings: [String] = []
        if output.isEmpty {
            let hasImages = archive.entries.contains { $0.name.hasPrefix("Pictures/") }
            warnings.append(hasImages ? "image-only: the document has images but no text" : "the document has no text")
        }
        return ExtractedText(
            text: output, format: .odt, extractor: extractorName,
            pageCount: try pageCount(&archive, limits: limits, deadline: deadline), warnings: warnings)
    }

    /// Master pages the document can show: the first (default) one and any named by a style.
    private static func usedMasterPages(content: XMLTreeElement, styles: XMLTreeElement) -> Set<String> {
        var used: Set<String> = ["Standard"]
        if let first = styles.child("office:master-styles")?.child("style:master-page")?.attributes["style:name"] {
            used.insert(first)
        }
        for root in [content.child("office:automatic-styles"), styles.child("office:styles"), styles.child("office:automatic-styles")] {
            for style in root?.elements ?? [] {
                if let name = style.attributes["style:master-page-name"], !name.isEmpty { used.insert(name) }
            }
        }
        return used
    }

    /// Pages from `meta.xml` document statistics, when present and sane.
    private static func pageCount(
        _ archive: inout ZipArchive, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> Int? {
        guard let data = try? archive.data(named: "meta.xml"),
            let root = try? XMLTree.parse(data, format: .odt, limits: limits, deadline: deadline),
            let statistics = root.child("office:meta")?.child("meta:document-statistic"),
            let pages = statistics.attributes["meta:page-count"].flatMap({ Int($0) }), pages > 0
        else { return nil }
        return pages
    }
}
