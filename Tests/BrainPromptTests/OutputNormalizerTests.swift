import BrainCore
import BrainPrompt
import Testing

@Suite struct OutputNormalizerTests {
    func normalizer(_ name: String = "resume") throws -> OutputNormalizer {
        OutputNormalizer(schema: try #require(SchemaFiles.named(name)))
    }

    @Test func bothSchemasSayUnknownValuesAreOmitted() throws {
        #expect(try normalizer("resume").dropsEmptyValues)
        #expect(try normalizer("jd").dropsEmptyValues)
    }

    @Test func rewritesDatesDropsOngoingEndDatesAndEmptyValues() throws {
        let answer: JSONValue = [
            "basics": ["name": "  Zoë Lindqvist-Amaral\n", "email": "", "phone": .null, "url": "zoe-lindqvist.example.dev",
                       "location": ["city": "", "countryCode": .null], "profiles": []],
            "work": [
                ["name": "Fjordline Logistics AS", "startDate": "Mar 2021", "endDate": "Present", "highlights": ["", "Led the migration."]],
                ["name": "Kestrel Data Systems GmbH", "startDate": "06/2017", "endDate": "2021/02/28", "isCurrent": false],
                ["name": "", "position": .null],
            ],
            "education": [["institution": "Universidade do Minho", "endDate": "Current"]],
            "skills": [],
        ]
        let result = try normalizer().normalize(answer)
        let expected: JSONValue = [
            "basics": ["name": "Zoë Lindqvist-Amaral", "url": "https://zoe-lindqvist.example.dev"],
            "work": [
                ["name": "Fjordline Logistics AS", "startDate": "2021-03", "highlights": ["Led the migration."], "isCurrent": true],
                ["name": "Kestrel Data Systems GmbH", "startDate": "2017-06", "endDate": "2021-02-28", "isCurrent": false],
            ],
            "education": [["institution": "Universidade do Minho"]],
            "skills": [],
        ]
        #expect(result.value == expected)
        #expect(SchemaFiles.resume?.validate(result.value) == [])
        let described = result.changes.map(\.description)
        #expect(described.contains(#"/work/0/startDate: date "Mar 2021" -> "2021-03""#))
        #expect(described.contains(#"/work/0/endDate: dropped "Present": the period is ongoing, so the end date is omitted"#))
        #expect(described.contains("/work/0/isCurrent: set to true because the end date said the period is ongoing"))
        #expect(described.contains(#"/basics/url: prefixed https:// to the bare domain "zoe-lindqvist.example.dev""#))
        #expect(described.contains("/basics/email: dropped empty string"))
        #expect(described.contains("/basics/phone: dropped null"))
        #expect(described.contains("/basics/location: dropped empty object"))
        #expect(described.contains("/basics/profiles: dropped empty array"))
        #expect(described.contains("/work/2: dropped empty item"))
        #expect(described.contains("/basics/name: trimmed whitespace"))
        #expect(!described.contains { $0.hasPrefix("/education/0/isCurrent") })  // education has no isCurrent
    }

    @Test func keepsRequiredPropertiesEvenWhenEmptyOrNull() throws {
        let result = try normalizer().normalize(["basics": [:], "work": [], "education": .null, "skills": []])
        #expect(result.value == ["basics": [:], "work": [], "education": .null, "skills": []])
        #expect(result.changes.isEmpty)
    }

    @Test func inventsNothing() throws {
        let answer: JSONValue = [
            "basics": ["name": "Ana", "url": "see my site", "email": "ana at example"],
            "work": [["name": "X", "startDate": "sometime", "endDate": "2019 - 2021"]],
            "education": [], "skills": [["name": "Go", "level": "  "]],
        ]
        let result = try normalizer().normalize(answer)
        #expect(result.value["basics"] == ["name": "Ana", "url": "see my site", "email": "ana at example"])
        #expect(result.value["work"] == [["name": "X", "startDate": "sometime", "endDate": "2019 - 2021"]])
        #expect(result.value["skills"] == [["name": "Go"]])
    }

    @Test func leavesValidDocumentsUnchanged() throws {
        #expect(try normalizer("resume").normalize(SampleOutputs.resume) == NormalizedOutput(value: SampleOutputs.resume, changes: []))
        #expect(try normalizer("jd").normalize(SampleOutputs.jd) == NormalizedOutput(value: SampleOutputs.jd, changes: []))
    }

    @Test func jdDatesAndURLsToo() throws {
        let answer = SampleOutputs.jd.editing("/validThrough", "31 March 2026").editing("/hiringOrganization/sameAs", "www.brightwater.example")
            .editing("/industry", "")
        let result = try normalizer("jd").normalize(answer)
        #expect(result.value["validThrough"] == "2026-03-31")
        #expect(result.value["hiringOrganization"]?["sameAs"] == "https://www.brightwater.example")
        #expect(result.value["industry"] == nil)
        #expect(SchemaFiles.jd?.validate(result.value) == [])
    }

    @Test func withoutTheOmissionRuleEmptyValuesStay() throws {
        let schema = try JSONSchema(text: #"{"properties":{"d":{"type":"string","pattern":"^([1-2][0-9]{3}-[0-1][0-9]-[0-3][0-9]|[1-2][0-9]{3}-[0-1][0-9]|[1-2][0-9]{3})$"}}}"#)
        let result = OutputNormalizer(schema: schema).normalize(["d": "Jan 2020", "e": "", "f": .null])
        #expect(result.value == ["d": "2020-01", "e": "", "f": .null])
    }
}
