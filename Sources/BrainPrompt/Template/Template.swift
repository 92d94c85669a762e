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
///
/// Supported: `{{ expr }}`, `{% if/elif/else/endif %}`, `{% for a[, b] in expr %}...{% else %}
/// {% endfor %}` (loop.index, index0, revindex, revindex0, first, last, length, previtem,
/// nextitem), `{% set a[, b] = expr %}`, `{% raw %}`, `{# #}`, `-`/`+` whitespace control.
/// Expressions: literals (string, int, float, true/false/none, lists, dicts), `a.b`, `a['b']`,
/// `a[0]`, `not and or`, `== != < <= > >=` (chained), `in`/`not in`, `+ - * / // % ~`,
/// `x if c else y`, filters (default/d, upper, lower, title, capitalize, trim, length/count,
/// join, replace, truncate, first, last, tojson, indent, string, int, list, safe), tests
/// (defined, undefined, none, string, number, integer, float, boolean, true, false, mapping,
/// sequence, eq, ne, in) and the methods `items() keys() values() get()` on dicts and
/// `upper() lower() strip() startswith() endswith() split()` on strings.
///
/// Not supported (syntax errors): macros, `include`/`extends`/`block`, calling functions,
/// slices, `**`, block `set`, loop filters (`for x in xs if c`). Known difference: `a.items`
/// without a call is the key `items`, not the method.
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
