import Foundation
import BrainCore

/// Checks a model's answer against a task's output schema and writes the one repair request.
///
/// ```swift
/// let checker = StructuredOutputChecker(schema: schema)
/// var check = checker.check(answer)
/// if case .invalid(let errors, _) = check.verdict {
///     let messages = checker.repairRequest(conversation: sent, answer: answer, errors: errors)
///     check = checker.checkRepair(try await provider.send(messages))   // .repaired or .invalid
/// }
/// ```
public struct StructuredOutputChecker: Sendable {
    /// At most this many errors are kept on a verdict; the rest are counted in a last line.
    public static let maxStoredErrors = 100
    /// At most this many errors are listed in the repair request.
    public static let maxListedErrors = 20

    public let schema: JSONSchema
    public let normalizer: OutputNormalizer

    public init(schema: JSONSchema) {
        self.schema = schema
        self.normalizer = OutputNormalizer(schema: schema)
    }

    /// Finds, normalises and validates the JSON in a first answer: `.valid` or `.invalid`.
    public func check(_ answer: String) -> OutputCheck { evaluate(answer, repaired: false) }

    /// The same for the answer to the repair request: `.repaired` or `.invalid`.
    public func checkRepair(_ answer: String) -> OutputCheck { evaluate(answer, repaired: true) }

    /// The messages for the single repair attempt: the conversation as sent, the model's answer
    /// as the assistant turn, then a user turn listing the errors and asking for corrected JSON only.
    public func repairRequest(conversation: [ChatMessage], answer: String, errors: [String]) -> [ChatMessage] {
        let shownAnswer = answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "(empty answer)" : answer
        return conversation + [
            ChatMessage(role: .assistant, content: shownAnswer),
            ChatMessage(role: .user, content: Self.repairInstruction(errors: errors)),
        ]
    }

    /// The text of the repair turn.
    public static func repairInstruction(errors: [String]) -> String {
        var lines = ["Your previous answer does not satisfy the required JSON schema. Problems found:"]
        for error in errors.prefix(maxListedErrors) { lines.append("- " + error) }
        if errors.count > maxListedErrors { lines.append("- ... and \(errors.count - maxListedErrors) more problems of the same kind") }
        lines.append("")
        lines.append(
            "Reply with the complete corrected JSON object only: no code fences, no explanations. "
                + "Use only the keys the schema allows, take every value from the source text, "
                + "and omit a field rather than guess or leave it empty.")
        return lines.joined(separator: "\n")
    }

    private func evaluate(_ answer: String, repaired: Bool) -> OutputCheck {
        let located: LocatedJSON
        do { located = try JSONLocator.locate(in: answer) } catch {
            return OutputCheck(verdict: .invalid(errors: [error.description], parsed: nil), location: nil, changes: [])
        }
        let normalized = normalizer.normalize(located.value)
        let violations = schema.validate(normalized.value)
        let verdict: OutputVerdict
        if violations.isEmpty {
            verdict = repaired ? .repaired(normalized.value) : .valid(normalized.value)
        } else {
            var errors = violations.prefix(Self.maxStoredErrors).map(\.description)
            if violations.count > Self.maxStoredErrors {
                errors.append("... and \(violations.count - Self.maxStoredErrors) more violations")
            }
            verdict = .invalid(errors: errors, parsed: normalized.value)
        }
        return OutputCheck(verdict: verdict, location: located.location, changes: normalized.changes)
    }
}
