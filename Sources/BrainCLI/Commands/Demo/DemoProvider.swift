import BrainCore
import BrainFake
import Foundation

/// One of the demo's fake providers: a `FakeProvider` on 127.0.0.1 (OpenAI dialect) whose
/// successful completions carry the prepared answer for the document in the prompt, so each
/// sample gets a result about itself. Failures, rate limits and latency are the fake's own.
final class DemoProvider: Sendable {
    let name: String
    let priority: Int
    let options: FakeProviderOptions
    let server: HTTPServer
    let baseURL: String
    /// The environment variable the demo puts this provider's key in.
    let keyVariable: String

    private init(name: String, priority: Int, options: FakeProviderOptions, server: HTTPServer, port: Int) {
        self.name = name
        self.priority = priority
        self.options = options
        self.server = server
        baseURL = "http://127.0.0.1:\(port)/v1"
        keyVariable = "DEMO_\(name.uppercased())_KEY"
    }

    /// Starts a fake provider on an ephemeral loopback port.
    static func start(name: String, priority: Int, options: FakeProviderOptions, samples: DemoSamples) throws(DemoError) -> DemoProvider {
        let fake = FakeProvider(options: options)
        let server = HTTPServer { request in
            DemoProvider.substituteAnswer(in: fake.handle(request), for: request, samples: samples)
        }
        do {
            let port = try server.start(host: "127.0.0.1", port: 0)
            return DemoProvider(name: name, priority: priority, options: options, server: server, port: port)
        } catch {
            throw DemoError.fakeProvider("\(error)")
        }
    }

    /// Closes every connection and joins the server's threads.
    func stop() { server.stop() }

    /// A successful chat completion with its message content replaced by the prepared answer
    /// for the prompt's document; anything else unchanged.
    static func substituteAnswer(in response: ScriptedResponse, for request: ReceivedRequest, samples: DemoSamples) -> ScriptedResponse {
        guard response.status == 200, request.path.hasSuffix("/chat/completions"),
            case .object(var body)? = try? JSONValue.parse(bytes: response.body),
            case .array(var choices)? = body["choices"], case .object(var choice)? = choices.first,
            case .object(var message)? = choice["message"], let content = message["content"]?.stringValue,
            let generic = try? JSONValue.parse(content),
            let prompt = try? JSONValue.parse(bytes: request.body)
        else { return response }
        let task: TaskType = generic["basics"] != nil ? .resumeParsing : .jdParsing
        guard let answer = samples.answer(task: task, prompt: promptText(prompt)) else { return response }
        message["content"] = .string(answer.text)
        choice["message"] = .object(message)
        choices[0] = .object(choice)
        body["choices"] = .array(choices)
        var replaced = response
        replaced.body = Array(JSONValue.object(body).serialized().utf8)
        return replaced
    }

    /// Every message's text in an OpenAI-style request body, joined.
    static func promptText(_ body: JSONValue) -> String {
        (body["messages"]?.arrayValue ?? []).map { message -> String in
            if let text = message["content"]?.stringValue { return text }
            return (message["content"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
