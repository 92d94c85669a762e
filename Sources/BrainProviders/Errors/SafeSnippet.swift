extension String {
    /// The first `limit` characters, never ending inside a word-like token: a key cut in half
    /// would no longer match the scrubber, so a token split by the cut is dropped whole.
    func snippet(_ limit: Int) -> String {
        guard count > limit else { return self }
        func isTokenCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" }
        var head = self.prefix(limit)
        let next = self[head.endIndex]
        if isTokenCharacter(next) {
            while let last = head.last, isTokenCharacter(last) { head = head.dropLast() }
        }
        return String(head) + "…"
    }
}
