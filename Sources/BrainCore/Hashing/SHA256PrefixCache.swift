import Foundation

/// SHA-256 of many messages that begin alike (one template's system prompt before each
/// document): the hash state after the shared whole blocks is kept, and hashing a message that
/// starts with those bytes resumes there. Digests are exactly SHA-256's.
///
/// A shared beginning is found by comparing a message with the one before it; a few are kept
/// (least recently used dropped) so jobs of several templates can alternate.
public final class SHA256PrefixCache: @unchecked Sendable {
    private struct Entry {
        var bytes: [UInt8]
        var midstate: SHA256.Midstate
    }

    /// Shorter shared beginnings are not worth keeping.
    public static let minimumPrefix = 256
    private let lock = NSLock()
    private var entries: [Entry] = []
    private var previous: [UInt8] = []
    /// How many digests resumed from a kept beginning (for tests).
    private(set) var resumed = 0
    private let capacity: Int
    private let longestPrefix: Int

    public init(capacity: Int = 4, longestPrefix: Int = 64 * 1024) {
        self.capacity = max(1, capacity)
        self.longestPrefix = longestPrefix
    }

    /// The SHA-256 digest of the UTF-8 bytes of `text`, as 64 lower-case hex digits.
    public func hex(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return SHA256.hex(digest: bytes.withUnsafeBufferPointer { digest(of: $0) })
    }

    private func digest(of message: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let (known, previous) = lock.withLock { () -> (Entry?, [UInt8]) in
            guard let index = entries.firstIndex(where: { Self.starts(message, with: $0.bytes) }) else { return (nil, self.previous) }
            let entry = entries.remove(at: index)
            entries.insert(entry, at: 0)
            resumed += 1
            return (entry, self.previous)
        }
        if let known {
            return SHA256.hash(bytes: message, resuming: known.midstate, snapshotAt: nil).digest
        }
        // Whole blocks shared with the message before, short of the last block (the tail must
        // still be hashed from this message).
        let shared = min(Self.commonPrefix(message, previous), longestPrefix, max(0, message.count - 1)) / 64 * 64
        let snapshotAt = shared >= Self.minimumPrefix ? shared : nil
        let (digest, snapshot) = SHA256.hash(bytes: message, resuming: nil, snapshotAt: snapshotAt)
        lock.withLock {
            if let snapshot {
                entries.insert(Entry(bytes: Array(message[0..<snapshot.length]), midstate: snapshot), at: 0)
                if entries.count > capacity { entries.removeLast() }
            }
            self.previous = Array(message.prefix(longestPrefix))
        }
        return digest
    }

    private static func starts(_ message: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        guard message.count > prefix.count, let base = message.baseAddress else { return false }
        return prefix.withUnsafeBufferPointer { p in
            guard let start = p.baseAddress else { return true }
            return memcmp(base, start, p.count) == 0
        }
    }

    private static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: [UInt8]) -> Int {
        let n = min(a.count, b.count)
        var i = 0
        while i < n && a[i] == b[i] { i += 1 }
        return i
    }
}
