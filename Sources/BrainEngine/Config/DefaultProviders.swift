/// The providers and key variables of the original system, added by `brain init`.
public enum DefaultProviders {
    /// openrouter, groq and gemini enabled; xai and a local server present but disabled until
    /// given a key or URL. Each allows 1000 calls per UTC day.
    public static let providers: [ProviderRecord] = [
        ProviderRecord(
            name: "openrouter", kind: "openai", baseURL: "https://openrouter.ai/api/v1", priority: 1,
            models: ["z-ai/glm-4.5-air:free", "x-ai/grok-4.1-fast:free", "z-ai/glm-4-32b"], dailyLimit: 1000),
        ProviderRecord(
            name: "groq", kind: "openai", baseURL: "https://api.groq.com/openai/v1", priority: 2,
            models: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant"], dailyLimit: 1000),
        ProviderRecord(
            name: "gemini", kind: "gemini", baseURL: "https://generativelanguage.googleapis.com/v1beta", priority: 3,
            models: ["gemini-2.0-flash-exp:free", "gemini-2.0-flash-lite-001"], dailyLimit: 1000),
        ProviderRecord(
            name: "xai", kind: "openai", baseURL: "https://api.x.ai/v1", priority: 4, enabled: false,
            models: ["grok-4-fast-non-reasoning"], dailyLimit: 1000),
        ProviderRecord(
            name: "local", kind: "openai", baseURL: "http://127.0.0.1:11434/v1", priority: 5, enabled: false,
            models: ["llama3.2"], dailyLimit: nil, keyRequired: false),
    ]

    /// Well-known environment variables and the provider each key belongs to (cli.md).
    public static let environmentKeys: [(variable: String, provider: String)] = [
        ("OPENROUTER_API_KEY", "openrouter"), ("OPENROUTER_KEY_2", "openrouter"), ("OPENROUTER_KEY_3", "openrouter"),
        ("GROQ_API_KEY", "groq"), ("GROQ_API_KEY_2", "groq"),
        ("GEMINI_API_KEY", "gemini"), ("GEMINI_API_KEY_2", "gemini"),
        ("XAI_API_KEY", "xai"),
    ]
}
