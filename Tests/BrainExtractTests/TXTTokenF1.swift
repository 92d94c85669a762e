import Foundation

/// A small version of the corpus scorer: F1 over bags of case-folded word tokens.
enum TokenF1 {
    static func tokens(_ text: String) -> [String: Int] {
        var bag: [String: Int] = [:]
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        for word in words { bag[String(word), default: 0] += 1 }
        return bag
    }

    static func score(_ output: String, _ reference: String) -> Double {
        let out = tokens(output), ref = tokens(reference)
        let outCount = out.values.reduce(0, +), refCount = ref.values.reduce(0, +)
        if outCount == 0 && refCount == 0 { return 1 }
        let common = out.reduce(0) { $0 + min($1.value, ref[$1.key] ?? 0) }
        guard common > 0 else { return 0 }
        let precision = Double(common) / Double(outCount), recall = Double(common) / Double(refCount)
        return 2 * precision * recall / (precision + recall)
    }
}

/// A seeded generator so mutation and random-byte tests are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
