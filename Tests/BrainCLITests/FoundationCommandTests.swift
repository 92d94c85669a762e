import Foundation
import Testing

@testable import BrainCLI

@Suite struct FoundationCommandTests {
    static let secret = "sk-or-v1-0123456789abcdefSECRETSECRET9f3a"

    @Test func initAndStatusWorkInAnEmptyFolder() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let initialized = try brain.run(["init"])
        #expect(initialized.status == 0, "\(initialized.stderr)")
        let status = try brain.run(["status", "--json"])
        #expect(status.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let providers = (json?["providers"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(providers == ["openrouter", "groq", "gemini", "xai", "local"])
        let attributes = try FileManager.default.attributesOfItem(atPath: brain.databasePath)
        #expect(((attributes[.posixPermissions] as? NSNumber)?.intValue ?? 0) & 0o777 == 0o600)
    }

    @Test func environmentKeysAreReferencesNotCopies() throws {
        let brain = BrainProcess(environment: ["GROQ_API_KEY": Self.secret])
        defer { brain.cleanUp() }
        #expect(try brain.run(["init"]).status == 0)
        let keys = try brain.run(["keys", "list", "--json"])
        #expect(keys.stdout.contains("env:GROQ_API_KEY"))
        #expect(!keys.stdout.contains(Self.secret))
        let stored = try brain.run(["sql", "SELECT secret FROM api_keys"])
        #expect(stored.stdout.contains("env:GROQ_API_KEY"))
        #expect(!stored.stdout.contains(Self.secret))
    }

    @Test func aSecretFromStdinNeverShows() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init"]).status == 0)
        let added = try brain.run(["keys", "add", "openrouter", "--stdin", "--label", "main"], stdin: Self.secret + "\n")
        #expect(added.status == 0, "\(added.stderr)")
        var outputs = [added]
        outputs.append(try brain.run(["keys", "list"]))
        outputs.append(try brain.run(["keys", "list", "--json"]))
        outputs.append(try brain.run(["status", "--json"]))
        outputs.append(try brain.run(["status"]))
        outputs.append(try brain.run(["keys", "add", "openrouter", "--stdin", "--label", "main"], stdin: Self.secret))
        outputs.append(try brain.run(["keys", "add", "nosuch", "--stdin"], stdin: Self.secret))
        outputs.append(try brain.run(["keys", "remove", "999"]))
        outputs.append(try brain.run(["providers", "list", "--json"]))
        #expect(outputs[5].status == 1)
        for output in outputs {
            #expect(!output.stdout.contains(Self.secret))
            #expect(!output.stderr.contains(Self.secret))
            #expect(!output.stdout.contains("SECRETSECRET"))
            #expect(!output.stderr.contains("SECRETSECRET"))
        }
        #expect(outputs[2].stdout.contains("sk-…9f3a"))
    }

    @Test func aSecretOnTheCommandLineIsRefused() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init"]).status == 0)
        let result = try brain.run(["keys", "add", "openrouter", Self.secret])
        #expect(result.status == 2)
        #expect(!result.stderr.contains(Self.secret))
        let listed = try brain.run(["keys", "list", "--json"])
        #expect(listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func sqlRefusesWrites() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init"]).status == 0)
        for sql in [
            "DELETE FROM providers", "UPDATE providers SET priority = 9", "INSERT INTO settings VALUES ('a','b')",
            "ATTACH DATABASE 'x.db' AS x", "PRAGMA user_version = 3", "PRAGMA journal_mode = delete",
        ] {
            let result = try brain.run(["sql", sql])
            #expect(result.status == 1, "\(sql)")
            #expect(result.stderr.contains("refused") || result.stderr.contains("not authorized"), "\(sql): \(result.stderr)")
        }
        let count = try brain.run(["sql", "SELECT count(*) AS n FROM providers", "--json"])
        #expect(count.stdout.contains("\"n\": 5"))
        #expect(!FileManager.default.fileExists(atPath: brain.folder.appendingPathComponent("x.db").path))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let result = try brain.run(["status", "--frobnicate"])
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").first == "brain: unknown option --frobnicate")
        #expect(try brain.run(["no-such-command"]).status == 2)
        #expect(try brain.run(["providers", "add", "x", "--kind", "soap", "--base-url", "http://x"]).status == 2)
    }

    @Test func missingDatabaseSaysHowToMakeOne() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        let result = try brain.run(["status"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("brain init"))
    }

    @Test func providersLifecycle() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["init", "--no-env-keys"]).status == 0)
        #expect(try brain.run(["providers", "add", "mine", "--kind", "openai", "--base-url", "http://127.0.0.1:9/v1", "--models", "a,b", "--priority", "0"]).status == 0)
        #expect(try brain.run(["providers", "add", "mine", "--kind", "openai", "--base-url", "http://127.0.0.1:9/v1"]).status == 1)
        #expect(try brain.run(["providers", "set", "mine", "--daily-limit", "10"]).status == 0)
        #expect(try brain.run(["providers", "disable", "mine"]).status == 0)
        let listed = try brain.run(["providers", "list", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        let mine = json?.first { $0["name"] as? String == "mine" }
        #expect(mine?["daily_limit"] as? Int == 10)
        #expect(mine?["enabled"] as? Bool == false)
        #expect((mine?["models"] as? [String]) == ["a", "b"])
        #expect(try brain.run(["providers", "remove", "mine"]).status == 0)
        #expect(try brain.run(["providers", "remove", "mine"]).status == 1)
    }

    @Test func everyCommandHasHelp() throws {
        let brain = BrainProcess()
        defer { brain.cleanUp() }
        #expect(try brain.run(["--help"]).status == 0)
        for command in BrainCLI.commands {
            let result = try brain.run(command.spec.path + ["--help"])
            #expect(result.status == 0, "\(command.spec.path)")
            #expect(result.stdout.hasPrefix("usage: brain \(command.spec.path.joined(separator: " "))"))
        }
        for group in BrainCLI.groups {
            #expect(try brain.run([group.name, "--help"]).status == 0)
        }
    }
}
