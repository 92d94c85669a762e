import Foundation

/// Decides a file's format from its bytes.
enum FormatSniffer {
    static let unknownBinary = SniffedFormat.unsupported(
        kind: "application/octet-stream", reason: "not a document format brain reads")

    static func sniff(_ data: Data) -> SniffedFormat {
        if data.isEmpty { return .empty }
        let head = [UInt8](data.prefix(1024))
        if head.starts(with: Array("%PDF".utf8)) { return .pdf }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06])
            || head.starts(with: [0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if head.starts(with: CompoundFile.signature) { return sniffCompoundFile(data) }
        let start = skipBOMAndSpace(head)
        if head[start...].starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if looksLikeHTML(head, from: start) { return .html }
        // PDF readers accept a header anywhere in the first kilobyte (after mail or print-job junk).
        if containsPDFMarker(head) { return .pdf }
        if let binary = BinarySignatures.match(head) { return binary }
        if isText(data, head: head) { return .text }
        return unknownBinary
    }

    private static func containsPDFMarker(_ head: [UInt8]) -> Bool {
        let marker: [UInt8] = Array("%PDF-".utf8)
        guard head.count >= marker.count else { return false }
        for index in 0...(head.count - marker.count) where head[index] == 0x25 {
            if head[index..<(index + marker.count)].elementsEqual(marker) { return true }
        }
        return false
    }

    /// OLE2 files: Word documents by their WordDocument stream, the rest named by their streams.
    private static func sniffCompoundFile(_ data: Data) -> SniffedFormat {
        guard let file = try? CompoundFile(data) else { return .doc }
        let names = Set(file.entries.map(\.name))
        if names.contains("WordDocument") { return .doc }
        if names.contains("Workbook") || names.contains("Book") {
            return .unsupported(kind: "application/vnd.ms-excel", reason: "spreadsheets are not read; save it as a document")
        }
        if names.contains("PowerPoint Document") {
            return .unsupported(kind: "application/vnd.ms-powerpoint", reason: "presentations are not read")
        }
        if names.contains(where: { $0.hasPrefix("__substg1.0_") }) {
            return .unsupported(kind: "application/vnd.ms-outlook", reason: "e-mail messages are not read; save the attachment instead")
        }
        if names.contains("EncryptedPackage") {
            return .unsupported(kind: "application/x-ole-storage", reason: "an encrypted Office document; save it without a password")
        }
        return .unsupported(kind: "application/x-ole-storage", reason: "an OLE2 compound file without a Word document in it")
    }

    private static func skipBOMAndSpace(_ head: [UInt8]) -> Int {
        var index = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < head.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C].contains(head[index]) { index += 1 }
        return index
    }

    private static let htmlOpeners = [
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<h1", "<h2",
        "<h3", "<h4", "<h5", "<h6", "<table", "<tr", "<td", "<br", "<hr", "<link", "<style", "<script", "<span", "<ul", "<ol",
        "<li", "<dl", "<pre", "<b>", "<i>", "<a ", "<img", "<form", "<font", "<center", "<strong", "<em>", "<blockquote",
        "<article", "<section", "<header", "<footer", "<main", "<nav", "<!--",
    ]

    /// Markup that starts (after a BOM, spaces, an XML declaration or comments) with an HTML tag.
    private static func looksLikeHTML(_ head: [UInt8], from start: Int) -> Bool {
        let utf16 = head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF])
        let bytes = utf16 ? head.filter { $0 != 0 } : Array(head[start...])
        let text = String(decoding: bytes, as: UTF8.self).lowercased()
        let trimmed = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" || $0 == "\u{FFFD}" }
        guard trimmed.hasPrefix("<") else { return false }
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<!--") {
            return text.contains("<html") || text.contains("<!doctype html")
        }
        return htmlOpeners.contains { trimmed.hasPrefix($0) }
    }

    /// Text: a Unicode BOM, UTF-16 by its NUL pattern, or a sample with no NUL and few control bytes.
    private static func isText(_ data: Data, head: [UInt8]) -> Bool {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) || head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return true
        }
        let sample = [UInt8](data.prefix(8192))
        if TextDecoder.bomlessUTF16(sample) != nil { return true }
        if sample.contains(0) { return false }
        let controls = sample.filter { ($0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C, 0x1A].contains($0)) || $0 == 0x7F }.count
        return controls * 50 <= sample.count
    }
}
