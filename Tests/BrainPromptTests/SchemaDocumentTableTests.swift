import BrainCore
import BrainPrompt
import Testing

/// One document for the schema table: a sample with edits, and the violations it must produce.
struct SchemaDocumentCase: CustomTestStringConvertible, Sendable {
    let label: String
    let schema: String
    let document: JSONValue
    /// "pointer keyword" pairs, e.g. "/work/0/startDate pattern"; empty for a valid document.
    let expected: Set<String>

    init(_ label: String, _ schema: String, _ edits: [(String, JSONValue?)], _ expected: Set<String> = []) {
        self.label = label
        self.schema = schema
        var document = schema == "resume" ? SampleOutputs.resume : SampleOutputs.jd
        for (pointer, value) in edits { document = document.editing(pointer, value) }
        self.document = document
        self.expected = expected
    }

    init(_ label: String, _ schema: String, whole document: JSONValue, _ expected: Set<String> = []) {
        self.label = label
        self.schema = schema
        self.document = document
        self.expected = expected
    }

    var testDescription: String { "\(schema): \(label)" }
}

enum SchemaDocumentTable {
    static let longText = JSONValue.string(String(repeating: "x", count: 301))

    static let resume: [SchemaDocumentCase] = [
        .init("sample resume", "resume", []),
        .init("minimal resume", "resume", whole: ["basics": [:], "work": [], "education": [], "skills": []]),
        .init("optional sections", "resume", [
            ("/projects", [["name": "Parcel router", "startDate": "2019-04", "roles": ["maintainer"], "url": "https://example.org/router"]]),
            ("/volunteer", [["organization": "Code Club Porto", "position": "Mentor", "startDate": "2018"]]),
            ("/awards", [["title": "Hackathon winner", "date": "2016-11-05", "awarder": "Porto Tech Week"]]),
            ("/publications", [["name": "Partitioning ledgers", "releaseDate": "2020-02", "publisher": "Example Press"]]),
        ]),
        .init("names with non-Latin letters", "resume", [("/basics/name", "Zoë Lindqvist-Amaral 林"), ("/work/0/name", "Fjørdline")]),
        .init("missing basics", "resume", [("/basics", nil)], [" required"]),
        .init("unknown top-level key", "resume", [("/objective", "Find a job")], ["/objective additionalProperties"]),
        .init("unknown basics key", "resume", [("/basics/nickname", "Zo")], ["/basics/nickname additionalProperties"]),
        .init("prose start date", "resume", [("/work/0/startDate", "March 2021")], ["/work/0/startDate pattern"]),
        .init("two-digit year", "resume", [("/work/1/endDate", "21-02")], ["/work/1/endDate pattern"]),
        .init("broken email", "resume", [("/basics/email", "zoe at example.com")], ["/basics/email format", "/basics/email pattern"]),
        .init("bare domain url", "resume", [("/basics/url", "zoe-lindqvist.example.dev")], ["/basics/url format", "/basics/url pattern"]),
        .init("empty name", "resume", [("/basics/name", "")], ["/basics/name minLength"]),
        .init("name too long", "resume", [("/basics/name", longText)], ["/basics/name maxLength"]),
        .init("country name for code", "resume", [("/basics/location/countryCode", "Portugal")], ["/basics/location/countryCode pattern"]),
        .init("empty work entry", "resume", [("/work/0", [:])], ["/work/0 minProperties"]),
        .init("skill without name", "resume", [("/skills/0/name", nil)], ["/skills/0 required"]),
        .init("seniority outside scale", "resume", [("/derived/seniority", "senior-ish")], ["/derived/seniority enum"]),
        .init("negative experience", "resume", [("/derived/totalYearsExperience", -1)], ["/derived/totalYearsExperience minimum"]),
        .init("experience above range", "resume", [("/derived/totalYearsExperience", 75)], ["/derived/totalYearsExperience maximum"]),
        .init("duplicate normalized skills", "resume", [("/derived/skillsNormalized", ["Go", "Python", "Go"])], ["/derived/skillsNormalized uniqueItems"]),
        .init("isCurrent as text", "resume", [("/work/0/isCurrent", "yes")], ["/work/0/isCurrent type"]),
        .init("phone too short", "resume", [("/basics/phone", "12")], ["/basics/phone minLength"]),
        .init("work is null", "resume", [("/work", nil), ("/work", .null)], ["/work type"]),
        .init("fluency as number", "resume", [("/languages/0/fluency", 5)], ["/languages/0/fluency type"]),
        .init("too many profiles", "resume", [("/basics/profiles", .array(Array(repeating: ["network": "X"], count: 11)))], ["/basics/profiles maxItems"]),
        .init("empty highlight", "resume", [("/work/0/highlights", ["", "Led things"])], ["/work/0/highlights/0 minLength"]),
        .init("score too long", "resume", [("/education/1/score", .string(String(repeating: "9", count: 41)))], ["/education/1/score maxLength"]),
        .init("education level not in enum", "resume", [("/derived/highestEducationLevel", "PhD")], ["/derived/highestEducationLevel enum"]),
        .init("several problems at once", "resume",
            [("/work/0/startDate", "2021/03"), ("/basics/label", ""), ("/skills", nil)],
            ["/work/0/startDate pattern", "/basics/label minLength", " required"]),
    ]

    static let jd: [SchemaDocumentCase] = [
        .init("sample job description", "jd", []),
        .init("minimal job description", "jd", whole: ["title": "Welder", "skills": [], "responsibilities": [], "qualifications": []]),
        .init("single salary figure", "jd", [("/baseSalary/value", ["value": 25.5, "unitText": "HOUR"])]),
        .init("wrong @type", "jd", [("/@type", "Job")], ["/@type const"]),
        .init("missing qualifications", "jd", [("/qualifications", nil)], [" required"]),
        .init("employment type not in enum", "jd", [("/employmentType", ["FULLTIME"])], ["/employmentType/0 enum"]),
        .init("duplicate employment types", "jd", [("/employmentType", ["FULL_TIME", "FULL_TIME"])], ["/employmentType uniqueItems"]),
        .init("currency symbol", "jd", [("/baseSalary/currency", "£")], ["/baseSalary/currency pattern"]),
        .init("salary with only a unit", "jd", [("/baseSalary/value", ["unitText": "YEAR"])], ["/baseSalary/value minProperties"]),
        .init("salary without unit", "jd", [("/baseSalary/value/unitText", nil)], ["/baseSalary/value required"]),
        .init("negative salary", "jd", [("/baseSalary/value/minValue", -5)], ["/baseSalary/value/minValue minimum"]),
        .init("requirement word outside enum", "jd", [("/skills/0/requirement", "must")], ["/skills/0/requirement enum"]),
        .init("skill without requirement", "jd", [("/skills/1/requirement", nil)], ["/skills/1 required"]),
        .init("remote value outside enum", "jd", [("/remote", "Remote")], ["/remote enum"]),
        .init("empty address", "jd", [("/jobLocation/0/address", [:])], ["/jobLocation/0/address minProperties"]),
        .init("months above range", "jd", [("/experienceRequirements/monthsOfExperience", 700)], ["/experienceRequirements/monthsOfExperience maximum"]),
        .init("months as text", "jd", [("/experienceRequirements/monthsOfExperience", "60")], ["/experienceRequirements/monthsOfExperience type"]),
        .init("prose deadline", "jd", [("/validThrough", "31 March 2026")], ["/validThrough pattern"]),
        .init("organization without name", "jd", [("/hiringOrganization/name", nil)], ["/hiringOrganization required"]),
        .init("title as number", "jd", [("/title", 5)], ["/title type"]),
        .init("too many responsibilities", "jd", [("/responsibilities", .array(Array(repeating: "Do it", count: 41)))], ["/responsibilities maxItems"]),
        .init("boolean as text", "jd", [("/experienceInPlaceOfEducation", "yes")], ["/experienceInPlaceOfEducation type"]),
        .init("credential outside enum", "jd", [("/educationRequirements/0/credentialCategory", "Bachelor's")], ["/educationRequirements/0/credentialCategory enum"]),
        .init("unknown key in salary", "jd", [("/baseSalary/period", "annual")], ["/baseSalary/period additionalProperties"]),
    ]
}

@Suite struct SchemaDocumentTableTests {
    @Test(arguments: SchemaDocumentTable.resume + SchemaDocumentTable.jd)
    func violations(of testCase: SchemaDocumentCase) throws {
        let schema = try #require(SchemaFiles.named(testCase.schema))
        let found = Set(schema.validate(testCase.document).map { "\($0.path) \($0.keyword)" })
        #expect(found == testCase.expected)
    }

    @Test func samplesParsedFromTheirLiterals() {
        #expect(SampleOutputs.resume["basics"]?["name"]?.stringValue == "Zoë Lindqvist-Amaral")
        #expect(SampleOutputs.jd["title"]?.stringValue == "Staff Data Platform Engineer")
    }

    @Test func bothSchemasCompile() {
        #expect(SchemaFiles.resume != nil)
        #expect(SchemaFiles.jd != nil)
    }
}
