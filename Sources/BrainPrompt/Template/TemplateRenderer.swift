/// Executes parsed statements against a context, writing text to a bounded output.
///
/// Scoping follows Jinja: each loop iteration is a new scope (a `set` inside a loop is gone
/// after it), `if` is not a scope.
struct TemplateRenderer {
    let templateName: String
    let limits: TemplateLimits
    let undefinedBehavior: UndefinedBehavior
    var scopes: [[String: TemplateValue]]
    var output = ""
    private var outputBytes = 0
    private var iterations = 0

    init(templateName: String, limits: TemplateLimits, undefinedBehavior: UndefinedBehavior, context: [String: TemplateValue]) {
        self.templateName = templateName
        self.limits = limits
        self.undefinedBehavior = undefinedBehavior
        scopes = [context, [:]]
    }

    func error(_ kind: TemplateError.Kind, _ message: String, at position: SourcePosition) -> TemplateError {
        TemplateError(kind, template: templateName, line: position.line, column: position.column, message: message)
    }

    /// The value itself, or an error when it is undefined. In lenient mode too: like Jinja's
    /// default `Undefined`, an undefined value may only be printed (as nothing), tested for
    /// truth (false), iterated (empty), compared for equality, or given to string filters.
    func require(_ value: TemplateValue, at position: SourcePosition) throws(TemplateError) -> TemplateValue {
        if case .undefined(let message) = value { throw error(.undefined, message, at: position) }
        return value
    }

    var isLenient: Bool { undefinedBehavior == .lenient }

    /// Python truthiness; an undefined value is false in lenient mode and an error in strict mode.
    func truth(_ value: TemplateValue, at position: SourcePosition) throws(TemplateError) -> Bool {
        if value.isUndefined && isLenient { return false }
        return try require(value, at: position).isTruthy
    }

    /// `str(value)`; an undefined value prints nothing in lenient mode.
    func text(_ value: TemplateValue, at position: SourcePosition) throws(TemplateError) -> String {
        if value.isUndefined && isLenient { return "" }
        return PythonText.str(try require(value, at: position))
    }

    func lookup(_ name: String) -> TemplateValue {
        for scope in scopes.reversed() {
            if let value = scope[name] { return value }
        }
        return .undefined("'\(name)' is undefined")
    }

    private mutating func write(_ text: String, at position: SourcePosition) throws(TemplateError) {
        outputBytes &+= text.utf8.count
        if outputBytes > limits.maxOutputBytes {
            throw error(.limit, "output larger than \(limits.maxOutputBytes) bytes", at: position)
        }
        output += text
    }

    mutating func render(_ nodes: [TemplateNode]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text, let position):
                try write(text, at: position)
            case .output(let expression):
                try write(try text(try evaluate(expression), at: expression.position), at: expression.position)
            case .conditional(let branches, let otherwise):
                var taken = false
                for branch in branches {
                    if try truth(try evaluate(branch.condition), at: branch.condition.position) {
                        try render(branch.body)
                        taken = true
                        break
                    }
                }
                if !taken, let otherwise { try render(otherwise) }
            case .loop(let targets, let iterable, let body, let otherwise, let position):
                try renderLoop(targets: targets, iterable: iterable, body: body, otherwise: otherwise, position: position)
            case .assign(let targets, let value, let position):
                let assigned = try evaluate(value)
                for (name, element) in try unpack(assigned, into: targets, at: position) {
                    scopes[scopes.count - 1][name] = element
                }
            }
        }
    }

    private mutating func renderLoop(
        targets: [String], iterable: Expression, body: [TemplateNode], otherwise: [TemplateNode]?, position: SourcePosition
    ) throws(TemplateError) {
        let items = try iterate(try evaluate(iterable), at: iterable.position)
        if items.isEmpty {
            if let otherwise { try render(otherwise) }
            return
        }
        let count = items.count
        for (i, item) in items.enumerated() {
            iterations &+= 1
            if iterations > limits.maxLoopIterations {
                throw error(.limit, "more than \(limits.maxLoopIterations) loop iterations", at: position)
            }
            var scope: [String: TemplateValue] = [:]
            for (name, element) in try unpack(item, into: targets, at: position) { scope[name] = element }
            var loop: [(String, TemplateValue)] = [
                ("index", .int(i + 1)), ("index0", .int(i)), ("revindex", .int(count - i)), ("revindex0", .int(count - i - 1)),
                ("first", .bool(i == 0)), ("last", .bool(i == count - 1)), ("length", .int(count)),
            ]
            if i > 0 { loop.append(("previtem", items[i - 1])) }
            if i < count - 1 { loop.append(("nextitem", items[i + 1])) }
            scope["loop"] = .dict(TemplateDict(loop))
            scopes.append(scope)
            defer { scopes.removeLast() }
            try render(body)
        }
    }

    /// The elements a `for` visits: list items, dict keys, or the characters of a string
    /// (nothing for an undefined value in lenient mode).
    func iterate(_ value: TemplateValue, at position: SourcePosition) throws(TemplateError) -> [TemplateValue] {
        if value.isUndefined && isLenient { return [] }
        switch try require(value, at: position) {
        case .list(let items), .tuple(let items): return items
        case .dict(let d): return d.entries.map { .string($0.key) }
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        default: throw error(.type, "'\(value.pythonTypeName)' object is not iterable", at: position)
        }
    }

    private func unpack(_ value: TemplateValue, into targets: [String], at position: SourcePosition) throws(TemplateError) -> [(String, TemplateValue)] {
        guard targets.count > 1 else { return [(targets[0], value)] }
        let elements = try iterate(value, at: position)
        guard elements.count == targets.count else {
            let problem = elements.count > targets.count ? "too many values to unpack" : "not enough values to unpack"
            throw error(.type, "\(problem) (expected \(targets.count), got \(elements.count))", at: position)
        }
        return Array(zip(targets, elements))
    }
}
