import BrainCore
import BrainPrompt
import Testing

@testable import BrainEngine

@Suite struct ReportFlattenerTests {
    @Test func sampleResumeFlattensToItsMainFields() {
        let fields = ResultFlattener.resume(SampleOutputs.resume, asOf: "2026-01-01")
        #expect(fields["name"] == "Zoë Lindqvist-Amaral")
        #expect(fields["email"] == "zoe.lindqvist@example.com")
        #expect(fields["phone"] == "+351 912 345 678")
        #expect(fields["current_title"] == "Senior Backend Engineer")
        #expect(fields["total_years"] == "9.2")
        #expect(fields["top_skills"] == "Go; Python; SQL; PostgreSQL; Kafka")
    }

    @Test func resumeWithoutLabelOrDerivedFallsBackToWorkAndSkills() throws {
        let resume = try JSONValue.parse(#"""
            {"basics": {"name": "A"},
             "work": [{"position": "Old Job", "startDate": "2010-01", "endDate": "2011-12"},
                      {"position": "Now", "startDate": "2020-01", "isCurrent": true}],
             "skills": [{"name": "S1"}, {"name": "S2"}, {"name": "S3"}, {"name": "S4"}, {"name": "S5"}, {"name": "S6"}]}
            """#)
        let fields = ResultFlattener.resume(resume, asOf: "2020-12-15")
        #expect(fields["current_title"] == "Now")
        #expect(fields["total_years"] == "3.0")  // 24 months + 12 months
        #expect(fields["top_skills"] == "S1; S2; S3; S4; S5")
        #expect(fields["email"] == "")
    }

    @Test func sampleJobDescriptionFlattensToItsMainFields() {
        let fields = ResultFlattener.jobDescription(SampleOutputs.jd)
        #expect(fields["title"] == "Staff Data Platform Engineer")
        #expect(fields["company"] == "Brightwater Analytics Ltd.")
        #expect(fields["location"] == "Manchester, GB")
        #expect(fields["remote"] == "Hybrid")
        #expect(fields["employment_type"] == "FULL_TIME")
        #expect(fields["required_skills"] == "Python; Scala; Apache Kafka; Kubernetes; Terraform")
    }

    @Test func fullyRemoteJobWithoutAddressSaysRemote() throws {
        let jd = try JSONValue.parse(#"{"title": "T", "remote": "Full", "employmentType": ["FULL_TIME", "CONTRACTOR"], "jobLocation": []}"#)
        let fields = ResultFlattener.jobDescription(jd)
        #expect(fields["location"] == "Remote")
        #expect(fields["employment_type"] == "FULL_TIME; CONTRACTOR")
        #expect(fields["required_skills"] == "")
    }

    @Test(arguments: [
        "[]", "\"text\"", "42", "null",
        #"{"basics": [1], "work": {"a": 1}, "skills": "Go", "derived": 7}"#,
        #"{"title": {"x": 1}, "hiringOrganization": "Acme", "jobLocation": [1, "x", {"address": 3}], "skills": [null, {"requirement": "required"}]}"#,
    ])
    func wrongShapesGiveEmptyFieldsNotCrashes(_ text: String) throws {
        let value = try JSONValue.parse(text)
        let resume = ResultFlattener.resume(value, asOf: "2026-01-01")
        let jd = ResultFlattener.jobDescription(value)
        #expect(Set(resume.keys) == Set(ResultFlattener.resumeColumns))
        #expect(Set(jd.keys) == Set(ResultFlattener.jdColumns))
        #expect(resume.values.allSatisfy { $0.isEmpty })
        #expect(jd.values.allSatisfy { $0.isEmpty })
    }

    @Test func columnsAreTheUnionWithoutATask() {
        #expect(ResultFlattener.columns(task: nil) == ResultFlattener.commonColumns + ResultFlattener.resumeColumns + ResultFlattener.jdColumns)
        #expect(ResultFlattener.columns(task: "jd_parsing") == ResultFlattener.commonColumns + ResultFlattener.jdColumns)
        #expect(ResultFlattener.columns(task: "chat") == ResultFlattener.commonColumns)
    }
}

@Suite struct ReportExperienceYearsTests {
    struct Case: Sendable, CustomStringConvertible {
        var work: String
        var asOf: String
        var years: Double?
        var description: String { work }
    }

    @Test(arguments: [
        Case(work: #"[{"startDate": "2020-01", "endDate": "2020-12"}]"#, asOf: "2026-01", years: 1.0),
        // Overlapping ranges count once.
        Case(work: #"[{"startDate": "2020-01", "endDate": "2021-12"}, {"startDate": "2021-01", "endDate": "2022-12"}]"#, asOf: "2026-01", years: 3.0),
        // A gap is not counted.
        Case(work: #"[{"startDate": "2010-01", "endDate": "2010-06"}, {"startDate": "2012-01", "endDate": "2012-06"}]"#, asOf: "2026-01", years: 1.0),
        // Year-only dates run January to December; an ongoing role runs to asOf.
        Case(work: #"[{"startDate": "2019", "endDate": "2019"}, {"startDate": "2025-07-15"}]"#, asOf: "2025-12-31", years: 1.5),
        // Ends after asOf are cut at asOf; a start after its end is skipped.
        Case(work: #"[{"startDate": "2025-01", "endDate": "2030-12"}, {"startDate": "2024-05", "endDate": "2023-01"}]"#, asOf: "2025-06", years: 0.5),
        Case(work: #"[{"startDate": "Jan 2020"}, {"startDate": "2020-13"}, {"startDate": "+020-01"}, {"endDate": "2020"}, 5]"#, asOf: "2026-01", years: nil),
        Case(work: "[]", asOf: "2026-01", years: nil),
        Case(work: #"[{"startDate": "2020"}]"#, asOf: "not a date", years: nil),
    ])
    func totals(_ c: Case) throws {
        let work = try JSONValue.parse(c.work).arrayValue ?? []
        #expect(ExperienceYears.total(work: work, asOf: c.asOf) == c.years)
    }
}
