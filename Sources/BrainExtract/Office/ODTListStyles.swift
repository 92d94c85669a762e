/// List labels for OpenDocument lists ("1.", "a)", "•") from `text:list-style` definitions.
struct ODTListStyles {
    struct Level {
        var format = ListNumberFormat.none
        var isBullet = false
        var bullet = "•"
        var prefix = ""
        var suffix = ""
        var start = 1
        var displayLevels = 1
    }

    private var styles: [String: [Int: Level]] = [:]

    init() {}

    /// Reads every `text:list-style` below the given style containers.
    init(containers: [XMLTreeElement?]) {
        for container in containers {
            for style in container?.elements ?? [] where style.key == "text:list-style" {
                guard let name = style.attributes["style:name"] else { continue }
                var levels: [Int: Level] = [:]
                for definition in style.elements {
                    guard let index = definition.attributes["text:level"].flatMap({ Int($0) }) else { continue }
                    levels[index] = ODTListStyles.level(definition)
                }
                styles[name] = levels
            }
        }
    }

    private static func level(_ definition: XMLTreeElement) -> Level {
        var level = Level()
        level.prefix = definition.attributes["style:num-prefix"] ?? ""
        level.suffix = definition.attributes["style:num-suffix"] ?? ""
        switch definition.key {
        case "text:list-level-style-bullet":
            level.isBullet = true
            // Symbol-font bullets are stored as plain letters ("o", "§", "ü") or private-use code
            // points; only real bullet and arrow symbols are kept, the rest read as "•".
            if let character = definition.attributes["text:bullet-char"]?.unicodeScalars.first,
                (0x2000...0x2BFF).contains(character.value) || "-*+\u{00B7}".unicodeScalars.contains(character)
            {
                level.bullet = String(character)
            }
        case "text:list-level-style-number":
            level.format = ListNumberFormat(openDocument: definition.attributes["style:num-format"] ?? "")
            level.start = definition.attributes["text:start-value"].flatMap { Int($0) } ?? 1
            level.displayLevels = definition.attributes["text:display-levels"].flatMap { Int($0) } ?? 1
        default:
            level.format = .none
        }
        return level
    }

    /// The first counter value of a level (1 when the style or level is unknown).
    func start(style: String?, level: Int) -> Int {
        style.flatMap { styles[$0]?[level]?.start } ?? 1
    }

    /// The label for an item whose list counters, outermost first, are `counters`.
    func label(style: String?, counters: [Int]) -> String? {
        guard let style, let levels = styles[style], let level = levels[counters.count] else { return nil }
        if level.isBullet { return level.bullet }
        guard level.format != .none else { return nil }
        let shown = max(1, min(level.displayLevels, counters.count))
        var parts: [String] = []
        for depth in (counters.count - shown + 1)...counters.count {
            let format = levels[depth]?.format ?? .decimal
            parts.append((format == .none ? ListNumberFormat.decimal : format).format(counters[depth - 1]))
        }
        return level.prefix + parts.joined(separator: ".") + level.suffix
    }
}
