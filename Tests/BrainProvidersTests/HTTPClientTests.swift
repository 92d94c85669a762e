import BrainCore
import BrainFake
import Foundation
import Testing

@testable import BrainProviders

@Suite struct HTTPClientTests {
    @Test func postRoundTripRecordsExactBytes() async throws {
        try await withFakeProvider { fake, client in
            let body = chatBody("hello \u{00E9}t\u{00E9} \"quoted\"")
            let request = HTTPRequest(
                method: "POST", url: fake.openAIBaseURL + "/chat/completions",
                headers: ["Content-Type": "application/json", "Authorization": "Bearer sk-test-0123456789", "X-Trace": "abc"],
                body: body)
            let response = try await client.send(request)
            #expect(response.status == 200)
            #expect(response.headers["content-type"] == "application/json")
            #expect(response.headers["x-request-id"]?.hasPrefix("req_") == true)
            #expect(response.elapsed > 0)
            let json = try JSONValue.parse(response.bodyText)
            #expect(json["model"]?.stringValue == "test-model")
            #expect(json["choices"]?[0]?["message"]?["content"]?.stringValue?.contains("\"quoted\"") == true)

            let recorded = try #require(fake.provider.requests.first)
            #expect(recorded.method == "POST")
            #expect(recorded.target == "/v1/chat/completions")
            #expect(recorded.body == Array(body))
            #expect(recorded.header("content-type") == "application/json")
            #expect(recorded.header("X-Trace") == "abc")
            #expect(recorded.header("Content-Length") == String(body.count))
            #expect(recorded.header("Expect") == nil)
            #expect(recorded.apiKey == "sk-test-0123456789")
        }
    }

    @Test func getRoundTripSendsNoBody() async throws {
        try await withFakeProvider { fake, client in
            let response = try await client.send(
                HTTPRequest(url: fake.rootURL + "/v1beta/models?pageSize=50", headers: ["x-goog-api-key": "AIza-test"]))
            #expect(response.status == 200)
            #expect(try JSONValue.parse(response.bodyText)["models"]?.arrayValue?.isEmpty == false)
            let recorded = try #require(fake.provider.requests.first)
            #expect(recorded.method == "GET")
            #expect(recorded.path == "/v1beta/models")
            #expect(recorded.query == "pageSize=50")
            #expect(recorded.body.isEmpty)
            #expect(recorded.header("Content-Type") == nil)
            #expect(recorded.apiKey == "AIza-test")
        }
    }

    @Test func bodyWithoutContentTypeGetsNoFormType() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(.text("ok"))
            fake.provider.enqueue(.text("ok"))
            _ = try await client.send(HTTPRequest(method: "PUT", url: fake.rootURL + "/upload", body: Data([0, 1, 2, 255])))
            _ = try await client.send(HTTPRequest(method: "POST", url: fake.rootURL + "/empty"))
            let recorded = try #require(fake.provider.requests.first)
            let empty = try #require(fake.provider.requests.last)
            #expect(empty.method == "POST" && empty.body.isEmpty && empty.header("Content-Length") == "0")
            #expect(empty.header("Content-Type") == nil)
            #expect(recorded.method == "PUT")
            #expect(recorded.body == [0, 1, 2, 255])
            #expect(recorded.header("Content-Type") == nil)
        }
    }

    @Test func keepAliveReusesConnections() async throws {
        try await withFakeProvider { fake, client in
            for index in 0..<10 {
                let response = try await client.send(
                    HTTPRequest(method: "POST", url: fake.openAIBaseURL + "/chat/completions", body: chatBody("n\(index)")))
                #expect(response.status == 200)
            }
            #expect(fake.provider.requests.count == 10)
            #expect(fake.server.connectionsAccepted < 10)
            #expect(Set(fake.provider.requests.map(\.connectionID)).count == fake.server.connectionsAccepted)
        }
    }

    @Test func totalTimeoutFiresOnHungServer() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(.hang)
            let request = HTTPRequest(url: fake.openAIBaseURL + "/models", connectTimeout: 5, totalTimeout: 0.3)
            await #expect(throws: HTTPError.timeout(seconds: 0.3)) { try await client.send(request) }
        }
    }

    @Test func bodyOverTheCapIsCut() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(.text(String(repeating: "x", count: 100_000)))
            let request = HTTPRequest(url: fake.openAIBaseURL + "/models", maxResponseBytes: 10_000)
            await #expect(throws: HTTPError.bodyTooLarge(limit: 10_000)) { try await client.send(request) }
            let fits = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models", maxResponseBytes: 10_000))
            #expect(fits.status == 200)
        }
    }

    @Test func bodyWithoutLengthIsCutInTheWriteCallback() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(ScriptedResponse(body: Array(repeating: 0x78, count: 300_000), ending: .closeDelimited))
            let request = HTTPRequest(url: fake.openAIBaseURL + "/models", maxResponseBytes: 100_000)
            await #expect(throws: HTTPError.bodyTooLarge(limit: 100_000)) { try await client.send(request) }
            fake.provider.enqueue(ScriptedResponse(body: Array(repeating: 0x79, count: 100_000), ending: .closeDelimited))
            let exact = try await client.send(request)
            #expect(exact.body == Data(repeating: 0x79, count: 100_000))
            #expect(exact.headers["content-length"] == nil)
        }
    }

    @Test func shutdownCancelsTransfersInFlight() async throws {
        try await withFakeProvider { fake, _ in
            fake.provider.enqueue(.hang)
            let client = HTTPClient()
            let request = HTTPRequest(url: fake.openAIBaseURL + "/models", totalTimeout: 60)
            let task = Task { () -> HTTPError? in
                do throws(HTTPError) {
                    _ = try await client.send(request)
                    return nil
                } catch {
                    return error
                }
            }
            #expect(await eventually { fake.provider.requests.count == 1 })
            client.shutdown()
            #expect(await task.value == .cancelled)
        }
    }

    @Test func droppedClientIsCleanedUpByDeinit() async throws {
        try await withFakeProvider { fake, _ in
            for _ in 0..<3 {
                let client = HTTPClient()
                let response = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models"))
                #expect(response.status == 200)
            }
            #expect(fake.provider.requests.count == 3)
        }
    }

    @Test func connectionRefusedIsNetworkError() async throws {
        let fake = try FakeProviderServer.start()
        let url = fake.openAIBaseURL + "/models"
        fake.stop()
        let client = HTTPClient()
        defer { client.shutdown() }
        do {
            _ = try await client.send(HTTPRequest(url: url, connectTimeout: 2, totalTimeout: 5))
            Issue.record("expected a network error")
        } catch {
            guard case .network(let code, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(code == 7)
            #expect(!message.isEmpty)
        }
    }

    @Test(arguments: [ScriptedResponse.drop, .json(#"{"id":"abcdefgh"}"#).partial(5)])
    func brokenConnectionIsNetworkError(scripted: ScriptedResponse) async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(scripted)
            do throws(HTTPError) {
                _ = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models", totalTimeout: 10))
                Issue.record("expected a network error")
            } catch {
                guard case .network(let code, _) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(code == 52 || code == 18 || code == 56)
            }
            let after = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models"))
            #expect(after.status == 200)
        }
    }

    @Test func cancellationAbortsInFlightTransfer() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(.hang)
            let request = HTTPRequest(url: fake.openAIBaseURL + "/models", totalTimeout: 60)
            let task = Task { () -> HTTPError? in
                do throws(HTTPError) {
                    _ = try await client.send(request)
                    return nil
                } catch {
                    return error
                }
            }
            #expect(await eventually { fake.provider.requests.count == 1 })
            task.cancel()
            #expect(await task.value == .cancelled)
            let after = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models"))
            #expect(after.status == 200)
        }
    }

    @Test func cancelledBeforeSendingNeverReachesTheServer() async throws {
        try await withFakeProvider { fake, client in
            let url = fake.openAIBaseURL + "/models"
            let task = Task { () -> HTTPError? in
                withUnsafeCurrentTask { $0?.cancel() }
                do throws(HTTPError) {
                    _ = try await client.send(HTTPRequest(url: url))
                    return nil
                } catch {
                    return error
                }
            }
            #expect(await task.value == .cancelled)
            #expect(fake.provider.requests.isEmpty)
        }
    }

    @Test func shutdownFailsLaterRequestsAsCancelled() async throws {
        let client = HTTPClient()
        client.shutdown()
        client.shutdown()
        await #expect(throws: HTTPError.cancelled) { try await client.send(HTTPRequest(url: "http://127.0.0.1:9/")) }
    }

    @Test(arguments: [
        HTTPRequest(url: "ftp://127.0.0.1/file"),
        HTTPRequest(url: "http://127.0.0.1/a b"),
        HTTPRequest(url: "http://127.0.0.1/", headers: ["X-Evil": "a\r\nInjected: yes"]),
        HTTPRequest(method: "GE T", url: "http://127.0.0.1/"),
        HTTPRequest(url: "http://127.0.0.1/", headers: ["Bad Name": "x"]),
    ])
    func invalidRequestsAreRefusedBeforeSending(request: HTTPRequest) async throws {
        let client = HTTPClient()
        defer { client.shutdown() }
        do {
            _ = try await client.send(request)
            Issue.record("expected invalidRequest")
        } catch {
            guard case .invalidRequest = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test func redirectsAreNotFollowed() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(ScriptedResponse(status: 302, headers: [HTTPField("Location", "/v1/models")]))
            let response = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/old"))
            #expect(response.status == 302)
            #expect(response.headers["location"] == "/v1/models")
            #expect(fake.provider.requests.count == 1)
        }
    }
}

extension ScriptedResponse {
    fileprivate func partial(_ bytes: Int) -> ScriptedResponse {
        var copy = self
        copy.ending = .partialBody(bytes: bytes)
        return copy
    }
}
