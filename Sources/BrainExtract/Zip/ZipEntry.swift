import Foundation

/// One file listed in a ZIP central directory, with the facts needed to read it safely.
public struct ZipEntry: Sendable, Equatable {
    /// The name as stored (slash-separated path inside the archive).
    public var name: String
    /// 0 = stored, 8 = deflated; anything else is refused when read.
    public var method: UInt16
    /// General-purpose flags; bit 0 means encrypted.
    public var flags: UInt16
    public var crc32: UInt32
    public var compressedSize: Int
    public var uncompressedSize: Int
    /// Where the entry's local header starts.
    public var localHeaderOffset: Int

    public var isEncrypted: Bool { flags & 1 != 0 || method == 99 }
    public var isDirectory: Bool { name.hasSuffix("/") }
}

/// Little-endian reads over hostile bytes: every read is bounds-checked and returns nil past the end.
struct ZipByteReader {
    let bytes: [UInt8]

    func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        return value
    }

    func u64(_ offset: Int) -> UInt64? {
        guard offset >= 0, offset <= bytes.count - 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        return value
    }

    /// The bytes in `offset ..< offset + count`, or nil when any part lies outside.
    func slice(_ offset: Int, _ count: Int) -> ArraySlice<UInt8>? {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else { return nil }
        return bytes[offset..<(offset + count)]
    }
}
