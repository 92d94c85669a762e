/// Prompt layer: templates, task profiles, output schemas, JSON validation.
public enum BrainPrompt {}
