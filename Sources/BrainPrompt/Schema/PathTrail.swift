/// The JSON Pointer of the value being visited, kept as a stack of steps and rendered only
/// when a message needs it, so walking a valid document builds no path strings.
struct PathTrail {
    private enum Step {
        case key(String)
        case index(Int)
    }

    private var steps: [Step] = []

    init() { steps.reserveCapacity(16) }

    mutating func push(_ key: String) { steps.append(.key(key)) }
    mutating func push(_ index: Int) { steps.append(.index(index)) }
    mutating func pop() { steps.removeLast() }

    /// The pointer, e.g. `/work/0/startDate`; exactly what chained `JSONPointer.appending` calls give.
    var pointer: String {
        var out = ""
        for step in steps {
            switch step {
            case .key(let key): out = JSONPointer.appending(key, to: out)
            case .index(let index): out = JSONPointer.appending(index, to: out)
            }
        }
        return out
    }
}
