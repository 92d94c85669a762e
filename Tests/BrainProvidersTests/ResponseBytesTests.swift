import BrainCore
import Foundation
import Testing

@testable import BrainProviders

/// Responses read from bytes: header lines split without Foundation on ASCII, bodies parsed
/// without a String copy; both give what the String-based reading gave.
@Suite struct ResponseBytesTests {
    /// The header reading the byte path replaced, kept as the definition of the expected headers.
    static func referenceHeaders(_ lines: [String]) -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        for raw in lines {
            var text = raw
            while text.hasSuffix("\n") || text.hasSuffix("\r") || text.hasSuffix("\r\n") { text.removeLast() }
            let line = Substring(text)
            if line.hasPrefix("HTTP/") {
                headers.removeAll()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { headers.append(HTTPHeader(name, value)) }
        }
        return headers
    }

    static func received(_ lines: [String]) -> [HTTPHeader] {
        let transfer = CurlTransfer(request: HTTPRequest(url: "http://127.0.0.1/"))
        for line in lines {
            Array(line.utf8).withUnsafeBufferPointer { transfer.receiveHeaderLine($0) }
        }
        return transfer.headers
    }

    @Test(arguments: [
        ["HTTP/1.1 200 OK\r\n", "Content-Type: application/json\r\n", "X-Request-Id:abc\r\n", "\r\n"],
        ["X-Spaces:   padded value \t \r\n", "  Name  :  v  \r\n", "\tTabbed\t:\tv\t\n", "X-Empty:\r\n", "X-Blank:    \r\n"],
        ["NoColon\r\n", ": no name\r\n", " : blank name\r\n", "X-Colons: a:b:c\r\n", "X-Inner: a \r b\r\n"],
        ["HTTP/1.1 100 Continue\r\n", "X-Old: 1\r\n", "\r\n", "HTTP/2 200\r\n", "X-New: 2\r\n"],
        ["X-Unicode: café \u{00A0}\r\n", "X-Nbsp:\u{00A0}v\u{2003}\r\n", "X-\u{00E9}: x\r\n", "X-Mix: a\u{0301}\r\n"],
        ["x-lower: v\r", "X-Only-LF: v\n", "X-No-End: v", "X-Trail: v\r\n\r\n"],
    ])
    func headerLinesMatchTheStringReading(lines: [String]) {
        #expect(Self.received(lines) == Self.referenceHeaders(lines))
    }

    /// Parsing bytes and parsing the repaired String accept the same bodies and give the same values.
    @Test(arguments: [
        Array(#"{"a":"plain","b":[1,2.5,-0,true,null]}"#.utf8),
        Array("  \n\t{\"a\":\"caf\u{00E9} \u{1F600}\"}".utf8),
        Array(#"{"a":"x"#.utf8) + [0xE2, 0x80] + Array(#"\n\u00e9y"}"#.utf8),
        Array(#"{"a":""#.utf8) + [0xFF, 0xC3] + Array(#"","b":"\ud83d\ude00\ud800"}"#.utf8),
        Array(#"{"a":"ok"}"#.utf8) + [0xFF],
        [0xEF, 0xBB, 0xBF] + Array(#"{"bom":true}"#.utf8),
        Array(#"{"a":"#.utf8) + [0x80] + Array("}".utf8),
        Array(#"{"a":"\"#.utf8) + [0xC3, 0xA9] + Array(#""}"#.utf8),
    ])
    func bytesParseLikeRepairedText(body: [UInt8]) {
        let fromBytes = try? JSONValue.parse(bytes: body, maxDepth: 128)
        let fromText = try? JSONValue.parse(String(decoding: body, as: UTF8.self), maxDepth: 128)
        #expect(fromBytes?.serialized() == fromText?.serialized())
        #expect((fromBytes == nil) == (fromText == nil))
    }

    @Test func completionTextComesFromTheBodyBytes() throws {
        let adapter = OpenAICompatibleAdapter(config: ProviderConfig(name: "local", kind: .openai, baseURL: "http://127.0.0.1:1/v1"))
        let content = #"{"name":"Ann \"A\" Lee","note":"caf\u00e9"}"#
        let envelope: JSONValue = [
            "id": "r1", "model": "m", "choices": [["message": ["role": "assistant", "content": .string(content)], "finish_reason": "stop"]],
        ]
        let body = Data([0x20, 0x0A] + envelope.serializedBytes() + [0xFF])
        let broken = HTTPResponse(status: 200, body: body)
        let request = CompletionRequest(messages: [ChatMessage(role: .user, content: "hi")], model: "m")
        guard case .failure(let failure) = adapter.parse(broken, for: request, apiKey: "k") else {
            Issue.record("a body with trailing garbage was accepted")
            return
        }
        #expect(failure.kind == .malformedResponse)
        let good = HTTPResponse(status: 200, body: Data([0x20, 0x0A] + envelope.serializedBytes()))
        let completion = try adapter.parse(good, for: request, apiKey: "k").get()
        #expect(completion.text == content)
        #expect(completion.requestId == "r1")
    }
}
