/// A YAML document outside the supported subset or malformed, with the 1-based line.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "yaml error at line \(line): \(message)" }
}
