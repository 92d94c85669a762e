import Foundation

/// Safety limits that make any input harmless. Every extractor checks the ones it can hit.
public struct ExtractionLimits: Sendable, Equatable {
    /// Largest input file accepted.
    public var maxInputBytes: Int = 50 << 20
    /// Total bytes produced by decompression across one document (zip entries, PDF streams).
    public var maxInflatedBytes: Int = 100 << 20
    /// Largest ratio of inflated to compressed size for one zip entry (zip bombs).
    public var maxCompressionRatio: Int = 200
    /// Most entries read from a zip central directory.
    public var maxZipEntries: Int = 10_000
    /// Deepest element nesting accepted in XML and HTML.
    public var maxXMLDepth: Int = 256
    /// Most PDF objects in one file.
    public var maxPDFObjects: Int = 1_000_000
    /// Most content-stream operators interpreted per document.
    public var maxContentOperators: Int = 20_000_000
    /// Deepest recursion (Form XObjects, nested dictionaries, RTF groups).
    public var maxRecursionDepth: Int = 64
    /// Wall-clock budget per document, in seconds.
    public var timeBudgetSeconds: Double = 30

    public init() {}

    public static let `default` = ExtractionLimits()
}

/// A point in time after which an extractor gives up. Cheap to check in inner loops.
public struct Deadline: Sendable {
    private let end: UInt64
    public let budgetSeconds: Double

    public init(seconds: Double) {
        budgetSeconds = seconds
        end = DispatchTime.now().uptimeNanoseconds &+ UInt64(max(0, seconds) * 1e9)
    }

    public var hasPassed: Bool { DispatchTime.now().uptimeNanoseconds > end }

    /// Throws `ExtractionError.timedOut` once the budget is spent.
    public func check() throws(ExtractionError) {
        if hasPassed { throw .timedOut(seconds: budgetSeconds) }
    }
}
