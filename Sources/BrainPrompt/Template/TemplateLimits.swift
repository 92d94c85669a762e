/// Bounds that keep a render finite whatever the template and its inputs contain.
public struct TemplateLimits: Sendable, Equatable {
    /// Largest output in UTF-8 bytes.
    public var maxOutputBytes: Int
    /// Most loop iterations over the whole render (all loops together).
    public var maxLoopIterations: Int
    /// Deepest nesting of blocks and expressions, at parse and at render time.
    public var maxDepth: Int

    public init(maxOutputBytes: Int = 4 << 20, maxLoopIterations: Int = 100_000, maxDepth: Int = 64) {
        self.maxOutputBytes = maxOutputBytes
        self.maxLoopIterations = maxLoopIterations
        self.maxDepth = maxDepth
    }

    public static let standard = TemplateLimits()
}
