import BrainCore

/// A compiled template: parse once with `init(source:name:)`, render many times.
///
/// The language is a subset of Jinja2 with Jinja's semantics and default settings (no
/// autoescape, trim_blocks and lstrip_blocks off, one trailing newline dropped, undefined is
/// strict). Values are inserted as text and never parsed again, so template syntax inside an
/// input comes out unchanged.
///
/// ```swift
/// let t = try Template(source: "Hello {{ name | title }}", name: "greeting")
/// let text = try t.render(["name": "ada lovelace"])   // "Hello Ada Lovelace"
/// ```
public struct Template: Sendable {
    /// The name used in error messages.
    public let name: String
    /// The text the template was compiled from.
    public let source: String
    public let limits: TemplateLimits
    /// Settable on a copy: the compiled form does not depend on it.
    public var undefinedBehavior: UndefinedBehavior
    let nodes: [TemplateNode]

    public init(
        source: String, name: String, limits: TemplateLimits = .standard, undefined: UndefinedBehavior = .strict
    ) throws(TemplateError) {
        self.name = name
        self.source = source
        self.limits = limits
        undefinedBehavior = undefined
        nodes = try TemplateParser.parse(source, templateName: name, maxDepth: limits.maxDepth)
    }

    /// Renders with JSON variables.
    public func render(_ context: JSONObject) throws(TemplateError) -> String {
        var variables: [String: TemplateValue] = [:]
        for (key, value) in context { variables[key] = TemplateValue(value) }
        return try render(values: variables)
    }

    /// Renders with template values.
    public func render(values context: [String: TemplateValue]) throws(TemplateError) -> String {
        var renderer = TemplateRenderer(templateName: name, limits: limits, undefinedBehavior: undefinedBehavior, context: context)
        try renderer.render(nodes)
        return renderer.output
    }
}

/// What using an undefined variable does.
public enum UndefinedBehavior: String, Sendable, Equatable {
    /// An error naming the template, line and column (Jinja's `StrictUndefined`). The default.
    case strict
    /// Prints nothing, counts as false and as an empty sequence (Jinja's default `Undefined`);
    /// for templates imported from the original system. Attributes of it are still errors.
    case lenient
}
