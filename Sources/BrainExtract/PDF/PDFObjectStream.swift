/// A decoded object stream (`/Type /ObjStm`): a header of `number offset` pairs then objects.
struct PDFObjectStream {
    let data: [UInt8]
    let first: Int
    private(set) var numbers: [Int] = []
    private(set) var offsets: [Int] = []

    init(dict: PDFDict, data: [UInt8]) {
        self.data = data
        let count = max(0, min(dict["N"]?.int ?? 0, 1_000_000))
        first = max(0, dict["First"]?.int ?? 0)
        var lexer = PDFLexer(data, from: 0, to: min(first, data.count))
        for _ in 0..<count {
            guard case .int(let n) = lexer.next(), case .int(let o) = lexer.next() else { break }
            numbers.append(n)
            offsets.append(o)
        }
    }

    /// The object at `index`, checked against its number (falls back to a search by number).
    func object(number: Int, index: Int, maxDepth: Int) -> PDFObject? {
        var i = index
        if i < 0 || i >= numbers.count || numbers[i] != number {
            guard let found = numbers.firstIndex(of: number) else { return nil }
            i = found
        }
        let start = first &+ offsets[i]
        guard start >= 0, start < data.count else { return nil }
        var parser = PDFParser(data, from: start, maxDepth: maxDepth)
        return parser.parseObject()
    }
}
