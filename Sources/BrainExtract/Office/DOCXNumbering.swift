import Foundation

/// List labels for Word paragraphs ("1.", "a)", "•") from `numbering.xml` and paragraph styles.
///
/// Counters are kept per numbering instance (`w:numId`); a level restarts when a shallower level
/// advances. Bullets of any font are written as "•".
struct DOCXNumbering {
    private struct Level {
        var format = ListNumberFormat.decimal
        var isBullet = false
        var text = ""
        var start = 1
    }

    private var abstracts: [String: [Int: Level]] = [:]
    private var instances: [String: [Int: Level]] = [:]
    /// Paragraph style id to its numbering (numId, level) and base style.
    private var styles: [String: (numId: String?, level: Int?, basedOn: String?)] = [:]
    private var counters: [String: [Int: Int]] = [:]

    static let maxLevel = 8

    init() {}

    init(numbering: XMLTreeElement?, styles styleRoot: XMLTreeElement?) {
        for abstract in numbering?.elements ?? [] where abstract.key == "w:abstractNum" {
            guard let id = abstract.attributes["w:abstractNumId"] else { continue }
            var levels: [Int: Level] = [:]
            for level in abstract.elements where level.key == "w:lvl" {
                if let index = level.attributes["w:ilvl"].flatMap({ Int($0) }) { levels[index] = DOCXNumbering.level(level) }
            }
            abstracts[id] = levels
        }
        for instance in numbering?.elements ?? [] where instance.key == "w:num" {
            guard let id = instance.attributes["w:numId"],
                let abstractId = instance.child("w:abstractNumId")?.attributes["w:val"]
            else { continue }
            var levels = abstracts[abstractId] ?? [:]
            for override in instance.elements where override.key == "w:lvlOverride" {
                guard let index = override.attributes["w:ilvl"].flatMap({ Int($0) }) else { continue }
                if let level = override.child("w:lvl") { levels[index] = DOCXNumbering.level(level) }
                if let start = override.child("w:startOverride")?.attributes["w:val"].flatMap({ Int($0) }) {
                    levels[index, default: Level()].start = start
                }
            }
            instances[id] = levels
        }
        for style in styleRoot?.elements ?? [] where style.key == "w:style" {
            guard let id = style.attributes["w:styleId"] else { continue }
            let numbering = style.child("w:pPr")?.child("w:numPr")
            styles[id] = (
                numbering?.child("w:numId")?.attributes["w:val"],
                numbering?.child("w:ilvl")?.attributes["w:val"].flatMap { Int($0) },
                style.child("w:basedOn")?.attributes["w:val"]
            )
        }
    }

    private static func level(_ element: XMLTreeElement) -> Level {
        var level = Level()
        let format = element.child("w:numFmt")?.attributes["w:val"] ?? "decimal"
        level.isBullet = format == "bullet"
        level.format = ListNumberFormat(word: format)
        level.text = element.child("w:lvlText")?.attributes["w:val"] ?? ""
        level.start = element.child("w:start")?.attributes["w:val"].flatMap { Int($0) } ?? 1
        return level
    }

    /// The label of the paragraph with properties `properties`, advancing its list's counter.
    mutating func label(for properties: XMLTreeElement?) -> String? {
        let direct = properties?.child("w:numPr")
        var numId = direct?.child("w:numId")?.attributes["w:val"]
        var levelIndex = direct?.child("w:ilvl")?.attributes["w:val"].flatMap { Int($0) }
        var styleId = properties?.child("w:pStyle")?.attributes["w:val"]
        var hops = 0
        while numId == nil || levelIndex == nil, let id = styleId, let style = styles[id], hops < 16 {
            numId = numId ?? style.numId
            levelIndex = levelIndex ?? style.level
            styleId = style.basedOn
            hops += 1
        }
        guard let numId, numId != "0", let levels = instances[numId] else { return nil }
        let index = min(max(levelIndex ?? 0, 0), DOCXNumbering.maxLevel)
        guard let level = levels[index] else { return nil }
        if level.isBullet { return level.text.isEmpty ? nil : "•" }

        var counts = counters[numId] ?? [:]
        counts[index] = counts[index].map { $0 &+ 1 } ?? level.start
        for deeper in (index + 1)...(DOCXNumbering.maxLevel + 1) { counts[deeper] = nil }
        counters[numId] = counts

        var label = level.text
        for placeholder in 0...index {
            let value = counts[placeholder] ?? levels[placeholder]?.start ?? 1
            let format = levels[placeholder]?.format ?? .decimal
            label = label.replacingOccurrences(of: "%\(placeholder + 1)", with: format.format(value))
        }
        let trimmed = label.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
