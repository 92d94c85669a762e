import Foundation
import Testing

@Suite struct CLIToolsBenchTests {
    @Test func benchHTTPPrintsFigures() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let result = try brain.run(["bench", "http", "--requests", "200", "--concurrency", "8", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(result.jsonObject)
        #expect(json["requests"] as? Int == 200)
        #expect(json["concurrency"] as? Int == 8)
        #expect(json["failures"] as? Int == 0)
        #expect((json["requests_per_second"] as? Double ?? 0) > 0)
        let p50 = json["p50_ms"] as? Double ?? -1
        let p99 = json["p99_ms"] as? Double ?? -1
        #expect(p50 > 0 && p99 >= p50)
        #expect(try brain.run(["bench", "http", "--concurrency", "0"]).status == 2)
    }

    @Test func benchExtractCountsOnlyPDFsByContent() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        try brain.write("docs/one.pdf", TinyPDF.make(text: "Hello"))
        try brain.write("docs/named-like-a.pdf.txt", TinyPDF.make(text: "Also a PDF"))
        try brain.write("docs/notes.pdf", "plain text, not a PDF")
        let result = try brain.run(["bench", "extract", "docs", "--runs", "2", "--json"], extraEnvironment: ["PATH": "/nonexistent"])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(result.jsonObject)
        #expect(json["files"] as? Int == 2)
        #expect(json["runs"] as? Int == 2)
        let figures = json["brain"] as? [String: Any]
        #expect((figures?["run_seconds"] as? [Double])?.count == 2)
        #expect(json["pdftotext"] is NSNull)
        try brain.write("empty/readme.txt", "nothing here")
        #expect(try brain.run(["bench", "extract", "empty"]).status == 1)
        #expect(try brain.run(["bench", "extract", "docs", "--runs", "0"]).status == 2)
    }

    @Test func everyToolCommandHasHelp() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let paths = [
            ["templates", "list"], ["templates", "show"], ["templates", "render"], ["import"], ["providers", "test"],
            ["fake-provider"], ["bench", "http"], ["bench", "extract"],
        ]
        for path in paths {
            let result = try brain.run(path + ["--help"])
            #expect(result.status == 0, "\(path)")
            #expect(result.stdout.hasPrefix("usage: brain \(path.joined(separator: " "))"), "\(path)")
        }
        for group in ["templates", "bench"] { #expect(try brain.run([group, "--help"]).status == 0) }
    }
}
