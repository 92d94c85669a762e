/// The marker that replaces the cut end of a long input, and the cut itself.
public enum InputTruncation {
    /// The marker appended after the kept text.
    public static func marker(removed: Int) -> String { "\n[… truncated \(removed) characters …]" }

    /// The input cut to `budget` characters plus the marker, and the count removed.
    public static func apply(_ input: String, budget: Int?) -> (text: String, removed: Int) {
        guard let budget, budget >= 0 else { return (input, 0) }
        // A character takes at least one UTF-8 byte: a short input needs no (slow) count.
        if input.utf8.count <= budget { return (input, 0) }
        let total = input.count
        guard total > budget else { return (input, 0) }
        let removed = total - budget
        return (String(input.prefix(budget)) + marker(removed: removed), removed)
    }
}
