import BrainFake
import Foundation

/// A brain folder whose only enabled provider is an in-process fake provider on 127.0.0.1.
struct FakeProviderFixture {
    let brain: BrainProcess
    let server: FakeProviderServer
    static let keyVariable = "FAKE_PROVIDER_KEY"
    static let keyValue = "sk-fake-0123456789abcdefghijKEY"

    init(options: FakeProviderOptions = FakeProviderOptions(), name: String = "fake") throws {
        server = try FakeProviderServer.start(options: options)
        brain = BrainProcess(environment: [Self.keyVariable: Self.keyValue])
        try check(brain.run(["init", "--no-env-keys"]))
        for provider in ["openrouter", "groq", "gemini"] { try check(brain.run(["providers", "disable", provider])) }
        try check(brain.run([
            "providers", "add", name, "--kind", options.dialect == .gemini ? "gemini" : "openai", "--base-url", server.baseURL,
            "--models", "fake-model", "--priority", "0", "--timeout-ms", "5000",
        ]))
        try check(brain.run(["keys", "add", name, "--env", Self.keyVariable]))
    }

    private func check(_ output: BrainProcess.Output) throws {
        if output.status != 0 { throw FixtureError.commandFailed(output.stderr) }
    }

    enum FixtureError: Error { case commandFailed(String) }

    func stop() {
        server.stop()
        brain.cleanUp()
    }
}
