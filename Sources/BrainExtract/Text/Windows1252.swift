/// The Windows-1252 code page: Latin-1 plus the typographic characters Windows puts in 0x80-0x9F.
enum Windows1252 {
    /// Unicode scalars for bytes 0x80-0x9F; the five bytes Windows leaves undefined map to their
    /// C1 control code, as browsers do.
    static let high: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The character for one byte.
    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F {
            return Unicode.Scalar(high[Int(byte - 0x80)]) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(byte)
    }

    /// Decodes every byte; never fails.
    static func decode<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var out = String.UnicodeScalarView()
        for byte in bytes { out.append(scalar(byte)) }
        return String(out)
    }
}
