import BrainCore

/// What the model is asked to be for a task, as in the original system; templates see it as
/// `profile` (`profile.role`, `profile.domain`, `profile.output_format`, `profile.strict`).
public struct TaskProfile: Sendable, Equatable {
    public var task: TaskType
    public var role: String
    public var domain: String
    public var outputFormat: String
    /// Whether answers must be JSON valid against the task's output schema.
    public var strict: Bool
    /// The output schema name (`resume`, `jd`) for structured tasks.
    public var outputSchema: String?

    public init(task: TaskType, role: String, domain: String, outputFormat: String, strict: Bool, outputSchema: String?) {
        self.task = task
        self.role = role
        self.domain = domain
        self.outputFormat = outputFormat
        self.strict = strict
        self.outputSchema = outputSchema
    }

    /// The built-in profile of a task.
    public static func forTask(_ task: TaskType) -> TaskProfile {
        switch task {
        case .resumeParsing:
            return TaskProfile(task: task, role: "expert resume parser", domain: "HR recruitment",
                               outputFormat: "structured JSON", strict: true, outputSchema: "resume")
        case .jdParsing:
            return TaskProfile(task: task, role: "job description analyst", domain: "HR recruitment",
                               outputFormat: "structured JSON", strict: true, outputSchema: "jd")
        case .chat:
            return TaskProfile(task: task, role: "helpful assistant", domain: "general",
                               outputFormat: "natural language", strict: false, outputSchema: nil)
        case .generic:
            return TaskProfile(task: task, role: "data analyst", domain: "general",
                               outputFormat: "structured or text", strict: false, outputSchema: nil)
        }
    }

    /// The name the original templates use for the input text of this task, if any.
    public var inputVariableName: String? {
        switch task {
        case .resumeParsing: return "resume_text"
        case .jdParsing: return "jd_text"
        case .chat: return "user_message"
        case .generic: return nil
        }
    }

    /// The profile as a template value.
    public var json: JSONValue {
        [
            "task": .string(task.rawValue), "role": .string(role), "domain": .string(domain),
            "output_format": .string(outputFormat), "strict": .bool(strict),
            "output_schema": outputSchema.map(JSONValue.string) ?? .null,
        ]
    }
}
