/// The operand length of a Word single property modifier (sprm), from its `spra` bits.
enum SprmOperand {
    static func size(_ sprm: UInt16, _ reader: ByteReader, at offset: Int) -> Int {
        switch sprm >> 13 {
        case 0, 1: return 1
        case 2, 4, 5: return 2
        case 3: return 4
        case 7: return 3
        default:
            // sprmTDefTable and sprmPChgTabs carry longer, differently counted operands.
            if sprm == 0xD608 { return 2 + Int(reader.u16(offset) ?? 0) }
            if sprm == 0xC615 {
                let length = Int(reader.u8(offset) ?? 0)
                return 1 + (length == 255 ? 0 : length)
            }
            return 1 + Int(reader.u8(offset) ?? 0)
        }
    }
}
