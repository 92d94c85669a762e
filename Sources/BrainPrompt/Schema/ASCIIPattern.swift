import Foundation

/// A `pattern` compiled a second time for ASCII text: the subset of ICU syntax schemas use
/// (literals, classes, `\d`-style escapes, `.`, groups, `|`, `*` `+` `?` `{n,m}`, `^`, `$`),
/// matched by a state machine instead of ICU. Each one-character atom's set of ASCII bytes is
/// taken from `NSRegularExpression` itself, and anything outside the subset (look-around,
/// back-references, flags, possessive quantifiers, set operations) is left to ICU, so on ASCII
/// text this answers exactly what `NSRegularExpression.firstMatch` answers.
///
/// Whether a match exists does not depend on greedy or lazy choices, so the states of all
/// partial matches are followed together: time is linear in the text and never backtracks.
struct ASCIIPattern: Sendable {
    /// The ASCII bytes one atom matches, as a 128-bit set.
    struct ByteSet: Sendable, Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        func contains(_ byte: UInt8) -> Bool {
            byte < 64 ? low & (1 << UInt64(byte)) != 0 : byte < 128 && high & (1 << UInt64(byte - 64)) != 0
        }

        mutating func insert(_ byte: UInt8) {
            if byte < 64 { low |= 1 << UInt64(byte) } else if byte < 128 { high |= 1 << UInt64(byte - 64) }
        }
    }

    enum State: Sendable, Equatable {
        case byte(ByteSet, next: Int)
        case split(Int, Int)
        case atStart(next: Int)
        case atEnd(next: Int)
        case match
    }

    /// More states than this (from large counted repeats) is left to ICU.
    static let maxStates = 2048
    let states: [State]
    let start: Int
    /// The same machine as bit masks, when it has at most 64 states (the usual case).
    private let small: SmallMachine?

    /// Nil when the pattern uses syntax outside the subset.
    init?(_ source: String) {
        guard let tree = ASCIIPatternParser.parse(source) else { return nil }
        var builder = StateBuilder()
        guard let start = builder.emit(tree, next: 0) else { return nil }
        self.states = builder.states
        self.start = start
        self.small = states.count <= 64 ? SmallMachine(states: states, start: start) : nil
    }

    /// Whether the pattern matches somewhere in `text`; nil when the text is not all ASCII.
    func matches(_ text: String) -> Bool? {
        var text = text
        return text.withUTF8 { matches(bytes: $0) }
    }

    func matches(bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        for byte in bytes where byte >= 0x80 { return nil }
        if let small { return small.matches(bytes) }
        return matchesStateByState(bytes)
    }

    /// The machine of up to 64 states as masks: for each byte, the states that read it; for
    /// each state, everything reachable after it without reading, under each combination of
    /// "`^` holds here" and "`$` holds here".
    private struct SmallMachine: Sendable {
        var reading = [UInt64](repeating: 0, count: 128)
        /// `after[variant * 64 + s]`: the closure after byte state `s` reads its byte.
        var after = [UInt64](repeating: 0, count: 4 * 64)
        /// `entry[variant]`: the closure of the start state.
        var entry = [UInt64](repeating: 0, count: 4)

        init(states: [State], start: Int) {
            func closure(_ from: Int, _ variant: Int) -> UInt64 {
                var mask: UInt64 = 0
                var pending = [from]
                while let s = pending.popLast() {
                    let bit: UInt64 = 1 << UInt64(s)
                    if mask & bit != 0 { continue }
                    mask |= bit
                    switch states[s] {
                    case .match, .byte: break
                    case .split(let a, let b): pending += [b, a]
                    case .atStart(let next): if variant & 1 != 0 { pending.append(next) }
                    case .atEnd(let next): if variant & 2 != 0 { pending.append(next) }
                    }
                }
                return mask
            }
            for (s, state) in states.enumerated() {
                guard case .byte(let set, let next) = state else { continue }
                for byte in UInt8(0)..<0x80 where set.contains(byte) { reading[Int(byte)] |= 1 << UInt64(s) }
                for variant in 0..<4 { after[variant * 64 + s] = closure(next, variant) }
            }
            for variant in 0..<4 { entry[variant] = closure(start, variant) }
        }

        func matches(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            let matchBit: UInt64 = 1  // state 0 is the match
            let ends = Ends(text: text)
            var current = entry[ends.variant(0)]
            if current & matchBit != 0 { return true }
            for position in 0..<text.count {
                var active = current & reading[Int(text[position])]
                let variant = ends.variant(position + 1)
                var next = entry[variant]
                while active != 0 {
                    next |= after[variant &* 64 &+ active.trailingZeroBitCount]
                    active &= active &- 1
                }
                if next & matchBit != 0 { return true }
                current = next
            }
            return false
        }
    }

    /// Where `^` and `$` hold in one text.
    private struct Ends {
        let text: UnsafeBufferPointer<UInt8>

        /// Bit 1: `^` holds at `position`; bit 2: `$` holds there.
        func variant(_ position: Int) -> Int { (position == 0 ? 1 : 0) | (isEnd(position) ? 2 : 0) }

        /// ICU's `$` without the multiline flag: the end of the text, or before a line
        /// terminator (LF, VT, FF, CR) that ends it, or before a final CR LF (not between them).
        func isEnd(_ position: Int) -> Bool {
            let n = text.count
            if position == n { return true }
            if position == n - 1 {
                let c = text[position]
                guard c >= 0x0A, c <= 0x0D else { return false }
                return !(c == 0x0A && position > 0 && text[position - 1] == 0x0D)
            }
            return position == n - 2 && text[position] == 0x0D && text[position + 1] == 0x0A
        }
    }

    /// The same search for machines of any size, with state sets as words of bits, following
    /// each state's closure as the text is read (ASCII bytes only).
    func matchesStateByState(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = (states.count + 63) / 64
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words * 2) { sets in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: states.count * 2 + 2) { stack in
                states.withUnsafeBufferPointer { states in
                    let run = Run(states: states, text: bytes, stack: stack)
                    var current = UnsafeMutableBufferPointer(rebasing: sets[0..<words])
                    var next = UnsafeMutableBufferPointer(rebasing: sets[words...])
                    current.update(repeating: 0)
                    if run.add(start, at: 0, to: current) { return true }
                    for position in 0..<bytes.count {
                        next.update(repeating: 0)
                        let byte = bytes[position]
                        for word in 0..<words {
                            var bits = current[word]
                            while bits != 0 {
                                let state = word * 64 + bits.trailingZeroBitCount
                                bits &= bits - 1
                                if case .byte(let set, let after) = states[state], set.contains(byte),
                                    run.add(after, at: position + 1, to: next)
                                {
                                    return true
                                }
                            }
                        }
                        if run.add(start, at: position + 1, to: next) { return true }
                        swap(&current, &next)
                    }
                    return false
                }
            }
        }
    }

    /// One match attempt's scratch space.
    private struct Run {
        let states: UnsafeBufferPointer<State>
        let text: UnsafeBufferPointer<UInt8>
        let stack: UnsafeMutableBufferPointer<Int>

        /// Adds `state` and everything reachable from it without reading a byte at `position`;
        /// true when that reaches the match.
        func add(_ state: Int, at position: Int, to set: UnsafeMutableBufferPointer<UInt64>) -> Bool {
            var depth = 0
            stack[0] = state
            depth = 1
            while depth > 0 {
                depth -= 1
                let s = stack[depth]
                let word = s / 64
                let bit: UInt64 = 1 << UInt64(s % 64)
                if set[word] & bit != 0 { continue }
                set[word] |= bit
                switch states[s] {
                case .match:
                    return true
                case .byte:
                    break
                case .split(let a, let b):
                    stack[depth] = b
                    stack[depth + 1] = a
                    depth += 2
                case .atStart(let after):
                    if position == 0 { stack[depth] = after; depth += 1 }
                case .atEnd(let after):
                    if Ends(text: text).isEnd(position) { stack[depth] = after; depth += 1 }
                }
            }
            return false
        }
    }

    /// Builds the states back to front: each piece is emitted with the state that follows it.
    private struct StateBuilder {
        var states: [State] = [.match]

        private mutating func add(_ state: State) -> Int? {
            guard states.count < ASCIIPattern.maxStates else { return nil }
            states.append(state)
            return states.count - 1
        }

        mutating func emit(_ node: ASCIIPatternParser.Node, next: Int) -> Int? {
            switch node {
            case .set(let set):
                return add(.byte(set, next: next))
            case .start:
                return add(.atStart(next: next))
            case .end:
                return add(.atEnd(next: next))
            case .sequence(let parts):
                var entry = next
                for part in parts.reversed() {
                    guard let e = emit(part, next: entry) else { return nil }
                    entry = e
                }
                return entry
            case .alternatives(let branches):
                guard var entry = branches.last.flatMap({ emit($0, next: next) }) else { return nil }
                for branch in branches.dropLast().reversed() {
                    guard let e = emit(branch, next: next), let split = add(.split(e, entry)) else { return nil }
                    entry = split
                }
                return entry
            case .repeated(let body, let min, let max):
                var entry = next
                if let max {
                    for _ in 0..<(max - min) {
                        guard let e = emit(body, next: entry), let split = add(.split(e, next)) else { return nil }
                        entry = split
                    }
                } else {
                    guard let loop = add(.split(0, next)), let e = emit(body, next: loop) else { return nil }
                    states[loop] = .split(e, next)
                    entry = loop
                }
                for _ in 0..<min {
                    guard let e = emit(body, next: entry) else { return nil }
                    entry = e
                }
                return entry
            }
        }
    }
}
