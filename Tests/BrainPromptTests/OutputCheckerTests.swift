import BrainCore
import BrainPrompt
import Testing

@Suite struct OutputCheckerTests {
    func checker(_ name: String = "resume") throws -> StructuredOutputChecker {
        StructuredOutputChecker(schema: try #require(SchemaFiles.named(name)))
    }

    @Test func validAnswerInProseIsValid() throws {
        let check = try checker("jd").check("Here you go:\n" + SampleOutputs.jdJSON + "\nHope this helps.")
        #expect(check.verdict == .valid(SampleOutputs.jd))
        #expect(check.location == .embeddedObject)
        #expect(check.verdict.label == "valid")
        #expect(check.verdict.errors.isEmpty)
        #expect(check.verdict.record == ["verdict": "valid", "errors": []])
    }

    @Test func normalisationHappensBeforeValidation() throws {
        let answer = SampleOutputs.resume.editing("/work/1/startDate", "June 2017").editing("/work/0/endDate", "Present")
        let check = try checker().check(answer.serialized())
        #expect(check.verdict == .valid(SampleOutputs.resume))
        #expect(check.changes.count == 2)
    }

    @Test func repairPathFromFencedInvalidAnswerToRepaired() throws {
        let checker = try checker()
        let broken = SampleOutputs.resume.editing("/skills", nil).editing("/work/0/startDate", "spring 21")
        let firstAnswer = "```json\n" + broken.serialized(pretty: true) + "\n```"
        let first = checker.check(firstAnswer)
        #expect(first.location == .fencedBlock)
        guard case .invalid(let errors, let parsed) = first.verdict else {
            Issue.record("expected invalid, got \(first.verdict)")
            return
        }
        #expect(parsed?["basics"] == SampleOutputs.resume["basics"])
        #expect(errors == [
            #"(document): missing required property "skills" (required)"#,
            #"/work/0/startDate: "spring 21" does not match the pattern ^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$ (Same pattern as JSON Resume: YYYY, YYYY-MM or YYYY-MM-DD.) (pattern)"#,
        ])
        #expect(first.verdict.record == ["verdict": "invalid", "errors": .array(errors.map(JSONValue.string))])

        let conversation = [
            ChatMessage(role: .system, content: "You are an expert resume parser."),
            ChatMessage(role: .user, content: "Parse this resume: ..."),
        ]
        let repair = checker.repairRequest(conversation: conversation, answer: firstAnswer, errors: errors)
        #expect(repair.count == 4)
        #expect(Array(repair.prefix(2)) == conversation)
        #expect(repair[2] == ChatMessage(role: .assistant, content: firstAnswer))
        #expect(repair[3].role == .user)
        let instruction = repair[3].content
        #expect(instruction.hasPrefix("Your previous answer does not satisfy the required JSON schema. Problems found:\n- "))
        for error in errors { #expect(instruction.contains("\n- " + error)) }
        #expect(instruction.contains("Reply with the complete corrected JSON object only"))

        let second = checker.checkRepair(SampleOutputs.resumeJSON)
        #expect(second.verdict == .repaired(SampleOutputs.resume))
        #expect(second.verdict.label == "repaired")
        #expect(second.verdict.isAccepted)
    }

    @Test func repairAnswerThatIsStillInvalidStaysInvalid() throws {
        let verdict = try checker().checkRepair("Sorry, I cannot do that.").verdict
        #expect(verdict == .invalid(errors: ["the answer contains no JSON object"], parsed: nil))
        #expect(verdict.label == "invalid")
        #expect(!verdict.isAccepted)
    }

    @Test func unparsableAnswerNamesTheParseError() throws {
        let verdict = try checker().check(#"{"basics": {"name": "Ana",}}"#).verdict
        #expect(verdict.errors.count == 1)
        #expect(verdict.errors.first?.hasPrefix("the JSON in the answer (whole text) does not parse: invalid JSON at byte") == true)
    }

    @Test func repairRequestListsAtMostTwentyErrors() throws {
        let errors = (1...25).map { "/work/\($0): problem" }
        let text = StructuredOutputChecker.repairInstruction(errors: errors)
        #expect(text.contains("- /work/20: problem"))
        #expect(!text.contains("- /work/21: problem"))
        #expect(text.contains("- ... and 5 more problems of the same kind"))
    }

    @Test func emptyAnswerStillGivesTheAssistantTurnContent() throws {
        let repair = try checker().repairRequest(conversation: [], answer: "  ", errors: ["the answer is empty"])
        #expect(repair.first == ChatMessage(role: .assistant, content: "(empty answer)"))
    }

    @Test func hugeViolationListsAreCapped() throws {
        let schema = try JSONSchema(text: #"{"items":{"type":"string"}}"#)
        let verdict = StructuredOutputChecker(schema: schema).check(JSONValue.array(Array(repeating: 1, count: 150)).serialized()).verdict
        #expect(verdict.errors.count == StructuredOutputChecker.maxStoredErrors + 1)
        #expect(verdict.errors.last == "... and 50 more violations")
    }
}

@Suite struct OutputHostileInputTests {
    @Test(arguments: [
        "[]", "42", #""just a string""#, "null",
        String(repeating: "[", count: 400) + String(repeating: "]", count: 400),
        #"{"work": [{"startDate": ""# + String(repeating: "9", count: 5000) + #""}]}"#,
        #"{"basics": {"name": "\u0000\u200b\ud83d\ude00"}, "work": [], "education": [], "skills": []}"#,
    ])
    func oddAnswersGiveAVerdictNotACrash(answer: String) throws {
        let checker = StructuredOutputChecker(schema: try #require(SchemaFiles.resume))
        let verdict = checker.check(answer).verdict
        #expect(verdict.label == "invalid" || verdict.label == "valid")
        _ = GroundingCheck(sourceText: answer).warnings(for: verdict.document ?? .null, task: .resumeParsing)
    }

    @Test func longDateLikeStringsAreLeftAlone() {
        #expect(ResumeDate.read(String(repeating: "2020-", count: 2000)) == .unrecognized)
        #expect(ResumeDate.read(String(repeating: "Jan ", count: 2000)) == .unrecognized)
    }
}
