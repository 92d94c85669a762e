import Foundation

/// Removes secrets from text before it is stored or shown.
///
/// Providers sometimes echo the key back in error bodies ("Incorrect API key provided: sk-…").
/// Every error text passes through a scrubber that knows the secrets in play, and also masks
/// anything shaped like a well-known key format.
public struct SecretScrubber: Sendable {
    private let secrets: [String]

    public init(secrets: [String]) {
        self.secrets = secrets.filter { $0.count >= 4 }.sorted { $0.count > $1.count }
    }

    /// `text` with every known secret replaced by its fingerprint and key-shaped tokens masked.
    public func scrub(_ text: String) -> String {
        var out = text
        for secret in secrets where out.contains(secret) {
            out = out.replacingAll(secret, with: SecretScrubber.fingerprint(secret))
        }
        return SecretScrubber.maskKeyShapedTokens(out)
    }

    /// A short, non-reversible label for a secret: its first 3 and last 4 characters, e.g. `sk-…9f3a`.
    /// Secrets shorter than 12 characters show only the last 2.
    public static func fingerprint(_ secret: String) -> String {
        let chars = Array(secret)
        if chars.count < 12 { return "…" + String(chars.suffix(2)) }
        return String(chars.prefix(3)) + "…" + String(chars.suffix(4))
    }

    /// Masks tokens that look like provider keys (sk-…, gsk_…, xai-…, AIza…) even when not known.
    static func maskKeyShapedTokens(_ text: String) -> String {
        let prefixes = ["sk-", "gsk_", "xai-", "AIza"]
        guard prefixes.contains(where: { text.contains($0) }) else { return text }
        var result = ""
        var token = ""
        func flush() {
            if token.count >= 20, prefixes.contains(where: { token.hasPrefix($0) }) {
                result += fingerprint(token)
            } else {
                result += token
            }
            token = ""
        }
        for ch in text {
            if ch.isLetter || ch.isNumber || ch == "-" || ch == "_" {
                token.append(ch)
            } else {
                flush()
                result.append(ch)
            }
        }
        flush()
        return result
    }
}

extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    public func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
