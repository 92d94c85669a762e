import Foundation

/// Text of a WordprocessingML package (DOCX, DOCM, DOTX): headers, body, notes, footers.
enum DOCXExtractor {
    static let extractorName = "brain-docx/1"

    /// - Parameter mainPart: the main document part (from the package relationships).
    static func extract(
        _ archive: inout ZipArchive, mainPart: String, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> ExtractedText {
        guard let documentData = try archive.data(named: mainPart) else {
            throw .corrupt(format: .docx, detail: "the package has no main document part \(mainPart)")
        }
        let document = try XMLTree.parse(documentData, format: .docx, limits: limits, deadline: deadline)
        guard let body = document.child("w:body") else {
            throw .corrupt(format: .docx, detail: "the main document has no w:body")
        }
        let relationships = try OPCRelationships.read(for: mainPart, in: &archive, limits: limits, deadline: deadline)
        var walker = DOCXTextWalker()
        walker.numbering = DOCXNumbering(
            numbering: try part(relationships.first(kind: "numbering"), in: &archive, limits: limits, deadline: deadline),
            styles: try part(relationships.first(kind: "styles"), in: &archive, limits: limits, deadline: deadline))
        let bodyLines = walker.blocks(body)
        try deadline.check()

        var headers: [String] = []
        var footers: [String] = []
        var seen: Set<String> = []
        for reference in sectionReferences(in: body) {
            guard let part = relationships.target(id: reference.id), seen.insert(part).inserted,
                let data = try archive.data(named: part)
            else { continue }
            let root = try XMLTree.parse(data, format: .docx, limits: limits, deadline: deadline)
            var partWalker = DOCXTextWalker()
            let text = partWalker.blocks(root).joined(separator: "\n")
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { continue }
            if reference.isHeader {
                if !headers.contains(text) { headers.append(text) }
            } else if !footers.contains(text) {
                footers.append(text)
            }
        }

        var notes: [String] = []
        for kind in ["footnotes", "endnotes"] {
            guard let part = relationships.first(kind: kind), let data = try archive.data(named: part) else { continue }
            let root = try XMLTree.parse(data, format: .docx, limits: limits, deadline: deadline)
            for note in root.elements where note.key == "w:footnote" || note.key == "w:endnote" {
                let type = note.attributes["w:type"] ?? "normal"
                guard type == "normal" else { continue }
                var noteWalker = DOCXTextWalker()
                notes.append(contentsOf: noteWalker.blocks(note))
            }
        }

        let text = TextNormalizer.normalize((headers + bodyLines + notes + footers).joined(separator: "\n"))
        var warnings: [String] = []
        if text.isEmpty {
            let hasImages = archive.entries.contains { $0.name.lowercased().hasPrefix("word/media/") }
            warnings.append(hasImages ? "image-only: the document has images but no text" : "the document has no text")
        }
        return ExtractedText(
            text: text, format: .docx, extractor: extractorName,
            pageCount: try pageCount(&archive, limits: limits, deadline: deadline), warnings: warnings)
    }

    /// The parsed part named `name`, or nil when there is no such part.
    private static func part(
        _ name: String?, in archive: inout ZipArchive, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> XMLTreeElement? {
        guard let name, let data = try archive.data(named: name) else { return nil }
        return try XMLTree.parse(data, format: .docx, limits: limits, deadline: deadline)
    }

    private struct SectionReference {
        var id: String
        var isHeader: Bool
    }

    /// Header and footer references of every section, headers first within each section.
    private static func sectionReferences(in body: XMLTreeElement) -> [SectionReference] {
        var references: [SectionReference] = []
        for section in DOCXTextWalker.descendants(of: body, key: "w:sectPr", stopAt: "w:tbl") {
            for child in section.elements {
                guard let id = child.attributes["r:id"] else { continue }
                if child.key == "w:headerReference" { references.append(SectionReference(id: id, isHeader: true)) }
                if child.key == "w:footerReference" { references.append(SectionReference(id: id, isHeader: false)) }
            }
        }
        return references
    }

    /// Pages from the extended properties (`docProps/app.xml`), when present and sane.
    private static func pageCount(
        _ archive: inout ZipArchive, limits: ExtractionLimits, deadline: Deadline
    ) throws(ExtractionError) -> Int? {
        let package = try OPCRelationships.read(for: "", in: &archive, limits: limits, deadline: deadline)
        let part = package.first(kind: "extended-properties") ?? "docProps/app.xml"
        guard let data = try? archive.data(named: part),
            let root = try? XMLTree.parse(data, format: .docx, limits: limits, deadline: deadline),
            let pages = root.child("ep:Pages").flatMap({ Int($0.allText.trimmingCharacters(in: .whitespaces)) }),
            pages > 0
        else { return nil }
        return pages
    }
}
