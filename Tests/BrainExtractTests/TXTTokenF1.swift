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
