import BrainPrompt

/// Invented documents the fake provider answers structured tasks with: the prompt layer's
/// sample outputs, which validate against the output schemas (the people and companies are fictional).
public enum SampleDocuments {
    /// A resume_parsing result.
    public static let resumeJSON = SampleOutputs.resumeJSON
    /// A jd_parsing result.
    public static let jobDescriptionJSON = SampleOutputs.jdJSON
}
