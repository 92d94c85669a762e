import BrainFake
import Foundation
import Testing

@testable import BrainProviders

@Suite struct FakeServerTests {
    @Test func oversizedHeaderGets431AndServerKeepsServing() async throws {
        try await withFakeProvider { fake, client in
            let huge = String(repeating: "h", count: 17 * 1024)
            let refused = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models", headers: ["X-Huge": huge]))
            #expect(refused.status == 431)
            let after = try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models"))
            #expect(after.status == 200)
            #expect(fake.provider.requests.count == 1)
        }
    }

    @Test func oversizedBodyGets413AndServerKeepsServing() async throws {
        try await withFakeProvider(limits: HTTPServer.Limits(maxBodyBytes: 1 << 20)) { fake, client in
            let big = Data(repeating: 0x61, count: (1 << 20) + 1)
            let refused = try await client.send(
                HTTPRequest(method: "POST", url: fake.openAIBaseURL + "/chat/completions", body: big))
            #expect(refused.status == 413)
            let after = try await client.send(
                HTTPRequest(method: "POST", url: fake.openAIBaseURL + "/chat/completions", body: chatBody("still here")))
            #expect(after.status == 200)
            #expect(fake.provider.requests.count == 1)
        }
    }

    @Test func defaultBodyLimitRefusesNineMebibytes() async throws {
        try await withFakeProvider { fake, client in
            let big = Data(repeating: 0x61, count: 9 << 20)
            let refused = try await client.send(
                HTTPRequest(method: "POST", url: fake.openAIBaseURL + "/chat/completions", body: big))
            #expect(refused.status == 413)
        }
    }

    @Test func scriptedQueueIsServedInOrder() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(
                .text("first", status: 201), .json(#"{"n":2}"#, status: 503, headers: [HTTPField("Retry-After", "7")]),
                .malformedJSON)
            let url = fake.openAIBaseURL + "/chat/completions"
            let one = try await client.send(HTTPRequest(method: "POST", url: url, body: chatBody("a")))
            let two = try await client.send(HTTPRequest(method: "POST", url: url, body: chatBody("b")))
            let three = try await client.send(HTTPRequest(method: "POST", url: url, body: chatBody("c")))
            let four = try await client.send(HTTPRequest(method: "POST", url: url, body: chatBody("d")))
            #expect(one.status == 201 && one.bodyText == "first")
            #expect(two.status == 503 && two.headers["retry-after"] == "7" && two.bodyText == #"{"n":2}"#)
            #expect(three.status == 200 && three.bodyText.hasPrefix(#"{"id":"chatcmpl-broken""#))
            #expect(four.status == 200 && four.bodyText.contains("chat.completion"))
            #expect(fake.provider.pendingScriptedResponses == 0)
        }
    }

    @Test func scriptedDelayIsAppliedPerRequest() async throws {
        try await withFakeProvider { fake, client in
            fake.provider.enqueue(ScriptedResponse.text("slow").delayed(by: 2000))
            let request = HTTPRequest(url: fake.openAIBaseURL + "/models", totalTimeout: 0.3)
            await #expect(throws: HTTPError.timeout(seconds: 0.3)) { try await client.send(request) }
        }
    }

    @Test func chunkedRequestBodyIsRefusedWith411() async throws {
        try await withFakeProvider { fake, client in
            let response = try await client.send(
                HTTPRequest(
                    method: "POST", url: fake.openAIBaseURL + "/chat/completions",
                    headers: ["Transfer-Encoding": "chunked"], body: chatBody("x")))
            #expect(response.status == 411)
            #expect(fake.provider.requests.isEmpty)
        }
    }

    @Test func manyConcurrentKeepAliveConnections() async throws {
        try await withFakeProvider { fake, _ in
            let clients = (0..<80).map { _ in HTTPClient(maxConnections: 1) }
            let url = fake.openAIBaseURL + "/models"
            let statuses = await withTaskGroup(of: [Int].self) { group in
                for client in clients {
                    group.addTask {
                        var seen: [Int] = []
                        for _ in 0..<3 { seen.append((try? await client.send(HTTPRequest(url: url)))?.status ?? 0) }
                        return seen
                    }
                }
                return await group.reduce([], +)
            }
            for client in clients { client.shutdown() }
            #expect(statuses.count == 240)
            #expect(statuses.allSatisfy { $0 == 200 })
            #expect(fake.server.connectionsAccepted == 80)
        }
    }

    @Test func stopClosesHungConnectionsAndJoins() async throws {
        let fake = try FakeProviderServer.start()
        fake.provider.enqueue(.hang, .hang)
        let client = HTTPClient()
        defer { client.shutdown() }
        let url = fake.openAIBaseURL + "/models"
        async let first = try? client.send(HTTPRequest(url: url, totalTimeout: 30))
        async let second = try? client.send(HTTPRequest(url: url, totalTimeout: 30))
        #expect(await eventually { fake.provider.requests.count == 2 })
        fake.stop()
        let results = await [first, second]
        #expect(results.allSatisfy { $0 == nil })
    }

    @Test func runUntilInterruptedReturnsAfterStop() async throws {
        let fake = try FakeProviderServer.start()
        let finished = Task.detached { fake.runUntilInterrupted() }
        let client = HTTPClient()
        defer { client.shutdown() }
        #expect(try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models")).status == 200)
        fake.stop()
        await finished.value
        fake.stop()
        await #expect(throws: HTTPError.self) {
            try await client.send(HTTPRequest(url: fake.openAIBaseURL + "/models", connectTimeout: 2, totalTimeout: 5))
        }
    }

    @Test func malformedRequestLineGets400() throws {
        let server = HTTPServer { _ in .text("never") }
        let port = try server.start()
        defer { server.stop() }
        let reply = try rawExchange(port: port, "GARBAGE\r\n\r\n")
        #expect(reply.hasPrefix("HTTP/1.1 400 "))
    }

    @Test(arguments: [
        ("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "400"),
        ("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n", "400"),
        ("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab", "400"),
        ("GET /v1/models HTTP/1.1\r\nNoColonHere\r\n\r\n", "400"),
        ("GET /v1/models HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n", "400"),
        ("GET /v1/models HTTP/2.0\r\n\r\n", "400"),
        ("GET v1/models HTTP/1.1\r\n\r\n", "400"),
        ("GET /v1/models HTTP/1.1\r\n" + String(repeating: "X-Many: 1\r\n", count: 101) + "\r\n", "431"),
        ("POST /v1/chat/completions HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n", "413"),
        ("POST /v1/chat/completions HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", "411"),
    ])
    func hostileHeadsAreRefused(head: String, status: String) throws {
        let server = HTTPServer { _ in .text("never") }
        let port = try server.start()
        defer { server.stop() }
        let reply = try rawExchange(port: port, head)
        #expect(reply.hasPrefix("HTTP/1.1 \(status) "))
        #expect(reply.contains("Connection: close"))
    }

    @Test func pipelinedRequestsAreAnsweredInOrder() throws {
        let server = HTTPServer { request in .text("you asked for \(request.path)") }
        let port = try server.start()
        defer { server.stop() }
        let reply = try rawExchange(
            port: port,
            "GET /one HTTP/1.1\r\nHost: x\r\n\r\nPOST /two HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET /three HTTP/1.0\r\n\r\n")
        let one = try #require(reply.range(of: "you asked for /one"))
        let two = try #require(reply.range(of: "you asked for /two"))
        let three = try #require(reply.range(of: "you asked for /three"))
        #expect(one.upperBound <= two.lowerBound && two.upperBound <= three.lowerBound)
        #expect(server.connectionsAccepted == 1)
    }

    /// Sends raw bytes and reads until the server closes.
    private func rawExchange(port: Int, _ text: String) throws -> String {
        let handle = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(handle) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(handle, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        _ = text.withCString { send(handle, $0, strlen($0), 0) }
        var reply: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let got = chunk.withUnsafeMutableBytes { recv(handle, $0.baseAddress, 4096, 0) }
            if got <= 0 { break }
            reply += chunk[0..<got]
        }
        return String(decoding: reply, as: UTF8.self)
    }
}
