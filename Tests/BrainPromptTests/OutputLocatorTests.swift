import BrainCore
import BrainPrompt
import Testing

@Suite struct OutputLocatorTests {
    @Test(arguments: [
        (#"{"a":1}"#, JSONLocation.wholeText),
        ("\n\n   \t{\"a\":1}\n", .wholeText),
        ("\u{FEFF}{\"a\":1}", .wholeText),
        ("\u{FEFF}\n  {\"a\":1}", .wholeText),
        ("```json\n{\"a\":1}\n```", .fencedBlock),
        ("Here is the result:\n\n```JSON\n{\"a\":1}\n```\nLet me know!", .fencedBlock),
        ("```\n{\"a\":1}\n```", .fencedBlock),
        ("```python\nprint({'x': 2})\n```\n```json\n{\"a\":1}\n```", .fencedBlock),
        ("```json\n{\"a\":1}", .fencedBlock),
        ("Sure! The parsed resume is {\"a\":1} as requested.", .embeddedObject),
        ("Use {braces} like this: {\"a\":1}", .embeddedObject),
        ("Result: {\"a\":1} and also {\"b\":2}", .embeddedObject),
    ])
    func findsTheDocument(answer: String, location: JSONLocation) throws {
        let found = try JSONLocator.locate(in: answer)
        #expect(found.value == ["a": 1])
        #expect(found.location == location)
    }

    @Test func bracesInsideStringsDoNotEndTheObject() throws {
        let found = try JSONLocator.locate(in: #"Answer: {"note":"a } and a \" { inside","n":[1,{"m":2}]} done"#)
        #expect(found.value == ["note": "a } and a \" { inside", "n": [1, ["m": 2]]])
    }

    @Test func wholeArrayAnswerIsTakenAsIs() throws {
        #expect(try JSONLocator.locate(in: "[1,2]").value == [1, 2])
    }

    @Test(arguments: ["", "   \n\t"])
    func emptyAnswer(answer: String) {
        #expect(throws: JSONLocatorError.emptyAnswer) { try JSONLocator.locate(in: answer) }
    }

    @Test(arguments: ["I could not find a resume in this text.", "```python\nprint(1)\n```"])
    func noJSON(answer: String) {
        #expect(throws: JSONLocatorError.noJSONFound) { try JSONLocator.locate(in: answer) }
    }

    @Test(arguments: [
        ("{\"a\":1,}", JSONLocation.wholeText),
        ("```json\n{\"a\": 1, \"b\": }\n```", .fencedBlock),
        ("The answer is {\"a\": 1, \"b\": [1, 2 } ok", .embeddedObject),
        ("Truncated: {\"a\": {\"b\": 1", .embeddedObject),
    ])
    func unparsableJSONIsReportedWithTheParseError(answer: String, location: JSONLocation) {
        do {
            _ = try JSONLocator.locate(in: answer)
            Issue.record("found JSON in \(answer)")
        } catch {
            guard case .unparsable(let where_, let parseError) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(where_ == location)
            #expect(error.description.contains("does not parse: invalid JSON at byte"))
            #expect(!parseError.message.isEmpty)
        }
    }

    @Test func manyUnbalancedBracesStayCheap() {
        let hostile = String(repeating: "{", count: 50_000) + "text"
        #expect(throws: JSONLocatorError.self) { try JSONLocator.locate(in: hostile) }
    }
}
