/// The wire dialect a provider speaks.
public enum ProviderKind: String, Sendable, Equatable, Hashable, CaseIterable {
    /// OpenAI's Chat Completions shape (OpenAI, OpenRouter, Groq, xAI, Gemini compat, local servers).
    case openai
    /// Google's native `generateContent` API.
    case gemini
}
