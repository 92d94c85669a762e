import BrainCore
import Foundation

/// The fake LLM provider's brain: records every request and decides each answer.
///
/// Answers come first from the FIFO queue of scripted responses, then from the options
/// (refused keys, random 500s and 429s, latency), then from the dialect's default answer:
/// a chat completion (OpenAI-compatible `POST …/chat/completions` or Gemini
/// `POST /v1beta/models/{model}:generateContent`), a model list, or OpenRouter's `GET …/key`.
public final class FakeProvider: @unchecked Sendable {
    public let options: FakeProviderOptions
    private let lock = NSLock()
    private var queue: [ScriptedResponse] = []
    private var received: [ReceivedRequest] = []
    private var generator: SeededGenerator
    private var answered = 0

    public init(options: FakeProviderOptions = FakeProviderOptions()) {
        self.options = options
        generator = SeededGenerator(seed: options.seed)
    }

    /// Queues responses for the next requests, in order (any path).
    public func enqueue(_ responses: ScriptedResponse...) {
        lock.withLock { queue.append(contentsOf: responses) }
    }

    /// Every request received so far, in arrival order.
    public var requests: [ReceivedRequest] { lock.withLock { received } }

    /// Forgets the recorded requests.
    public func clearRequests() { lock.withLock { received.removeAll() } }

    /// Scripted responses not yet used.
    public var pendingScriptedResponses: Int { lock.withLock { queue.count } }

    /// Answers one request (the `HTTPServer` handler).
    public func handle(_ request: ReceivedRequest) -> ScriptedResponse {
        let (scripted, sequence) = lock.withLock { () -> (ScriptedResponse?, Int) in
            received.append(request)
            answered += 1
            return (queue.isEmpty ? nil : queue.removeFirst(), answered)
        }
        if let scripted { return scripted }
        var response = answer(request, sequence: sequence)
        if options.latencyMs > 0 { response.delayMilliseconds = options.latencyMs }
        return response
    }

    private enum Route {
        case openAIChat, geminiGenerate(model: String), openAIModels, geminiModels, openRouterKey, health
    }

    private func route(_ request: ReceivedRequest) -> (Route?, allowed: String) {
        let path = request.path
        if path.hasSuffix("/chat/completions") { return (.openAIChat, "POST") }
        if path.hasPrefix("/v1beta/models/"), let colon = path.lastIndex(of: ":") {
            let model = String(path[path.index(path.startIndex, offsetBy: 15)..<colon])
            if path[colon...] == ":generateContent" && !model.isEmpty { return (.geminiGenerate(model: model), "POST") }
            return (nil, "")
        }
        if path == "/v1beta/models" { return (.geminiModels, "GET") }
        if path.hasSuffix("/models") { return (options.dialect == .gemini ? .geminiModels : .openAIModels, "GET") }
        if path.hasSuffix("/key") || path.hasSuffix("/auth/key") { return (.openRouterKey, "GET") }
        if path == "/health" { return (.health, "GET") }
        return (nil, "")
    }

    private func answer(_ request: ReceivedRequest, sequence: Int) -> ScriptedResponse {
        let (found, allowed) = route(request)
        let gemini: Bool
        switch found {
        case .geminiGenerate, .geminiModels: gemini = true
        case .none: gemini = options.dialect == .gemini
        default: gemini = false
        }
        guard let route = found else {
            return gemini
                ? GeminiDialect.error(status: 404, message: "Method not found.", canonical: "NOT_FOUND")
                : OpenAIDialect.error(status: 404, message: "Unknown request URL: \(request.method) \(request.path).", type: "invalid_request_error", code: "unknown_url")
        }
        guard request.method == allowed else {
            return gemini
                ? GeminiDialect.error(status: 405, message: "Method not allowed.", canonical: "INVALID_ARGUMENT")
                : OpenAIDialect.error(status: 405, message: "Method not allowed: use \(allowed).", type: "invalid_request_error", code: nil)
        }
        if let key = request.apiKey, options.authFailKeys.contains(key) {
            return gemini ? GeminiDialect.invalidKey : OpenAIDialect.invalidKey(key)
        }
        switch route {
        case .openAIChat: return completion(request, sequence: sequence, gemini: nil)
        case .geminiGenerate(let model): return completion(request, sequence: sequence, gemini: model)
        case .openAIModels: return OpenAIDialect.models(defaultModel: options.defaultModel)
        case .geminiModels: return GeminiDialect.models(defaultModel: options.defaultModel)
        case .openRouterKey: return OpenAIDialect.keyInfo(key: request.apiKey)
        case .health: return .json(#"{"status":"ok"}"#)
        }
    }

    private func completion(_ request: ReceivedRequest, sequence: Int, gemini model: String?) -> ScriptedResponse {
        let draw = lock.withLock { generator.unit() }
        let failRate = min(max(options.failRate, 0), 1)
        let limitRate = min(max(options.rateLimitRate, 0), 1)
        let retryAfter = max(0, options.retryAfterSeconds)
        guard let body = try? JSONValue.parse(bytes: request.body), body.objectValue != nil else {
            return model != nil
                ? GeminiDialect.error(status: 400, message: "Invalid JSON payload received.", canonical: "INVALID_ARGUMENT")
                : OpenAIDialect.error(
                    status: 400, message: "We could not parse the JSON body of your request.",
                    type: "invalid_request_error", code: nil)
        }
        let ask = model.map { CompletionAsk.gemini(body, model: $0) } ?? CompletionAsk.openAI(body)
        let answeredModel = ask.model ?? options.defaultModel
        if draw < failRate {
            return model != nil ? GeminiDialect.serverError : OpenAIDialect.serverError
        }
        if draw < failRate + limitRate {
            return model != nil
                ? GeminiDialect.rateLimited(model: answeredModel, retryAfter: retryAfter)
                : OpenAIDialect.rateLimited(model: answeredModel, retryAfter: retryAfter)
        }
        let id = "fake\(sequence)x\(String(options.seed &+ UInt64(sequence), radix: 36))"
        if model != nil { return GeminiDialect.generateContent(ask, id: id, model: answeredModel) }
        if ask.texts.isEmpty {
            return OpenAIDialect.error(
                status: 400, message: "'messages' is a required property and must not be empty.",
                type: "invalid_request_error", code: nil)
        }
        return OpenAIDialect.chatCompletion(
            ask, id: id, created: Int(Date().timeIntervalSince1970), model: answeredModel, path: request.path)
    }
}
