/// The last step of every extractor here: drop stray control characters, then normalise.
enum OutputText {
    static func finish(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D, 0x0C: scalars.append(scalar)
            case 0x00..<0x20, 0x7F, 0xFEFF, 0xFFFE, 0xFFFF: continue
            default: scalars.append(scalar)
            }
        }
        return TextNormalizer.normalize(String(scalars))
    }
}
