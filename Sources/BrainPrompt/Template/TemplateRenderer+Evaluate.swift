/// Expression evaluation.
extension TemplateRenderer {
    func evaluate(_ expression: Expression) throws(TemplateError) -> TemplateValue {
        let position = expression.position
        switch expression.kind {
        case .literal(let value):
            return value
        case .name(let name):
            return lookup(name)
        case .attribute(let base, let name):
            return try member(of: try require(try evaluate(base), at: base.position), key: .string(name), at: position)
        case .item(let base, let key):
            let container = try require(try evaluate(base), at: base.position)
            return try member(of: container, key: try require(try evaluate(key), at: key.position), at: position)
        case .list(let elements):
            var values: [TemplateValue] = []
            for element in elements { values.append(try require(try evaluate(element), at: element.position)) }
            return .list(values)
        case .dict(let pairs):
            var dict = TemplateDict()
            for (keyExpression, valueExpression) in pairs {
                guard case .string(let key) = try require(try evaluate(keyExpression), at: keyExpression.position) else {
                    throw error(.type, "dictionary keys must be strings", at: keyExpression.position)
                }
                dict[key] = try require(try evaluate(valueExpression), at: valueExpression.position)
            }
            return .dict(dict)
        case .filter(let base, let name, let arguments):
            let input = try evaluate(base)
            return try applyFilter(name, to: input, arguments: try evaluate(arguments), at: position, inputPosition: base.position)
        case .test(let base, let name, let arguments, let negated):
            let result = try applyTest(name, to: try evaluate(base), arguments: try evaluate(arguments), at: position, inputPosition: base.position)
            return .bool(result != negated)
        case .methodCall(let base, let name, let arguments):
            let receiver = try require(try evaluate(base), at: base.position)
            return try callMethod(name, on: receiver, arguments: try evaluate(arguments), at: position)
        case .not(let operand):
            return .bool(!(try truth(try evaluate(operand), at: operand.position)))
        case .negate(let operand):
            switch try require(try evaluate(operand), at: operand.position) {
            case .int(let i):
                let (value, overflow) = (0).subtractingReportingOverflow(i)
                if overflow { throw error(.type, "integer overflow", at: position) }
                return .int(value)
            case .double(let d): return .double(-d)
            case .bool(let b): return .int(b ? -1 : 0)
            case let other: throw error(.type, "bad operand type for unary -: '\(other.pythonTypeName)'", at: position)
            }
        case .and(let left, let right):
            // Like Python, the right operand is returned as is (an undefined one fails where it is used).
            let l = try evaluate(left)
            return try truth(l, at: left.position) ? try evaluate(right) : l
        case .or(let left, let right):
            let l = try evaluate(left)
            return try truth(l, at: left.position) ? l : try evaluate(right)
        case .compare(let first, let chain):
            var left = try evaluate(first)
            for (op, rightExpression) in chain {
                var right = try evaluate(rightExpression)
                if !isLenient || !["==", "!=", "in", "not in"].contains(op) {
                    left = try require(left, at: first.position)
                    right = try require(right, at: rightExpression.position)
                }
                if !(try compare(op, left, right, at: rightExpression.position)) { return .bool(false) }
                left = right
            }
            return .bool(true)
        case .arithmetic(let op, let left, let right):
            if op == "~" {
                return .string(try text(try evaluate(left), at: left.position) + text(try evaluate(right), at: right.position))
            }
            let l = try require(try evaluate(left), at: left.position)
            let r = try require(try evaluate(right), at: right.position)
            return try arithmetic(op, l, r, at: position)
        case .conditional(let condition, let then, let otherwise):
            if try truth(try evaluate(condition), at: condition.position) { return try evaluate(then) }
            guard let otherwise else { return .string("") }
            return try evaluate(otherwise)
        }
    }

    /// Evaluated arguments; undefined values are kept so `default` can see them.
    struct EvaluatedArguments {
        var positional: [TemplateValue]
        var keyword: [(String, TemplateValue)]
        var position: SourcePosition?
    }

    private func evaluate(_ arguments: Arguments) throws(TemplateError) -> EvaluatedArguments {
        var result = EvaluatedArguments(positional: [], keyword: [], position: arguments.positional.first?.position)
        for argument in arguments.positional { result.positional.append(try require(try evaluate(argument), at: argument.position)) }
        for (name, argument) in arguments.keyword { result.keyword.append((name, try require(try evaluate(argument), at: argument.position))) }
        return result
    }

    /// `container.key` / `container[key]`: a missing key or index gives an undefined value.
    func member(of container: TemplateValue, key: TemplateValue, at position: SourcePosition) throws(TemplateError) -> TemplateValue {
        switch (container, key) {
        case (.dict(let d), .string(let k)):
            return d[k] ?? .undefined("'dict object' has no attribute '\(k)'")
        case (.dict, _):
            return .undefined("'dict object' has no element \(PythonText.repr(key))")
        case (.list(let items), .int(let i)), (.tuple(let items), .int(let i)):
            let index = i < 0 ? items.count &+ i : i
            return items.indices.contains(index) ? items[index] : .undefined("\(container.pythonTypeName) object has no element \(i)")
        case (.string(let s), .int(let i)):
            let scalars = Array(s.unicodeScalars)
            let index = i < 0 ? scalars.count &+ i : i
            return scalars.indices.contains(index) ? .string(String(scalars[index])) : .undefined("str object has no element \(i)")
        case (.none, .string(let k)):
            return .undefined("'None' has no attribute '\(k)'")
        case (_, .string(let k)):
            return .undefined("'\(container.pythonTypeName) object' has no attribute '\(k)'")
        default:
            return .undefined("'\(container.pythonTypeName) object' has no element \(PythonText.repr(key))")
        }
    }
}
