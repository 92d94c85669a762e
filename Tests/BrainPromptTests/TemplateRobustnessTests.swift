import BrainCore
import Testing

@testable import BrainPrompt

/// Random inputs built from the languages' own pieces must give a value or a typed error,
/// never a crash or a hang. Deterministic: a fixed-seed generator.
@Suite struct TemplateRobustnessTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func text(from pieces: [String], count: Int) -> String {
            (0..<count).map { _ in pieces[next(pieces.count)] }.joined()
        }
    }

    static let templatePieces = [
        "{{", "}}", "{%", "%}", "{#", "#}", "-", "+", " ", "\n", "if", "elif", "else", "endif", "for", "in", "endfor",
        "set", "=", "x", "xs", "d", "loop", ".", "index", "[", "]", "(", ")", "'", "\"", "|", "upper", "default", "join",
        "indent", "truncate", "1", "-1", "2.5", ",", "is", "not", "defined", "and", "or", "~", "*", "//", "%", "raw", "endraw",
        "items", "==", "<", "none", "true", "é", "\\",
    ]

    static let yamlPieces = [
        "a", "b", ":", " ", "  ", "\n", "- ", "-", "[", "]", "{", "}", ",", "'", "\"", "|", ">", "+", "#", "&x", "*x",
        "!t", "---", "...", "\t", "1", "0x1F", "true", "~", "\\", "?", "é", "%",
    ]

    @Test func randomTemplatesNeverCrash() {
        var generator = Generator(state: 42)
        let context: JSONObject = ["x": "text", "xs": [1, "two", [3]], "d": ["k": "v"]]
        var rendered = 0
        for _ in 0..<3000 {
            let source = generator.text(from: Self.templatePieces, count: 1 + generator.next(30))
            do {
                let template = try Template(source: source, name: "fuzz", limits: TemplateLimits(maxOutputBytes: 10_000, maxLoopIterations: 1000))
                _ = try template.render(context)
                rendered += 1
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
        #expect(rendered > 0)
    }

    @Test func randomYAMLNeverCrashes() {
        var generator = Generator(state: 7)
        var parsed = 0
        for _ in 0..<3000 {
            let text = generator.text(from: Self.yamlPieces, count: 1 + generator.next(40))
            do {
                _ = try YAMLReader.parse(text)
                parsed += 1
            } catch {
                #expect(error.line >= 1)
            }
        }
        #expect(parsed > 0)
    }
}
