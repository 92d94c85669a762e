/// The message padding shared by MD5 and the SHA-2 family: `0x80`, zeros, then the bit length.
enum MerkleDamgardPadding {
    /// `message` padded to a multiple of `blockSize`, ending in its bit length over `lengthBytes` bytes.
    static func pad(_ message: [UInt8], blockSize: Int, lengthBytes: Int, bigEndian: Bool) -> [UInt8] {
        var padded = message
        let tail = (message.count + 1 + lengthBytes) % blockSize
        let zeros = tail == 0 ? 0 : blockSize - tail
        padded.reserveCapacity(message.count + 1 + zeros + lengthBytes)
        padded.append(0x80)
        padded.append(contentsOf: repeatElement(0, count: zeros))
        let bitLength = UInt64(truncatingIfNeeded: message.count) &* 8
        var lengthField = [UInt8](repeating: 0, count: lengthBytes)
        for i in 0..<8 where i < lengthBytes {
            let byte = UInt8(truncatingIfNeeded: bitLength >> UInt64(8 * i))
            lengthField[bigEndian ? lengthBytes - 1 - i : i] = byte
        }
        padded.append(contentsOf: lengthField)
        return padded
    }
}
