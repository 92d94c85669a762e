import BrainCore
import BrainPrompt
import Testing

@Suite struct GroundingCheckTests {
    @Test func samplesAreGroundedInTheirSourceTexts() {
        #expect(GroundingCheck(sourceText: SampleOutputs.resumeSourceText).warnings(for: SampleOutputs.resume, task: .resumeParsing) == [])
        #expect(GroundingCheck(sourceText: SampleOutputs.jdSourceText).warnings(for: SampleOutputs.jd, task: .jdParsing) == [])
    }

    @Test func inventedResumeNamesAreFlagged() {
        let document = SampleOutputs.resume
            .editing("/basics/name", "Zoe Lindquist")
            .editing("/work/1/name", "Acme Corp")
            .editing("/work/2/position", "Software Engineer II")
            .editing("/education/0/institution", "University of Porto")
        let warnings = GroundingCheck(sourceText: SampleOutputs.resumeSourceText).warnings(for: document, task: .resumeParsing)
        #expect(warnings.map(\.description) == [
            #"basics.name "Zoe Lindquist" does not appear in the source text"#,
            #"work[1].name "Acme Corp" does not appear in the source text"#,
            #"work[2].position "Software Engineer II" does not appear in the source text"#,
            #"education[0].institution "University of Porto" does not appear in the source text"#,
        ])
    }

    @Test func inventedJobNamesAreFlagged() {
        let document = SampleOutputs.jd.editing("/title", "Principal Data Engineer").editing("/hiringOrganization/name", "Bluewater Analytics")
        let warnings = GroundingCheck(sourceText: SampleOutputs.jdSourceText).warnings(for: document, task: .jdParsing)
        #expect(warnings == [
            GroundingWarning(field: "title", value: "Principal Data Engineer"),
            GroundingWarning(field: "hiringOrganization.name", value: "Bluewater Analytics"),
        ])
    }

    @Test(arguments: [
        ("ACME  corp", "Worked at Acme\nCorp for years"),
        ("Zoë Lindqvist", "ZOE LINDQVIST"),
        ("Zoe Lindqvist", "Zoë  Lindqvist"),
        ("Müller & Söhne GmbH", "muller and sohne gmbh"),
        ("Acme, Inc.", "Acme Inc"),
        ("O'Brien Consulting", "OBrien Consulting Ltd"),
        ("Lindqvist-Amaral", "Lindqvist Amaral"),
        ("Office Solutions", "Oﬃce Solutions"),
        ("ＡＣＭＥ", "acme"),
        ("Universidad Politécnica de Madrid", "UNIVERSIDAD POLITECNICA DE MADRID"),
        ("", "anything"),
    ])
    func presentUnderNormalisation(name: String, source: String) {
        #expect(GroundingCheck(sourceText: source).contains(name))
    }

    @Test(arguments: [
        ("Acme", "Acmeco Industries"),
        ("Corp Acme", "Acme Corp"),
        ("Data Engineer", "Senior Data Platform Engineer"),
        ("Ana", "Anastasia Silva"),
    ])
    func absentWhenOnlyPartOfAWordOrReordered(name: String, source: String) {
        #expect(!GroundingCheck(sourceText: source).contains(name))
    }

    @Test func otherTasksHaveNoGroundingWarnings() {
        let check = GroundingCheck(sourceText: "")
        #expect(check.warnings(for: SampleOutputs.resume, task: .chat).isEmpty)
        #expect(check.warnings(for: SampleOutputs.resume, task: .generic).isEmpty)
    }

    @Test func missingOrNonStringFieldsAreSkipped() {
        let check = GroundingCheck(sourceText: "Ana Silva")
        #expect(check.warnings(for: ["basics": ["name": 5], "work": "none", "education": [["area": "Law"]]], task: .resumeParsing).isEmpty)
    }
}
