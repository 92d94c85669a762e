import BrainFake
import Foundation

@testable import BrainProviders

/// A fake provider on 127.0.0.1 plus a client, torn down after `body` even when it throws.
func withFakeProvider(
    options: FakeProviderOptions = FakeProviderOptions(), limits: HTTPServer.Limits = HTTPServer.Limits(),
    _ body: (FakeProviderServer, HTTPClient) async throws -> Void
) async throws {
    let fake = try FakeProviderServer.start(options: options, limits: limits)
    let client = HTTPClient()
    do {
        try await body(fake, client)
    } catch {
        client.shutdown()
        fake.stop()
        throw error
    }
    client.shutdown()
    fake.stop()
}

/// Polls until `condition` holds (or about five seconds pass); returns whether it held.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<500 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

func chatBody(_ text: String, model: String = "test-model") -> Data {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    return Data(#"{"model":"\#(model)","messages":[{"role":"user","content":"\#(escaped)"}]}"#.utf8)
}
