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
