/// Turns Word's character stream into plain text: fields, table marks and special characters.
enum WordText {
    /// Field codes (0x13..0x14) are dropped and field results (0x14..0x15) kept, nested fields included.
    static func render(_ units: [UInt16]) -> String {
        var out: [UInt16] = []
        out.reserveCapacity(units.count)
        var fields: [Bool] = [] // true while in the code part of that field
        var previous: UInt16 = 0
        for unit in units {
            defer { previous = unit }
            switch unit {
            case 0x13:
                if fields.count < 64 { fields.append(true) }
                continue
            case 0x14:
                if !fields.isEmpty { fields[fields.count - 1] = false }
                continue
            case 0x15:
                if !fields.isEmpty { fields.removeLast() }
                continue
            default: break
            }
            if fields.contains(true) { continue }
            switch unit {
            case 0x07: out.append(previous == 0x07 ? 0x0A : 0x09)
            case 0x0D, 0x0B, 0x0C: out.append(0x0A)
            case 0x09: out.append(0x09)
            case 0x1E: out.append(0x2D)
            case 0x00..<0x20: break
            case 0xF020: out.append(0x20)
            case 0xF021..<0xF100: out.append(0x2022) // Symbol/Wingdings glyphs, almost always bullets
            default: out.append(unit)
            }
        }
        return String(decoding: out, as: UTF16.self)
    }
}
