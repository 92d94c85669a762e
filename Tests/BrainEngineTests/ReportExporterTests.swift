import BrainCore
import BrainPrompt
import BrainStore
import Testing

@testable import BrainEngine

@Suite struct ReportExporterTests {
    static var nastyResume: JSONValue {
        var resume = SampleOutputs.resume
        if case .object(var o) = resume, case .object(var basics)? = o["basics"] {
            basics["name"] = "O\"Neil, Zoë\r\nSecond line"
            o["basics"] = .object(basics)
            resume = .object(o)
        }
        return resume
    }

    static let records = [
        ResultRecord(
            id: 1, jobID: 10, task: "resume_parsing", documentPath: "cv, \"final\".pdf", provider: "groq", model: "m1",
            parsed: nastyResume, verdict: "valid", warnings: ["trimmed \"x\""], createdAt: "2026-01-02T00:00:00.000Z"),
        ResultRecord(
            id: 2, jobID: 11, task: "jd_parsing", documentPath: "jd.docx", provider: "gemini", model: "m2",
            parsed: SampleOutputs.jd, verdict: "repaired", validationErrors: ["/x: fixed"], createdAt: "2026-01-03T00:00:00.000Z"),
        ResultRecord(id: 3, jobID: 12, task: "chat", verdict: "text", createdAt: "2026-01-04T00:00:00.000Z"),
    ]

    @Test(arguments: [
        (["a", "b"], "a,b\r\n"),
        (["a,b", "c"], "\"a,b\",c\r\n"),
        (["say \"hi\""], "\"say \"\"hi\"\"\"\r\n"),
        (["line\nbreak", "cr\rhere"], "\"line\nbreak\",\"cr\rhere\"\r\n"),
        (["", "x", ""], ",x,\r\n"),
        (["crlf\r\n"], "\"crlf\r\n\"\r\n"),
    ])
    func csvQuotesOnlyWhatRFC4180Requires(_ fields: [String], _ expected: String) {
        #expect(CSVRow.encode(fields) == expected)
    }

    @Test func jsonLinesHoldOneResultPerLine() throws {
        let text = ResultExporter(format: .jsonl).render(Self.records)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == Self.records.count + 1)
        #expect(lines.last == "")
        for (line, record) in zip(lines, Self.records) {
            let value = try JSONValue.parse(String(line))
            #expect(value["result_id"]?.intValue == record.id)
            #expect(value["job_id"]?.intValue == record.jobID)
            #expect(value["task"]?.stringValue == record.task)
            #expect(value["document"] == (record.documentPath.map { .string($0) } ?? .null))
            #expect(value["verdict"]?.stringValue == record.verdict)
            #expect(value["parsed"] == (record.parsed ?? .null))
            #expect(value["warnings"] == record.warnings)
            #expect(value["created_at"]?.stringValue == record.createdAt)
        }
    }

    @Test func jsonIsOneArray() throws {
        let value = try JSONValue.parse(ResultExporter(format: .json).render(Self.records))
        let items = try #require(value.arrayValue)
        #expect(items.map { $0["result_id"]?.intValue } == [1, 2, 3])
        #expect(items[1]["parsed"] == SampleOutputs.jd)
        #expect(items[1]["validation_errors"] == ["/x: fixed"])
        #expect(try JSONValue.parse(ResultExporter(format: .json).render([])) == [])
    }

    @Test func csvHasTheUnionOfColumnsAndQuotesNastyFields() {
        let text = ResultExporter(format: .csv).render(Self.records)
        let header = ResultFlattener.columns(task: nil).joined(separator: ",") + "\r\n"
        #expect(text.hasPrefix(header))
        #expect(text.contains("1,10,resume_parsing,\"cv, \"\"final\"\".pdf\",groq,m1,valid,2026-01-02T00:00:00.000Z,\"O\"\"Neil, Zoë\r\nSecond line\",zoe.lindqvist@example.com,"))
        #expect(text.contains(",Staff Data Platform Engineer,Brightwater Analytics Ltd.,\"Manchester, GB\",Hybrid,FULL_TIME,Python; Scala; Apache Kafka; Kubernetes; Terraform\r\n"))
        #expect(text.hasSuffix("3,12,chat,,,,text,2026-01-04T00:00:00.000Z,,,,,,,,,,,,\r\n"))
    }

    @Test func csvOfOneTaskHasOnlyItsColumns() {
        let exporter = ResultExporter(format: .csv, task: "jd_parsing")
        #expect(exporter.columns == ResultFlattener.commonColumns + ResultFlattener.jdColumns)
        #expect(!exporter.header.contains("top_skills"))
    }

    @Test func exportFromTheStoreStreamsEveryPageInIDOrder() throws {
        let db = try Database(path: ":memory:")
        try db.execute(
            "INSERT INTO documents(sha256, path, size, text, created_at) VALUES ('h', 'docs/a.txt', 1, 'x', 't')")
        for i in 1...5 {
            let task = i % 2 == 0 ? "jd_parsing" : "resume_parsing"
            try db.execute(
                """
                INSERT INTO jobs(id, task, document_id, template_name, template_version, state, idempotency_key, created_at, updated_at)
                VALUES (?, ?, 1, 't', 'v', 'done', ?, 't', 't')
                """, [i, task, "k\(i)"])
            try db.execute(
                "INSERT INTO results(job_id, task, parsed, verdict, created_at) VALUES (?, ?, ?, 'valid', 't')",
                [i, task, i % 2 == 0 ? SampleOutputs.jdJSON : SampleOutputs.resumeJSON])
        }
        var chunks: [String] = []
        let count = try ResultExporter(format: .jsonl).export(from: db, pageSize: 2) { chunks.append($0) }
        #expect(count == 5)
        let lines = chunks.joined().split(separator: "\n").map { try? JSONValue.parse(String($0)) }
        #expect(lines.map { $0?["job_id"]?.intValue } == [1, 2, 3, 4, 5])
        #expect(lines.first??["document"]?.stringValue == "docs/a.txt")
        #expect(lines.first??["parsed"] == SampleOutputs.resume)

        var jd = ""
        #expect(try ResultExporter(format: .json, task: "jd_parsing").export(from: db, pageSize: 1) { jd += $0 } == 2)
        #expect(try JSONValue.parse(jd).arrayValue?.map { $0["job_id"]?.intValue } == [2, 4])
    }
}
