import BrainCore
import BrainPrompt
import Foundation
import Testing

@Suite struct CLIDataResultsTests {
    func json(_ output: BrainProcess.Output) throws -> JSONValue {
        #expect(output.status == 0, "\(output.stderr)")
        return try JSONValue.parse(output.stdout)
    }

    @Test func resultsListNewestFirstWithFilters() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let all = try json(seed.brain.run(["results", "list", "--json"]))
        #expect(all.arrayValue?.map { $0["id"]?.intValue } == [3, 2, 1])
        #expect(all[2]?["parsed"] == CLIDataSeed.resume)
        #expect(all[2]?["response"] == nil)
        #expect(all[1]?["fallback_chain"]?.arrayValue?.count == 2)
        let resumes = try json(seed.brain.run(["results", "list", "--task", "resume_parsing", "--json"]))
        #expect(resumes.arrayValue?.map { $0["job_id"]?.intValue } == [1])
        let one = try json(seed.brain.run(["results", "list", "--limit", "1", "--json"]))
        #expect(one.arrayValue?.count == 1)

        let table = try seed.brain.run(["results", "list"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("ID  JOB  TASK"))
        #expect(lines.contains { $0.contains("Staff Data Platform Engineer") && $0.contains("repaired") })
    }

    @Test func resultsShowGivesEveryFieldByResultOrJob() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let shown = try json(seed.brain.run(["results", "show", "2", "--json"]))
        #expect(shown["job_id"]?.intValue == 2)
        #expect(shown["parsed"] == SampleOutputs.jd)
        #expect(shown["response"]?.stringValue == SampleOutputs.jdJSON)
        #expect(shown["validation_errors"] == ["/skills/0: repaired"])
        #expect(shown["tokens_in"]?.intValue == 900)
        #expect(shown["fallback_chain"]?[0]?["provider"]?.stringValue == "openrouter")
        let byJob = try json(seed.brain.run(["results", "show", "--job", "2", "--json"]))
        #expect(byJob == shown)

        let text = try seed.brain.run(["results", "show", "1"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("verdict:    valid"))
        #expect(text.stdout.contains("warnings:\n  - date rewritten, \"Mar 2021\""))
        #expect(text.stdout.contains("\"email\": \"zoe.lindqvist@example.com\""))
        let chat = try seed.brain.run(["results", "show", "3"])
        #expect(chat.stdout.hasSuffix("General Kenobi.\n"))

        let missing = try seed.brain.run(["results", "show", "99"])
        #expect(missing.status == 1 && missing.stderr.contains("no result 99"))
        let noResult = try seed.brain.run(["results", "show", "--job", "4"])
        #expect(noResult.status == 1 && noResult.stderr.contains("job 4 has no result"))
        for arguments in [["results", "show"], ["results", "show", "1", "--job", "1"], ["results", "show", "abc"]] {
            #expect(try seed.brain.run(arguments).status == 2, "\(arguments)")
        }
    }

    @Test func jsonLinesExportParsesBackLineByLine() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let export = try seed.brain.run(["results", "export"])
        #expect(export.status == 0, "\(export.stderr)")
        let lines = export.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let records = try lines.map { try JSONValue.parse(String($0)) }
        #expect(records.map { $0["job_id"]?.intValue } == [1, 2, 6])
        #expect(records[0]["document"]?.stringValue == CLIDataSeed.nastyPath)
        #expect(records[0]["parsed"] == CLIDataSeed.resume)
        #expect(records[0]["warnings"] == ["date rewritten, \"Mar 2021\""])
        #expect(records[1]["parsed"] == SampleOutputs.jd)
        #expect(records[1]["provider"]?.stringValue == "groq")
        #expect(records[1]["model"]?.stringValue == "llama-3.3-70b")
        #expect(records[2]["parsed"] == .null)
        #expect(records[2]["verdict"]?.stringValue == "text")
        let jds = try seed.brain.run(["results", "export", "--format", "jsonl", "--task", "jd_parsing"])
        #expect(jds.stdout.split(separator: "\n").count == 1)
    }

    @Test func jsonExportIsOneArray() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let array = try json(seed.brain.run(["results", "export", "--format", "json"]))
        #expect(array.arrayValue?.map { $0["result_id"]?.intValue } == [1, 2, 3])
        #expect(array[1]?["parsed"] == SampleOutputs.jd)
        let empty = try json(seed.brain.run(["results", "export", "--format", "json", "--task", "generic"]))
        #expect(empty == [])
    }

    @Test func csvExportRoundTripsThroughAnRFC4180Reader() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        let written = try seed.brain.run(["results", "export", "--format", "csv", "--out", "out.csv"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout.isEmpty)
        #expect(written.stderr.contains("exported 3 results to out.csv"))
        let file = try String(contentsOf: seed.brain.folder.appendingPathComponent("out.csv"), encoding: .utf8)
        let stdout = try seed.brain.run(["results", "export", "--format", "csv"]).stdout
        #expect(file == stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: seed.brain.folder.path).filter { $0.contains("partial") }.isEmpty)

        let rows = try #require(CLIDataCSV.parse(file))
        #expect(rows.count == 4)
        let header = rows[0]
        #expect(header == [
            "result_id", "job_id", "task", "document", "provider", "model", "verdict", "created_at",
            "name", "email", "phone", "current_title", "total_years", "top_skills",
            "title", "company", "location", "remote", "employment_type", "required_skills",
        ])
        #expect(rows.allSatisfy { $0.count == header.count })
        func row(_ i: Int) -> [String: String] { Dictionary(uniqueKeysWithValues: zip(header, rows[i])) }
        let resume = row(1)
        #expect(resume["task"] == "resume_parsing")
        #expect(resume["document"] == CLIDataSeed.nastyPath)
        #expect(resume["name"] == CLIDataSeed.nastyName)
        #expect(resume["email"] == "zoe.lindqvist@example.com")
        #expect(resume["phone"] == "+351 912 345 678")
        #expect(resume["current_title"] == "Senior Backend Engineer")
        #expect(resume["total_years"] == "9.2")
        #expect(resume["top_skills"] == "Go; Python; SQL; PostgreSQL; Kafka")
        #expect(resume["company"] == "")
        let jd = row(2)
        #expect(jd["title"] == "Staff Data Platform Engineer")
        #expect(jd["company"] == "Brightwater Analytics Ltd.")
        #expect(jd["location"] == "Manchester, GB")
        #expect(jd["employment_type"] == "FULL_TIME")
        #expect(jd["required_skills"] == "Python; Scala; Apache Kafka; Kubernetes; Terraform")
        #expect(jd["verdict"] == "repaired")
        #expect(jd["document"] == CLIDataSeed.jdPath)
        #expect(jd["name"] == "")
        #expect(row(3)["task"] == "chat")

        let resumesOnly = try seed.brain.run(["results", "export", "--format", "csv", "--task", "resume_parsing"])
        let resumeRows = try #require(CLIDataCSV.parse(resumesOnly.stdout))
        #expect(resumeRows.count == 2)
        #expect(resumeRows[0].contains("top_skills") && !resumeRows[0].contains("company"))
    }

    @Test func exportRefusesBadOptions() throws {
        let seed = try CLIDataSeed()
        defer { seed.cleanUp() }
        for arguments in [
            ["results", "export", "--format", "xml"], ["results", "export", "--task", "poems"],
            ["results", "export", "--out", ""], ["results", "export", "--bogus"],
        ] {
            let result = try seed.brain.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("usage: brain results export"))
        }
        let unwritable = try seed.brain.run(["results", "export", "--out", "no/such/folder/out.jsonl"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot write"))
    }
}
