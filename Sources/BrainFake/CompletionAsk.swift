import BrainCore

/// What a chat request asks for, read from either dialect's body.
struct CompletionAsk: Equatable {
    enum Answer: Equatable {
        case chat
        case resume
        case jobDescription
    }

    /// The requested model, if named.
    var model: String?
    /// All instruction and user text, in order.
    var texts: [String]
    /// System and developer text (Gemini: systemInstruction).
    var instructions: [String]
    /// The last user turn (echoed back in chat answers).
    var lastUserText: String
    var wantsJSON: Bool
    /// Lower-cased schema name/title hints from the request.
    var schemaHint: String

    /// Which answer fits: structured when JSON is asked for or the text talks about resume/JD parsing.
    /// The schema name, then the instructions, then the rest of the text decide between resume and JD,
    /// so a resume that mentions "JD Edwards" still gets a resume.
    var answer: Answer {
        let text = texts.joined(separator: "\n").lowercased()
        let mentionsJD = Self.mentionsJobDescription(text)
        let mentionsResume = Self.mentionsResume(text)
        guard wantsJSON || mentionsJD || mentionsResume || !schemaHint.isEmpty else { return .chat }
        for source in [schemaHint, instructions.joined(separator: "\n").lowercased()] {
            if Self.mentionsJobDescription(source) { return .jobDescription }
            if Self.mentionsResume(source) { return .resume }
        }
        return mentionsJD ? .jobDescription : .resume
    }

    private static func mentionsResume(_ text: String) -> Bool {
        text.contains("resume") || text.contains("résumé") || text.contains("curriculum vitae")
    }

    var promptCharacters: Int { texts.reduce(0) { $0 &+ $1.count } }

    private static func mentionsJobDescription(_ text: String) -> Bool {
        if text.contains("job description") || text.contains("job posting") || text.contains("job_description") {
            return true
        }
        return text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains("jd")
    }

    /// Reads an OpenAI-style chat completion body.
    static func openAI(_ body: JSONValue) -> CompletionAsk {
        var texts: [String] = []
        var instructions: [String] = []
        var lastUser = ""
        for message in body["messages"]?.arrayValue ?? [] {
            let text = contentText(message["content"])
            texts.append(text)
            switch message["role"]?.stringValue {
            case "user": lastUser = text
            case "system", "developer": instructions.append(text)
            default: break
            }
        }
        let format = body["response_format"]
        let type = format?["type"]?.stringValue ?? ""
        let hint = [format?["json_schema"]?["name"]?.stringValue, format?["json_schema"]?["schema"]?["title"]?.stringValue]
            .compactMap { $0 }.joined(separator: " ").lowercased()
        return CompletionAsk(
            model: body["model"]?.stringValue, texts: texts, instructions: instructions, lastUserText: lastUser,
            wantsJSON: type == "json_object" || type == "json_schema", schemaHint: hint)
    }

    /// Reads a Gemini `generateContent` body; the model comes from the path.
    static func gemini(_ body: JSONValue, model: String) -> CompletionAsk {
        let instructions = (body["systemInstruction"]?["parts"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }
        var texts = instructions
        var lastUser = ""
        for content in body["contents"]?.arrayValue ?? [] {
            let text = (content["parts"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            texts.append(text)
            if content["role"]?.stringValue != "model" { lastUser = text }
        }
        let config = body["generationConfig"]
        let hint = [config?["responseSchema"]?["title"]?.stringValue, config?["responseJsonSchema"]?["title"]?.stringValue]
            .compactMap { $0 }.joined(separator: " ").lowercased()
        return CompletionAsk(
            model: model, texts: texts, instructions: instructions, lastUserText: lastUser,
            wantsJSON: config?["responseMimeType"]?.stringValue == "application/json", schemaHint: hint)
    }

    private static func contentText(_ content: JSONValue?) -> String {
        if let text = content?.stringValue { return text }
        return (content?.arrayValue ?? []).compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
    }

    /// The answer text for this ask.
    var replyText: String {
        switch answer {
        case .resume: return SampleDocuments.resumeJSON
        case .jobDescription: return SampleDocuments.jobDescriptionJSON
        case .chat: return "This is a reply from the brain fake provider. You said: \(lastUserText.prefix(4000))"
        }
    }
}
