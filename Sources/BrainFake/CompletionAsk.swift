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
        ByteSearch.contains(text, "resume") || ByteSearch.contains(text, "résumé") || ByteSearch.contains(text, "curriculum vitae")
    }

    var promptCharacters: Int { texts.reduce(0) { $0 &+ $1.count } }

    private static func mentionsJobDescription(_ text: String) -> Bool {
        ByteSearch.contains(text, "job description") || ByteSearch.contains(text, "job posting")
            || ByteSearch.contains(text, "job_description") || ByteSearch.containsWord(text, "jd")
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

/// Substring search on UTF-8 bytes: the fake reads every prompt, so it must stay cheap.
enum ByteSearch {
    static func contains(_ text: String, _ needle: String) -> Bool { firstMatch(text, needle, wholeWord: false) }

    /// `needle` with no ASCII letter or digit right before or after it.
    static func containsWord(_ text: String, _ needle: String) -> Bool { firstMatch(text, needle, wholeWord: true) }

    private static func firstMatch(_ text: String, _ needle: String, wholeWord: Bool) -> Bool {
        let n = Array(needle.utf8)
        guard let first = n.first else { return true }
        var copy = text
        return copy.withUTF8 { h in
            guard h.count >= n.count else { return false }
            func isWordByte(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) }
            var i = 0
            while i <= h.count - n.count {
                if h[i] == first {
                    var j = 1
                    while j < n.count && h[i + j] == n[j] { j += 1 }
                    if j == n.count {
                        if !wholeWord { return true }
                        let before = i == 0 || !isWordByte(h[i - 1])
                        let after = i + n.count == h.count || !isWordByte(h[i + n.count])
                        if before && after { return true }
                    }
                }
                i += 1
            }
            return false
        }
    }
}
