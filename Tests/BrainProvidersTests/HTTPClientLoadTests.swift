import BrainCore
import BrainFake
import Foundation
import Testing

@testable import BrainProviders

@Suite struct HTTPClientLoadTests {
    /// 2,000 chat completions, 32 at a time; each carries a unique marker the fake echoes back.
    @Test func twoThousandRequestsAtConcurrency32() async throws {
        try await withFakeProvider { fake, client in
            let url = fake.openAIBaseURL + "/chat/completions"
            let total = 2000
            let mismatches = await withTaskGroup(of: Int.self) { group in
                for worker in 0..<32 {
                    group.addTask {
                        var bad = 0
                        for index in stride(from: worker, to: total, by: 32) {
                            let marker = "<id:\(index)>"
                            let request = HTTPRequest(
                                method: "POST", url: url, headers: ["Content-Type": "application/json"],
                                body: chatBody("request \(marker)"), totalTimeout: 30)
                            guard let response = try? await client.send(request), response.status == 200,
                                let json = try? JSONValue.parse(response.bodyText),
                                let content = json["choices"]?[0]?["message"]?["content"]?.stringValue,
                                content.hasSuffix("request \(marker)")
                            else {
                                bad += 1
                                continue
                            }
                        }
                        return bad
                    }
                }
                return await group.reduce(0, +)
            }
            #expect(mismatches == 0)
            #expect(fake.provider.requests.count == total)
            #expect(fake.server.connectionsAccepted <= 64)
        }
    }
}
