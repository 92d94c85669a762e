import BrainStore
import Foundation
import Testing

/// `brain demo` end to end, run as a person would: from an unrelated folder, with no keys.
@Suite struct DemoCommandTests {
    static func json(_ text: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    }

    /// A proxy on a closed loopback port: a call that went through it would fail, so a demo that
    /// finishes proves its calls went straight to 127.0.0.1. A real provider key in the shell must
    /// not be registered either.
    static let hostileEnvironment = [
        "http_proxy": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
        "OPENROUTER_API_KEY": "sk-or-v1-must-never-be-used-0000", "GROQ_API_KEY": "gsk_must_never_be_used_0000",
    ]

    @Test func demoFinishesEveryJobWithAValidResultAndAVisibleFallback() throws {
        let brain = BrainProcess(environment: Self.hostileEnvironment)
        defer { brain.cleanUp() }
        let kept = brain.folder.appendingPathComponent("kept demo")
        let output = try brain.run(["demo", "--json", "--keep", kept.path])
        #expect(output.status == 0, "\(output.stderr)")
        let report = Self.json(output.stdout)
        #expect(report["kept"] as? Bool == true)

        let jobs = report["jobs"] as? [String: Any] ?? [:]
        #expect(jobs["total"] as? Int == 8)
        #expect(jobs["done"] as? Int == 8)
        let results = report["results"] as? [[String: Any]] ?? []
        let documents = Set(results.compactMap { $0["document"] as? String })
        #expect(documents == [
            "resumes/amara-osei.txt", "resumes/jonas-halvorsen.html", "resumes/priya-raman.rtf",
            "resumes/sofia-marchetti.docx", "resumes/diego-ferreira.pdf", "jobs/harborline-backend-engineer.odt",
            "jobs/quillstone-product-designer.txt", "jobs/verdant-data-analyst.pdf",
        ])
        for result in results {
            let document = result["document"] as? String ?? "?"
            #expect(result["verdict"] as? String == "valid", "\(document)")
            // No grounding warnings: each answer names what its own document says.
            #expect((result["warnings"] as? [Any])?.isEmpty == true, "\(document): \(result["warnings"] ?? "")")
            let parsed = result["parsed"] as? [String: Any] ?? [:]
            let expectedTask = document.hasPrefix("resumes/") ? "resume_parsing" : "jd_parsing"
            #expect(result["task"] as? String == expectedTask)
            if expectedTask == "resume_parsing" {
                #expect((parsed["basics"] as? [String: Any])?["name"] != nil, "\(document)")
            } else {
                #expect(parsed["title"] != nil, "\(document)")
            }
        }
        let names = results.compactMap { ($0["headline"] as? String)?.split(separator: ",").first.map(String.init) }
        #expect(Set(names).count == results.count, "every document gets its own answer: \(names)")

        let providers = Dictionary(uniqueKeysWithValues: (report["providers"] as? [[String: Any]] ?? []).map {
            ($0["name"] as? String ?? "", $0)
        })
        #expect(Set(providers.keys) == ["flaky", "steady"])
        let flaky = providers["flaky"] ?? [:]
        let steady = providers["steady"] ?? [:]
        #expect((flaky["rate_limited"] as? Int ?? 0) + (flaky["failed"] as? Int ?? 0) > 0)
        #expect(steady["answered"] as? Int ?? 0 > 0)
        #expect(report["fallbacks"] as? Int ?? 0 > 0)
        #expect(results.contains { ($0["fallback_chain"] as? [[String: Any]])?.first?["provider"] as? String == "flaky" })

        let database = kept.appendingPathComponent("brain.db").path
        #expect(report["database"] as? String == database)
        let db = try SQLiteHandle(path: database)
        let urls = try db.db.query("SELECT base_url FROM providers").compactMap { $0.string("base_url") }
        #expect(urls.count == 2)
        #expect(urls.allSatisfy { $0.hasPrefix("http://127.0.0.1:") }, "\(urls)")
        #expect(try db.int("SELECT count(*) FROM api_keys WHERE secret NOT LIKE 'env:DEMO_%'") == 0)
        #expect(try db.int("SELECT count(*) FROM calls WHERE provider NOT IN ('flaky', 'steady')") == 0)
        #expect(try db.int("SELECT count(*) FROM results") == 8)
        #expect(FileManager.default.fileExists(atPath: kept.appendingPathComponent("resumes/diego-ferreira.pdf").path))
        #expect(!FileManager.default.fileExists(atPath: brain.databasePath), "the demo never touches ./brain.db")
        #expect(!output.stdout.contains("must-never-be-used") && !output.stderr.contains("must_never_be_used"))
    }

    @Test func demoWithoutKeepRemovesItsTemporaryFolderAndIgnoresLocalTemplates() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let localTemplate = brain.folder.appendingPathComponent("templates/resume_parsing")
        try FileManager.default.createDirectory(at: localTemplate, withIntermediateDirectories: true)
        try Data("name: [unclosed\n".utf8).write(to: localTemplate.appendingPathComponent("template.yaml"))
        let temporary = brain.folder.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let output = try brain.run(["demo"], extraEnvironment: ["TMPDIR": temporary.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("flaky"))
        #expect(output.stdout.contains("Amara Osei"))
        #expect(output.stdout.contains("brain demo --keep DIR"))
        let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
        #expect(left.isEmpty, "left behind: \(left)")
    }

    @Test func keepRefusesAFolderThatHoldsADatabase() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: brain.databasePath))
        let output = try brain.run(["demo", "--keep", brain.folder.path])
        #expect(output.status == 1)
        #expect(output.stderr.contains("already holds a database"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: brain.databasePath)) == Data("not a database".utf8))
    }

    @Test(arguments: [["demo", "--timeout", "0"], ["demo", "--keep"], ["demo", "extra"]])
    func badArgumentsAreUsageErrors(arguments: [String]) throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(arguments).status == 2)
    }
}
