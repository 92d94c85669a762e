extension JSONValue {
    /// The document as compact JSON (no spaces), or indented with two spaces when `pretty`.
    /// Keys are written in their stored order unless `sortedKeys` is set. Integral numbers are
    /// written without a fraction; non-finite numbers (which JSON cannot hold) become null.
    public func serialized(pretty: Bool = false, sortedKeys: Bool = false) -> String {
        var out = JSONOutputBuffer(capacity: 1024)
        write(into: &out, pretty: pretty, sortedKeys: sortedKeys, indent: 0)
        return out.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The same bytes as `serialized(pretty:sortedKeys:)`, as UTF-8 without building a String.
    public func serializedBytes(pretty: Bool = false, sortedKeys: Bool = false) -> [UInt8] {
        var out = JSONOutputBuffer(capacity: 1024)
        write(into: &out, pretty: pretty, sortedKeys: sortedKeys, indent: 0)
        return out.withBytes { Array($0) }
    }

    /// Appends the bytes of `serialized(pretty:sortedKeys:)` to `out`.
    public func serialize(appendingTo out: inout [UInt8], pretty: Bool = false, sortedKeys: Bool = false) {
        var buffer = JSONOutputBuffer(capacity: 1024)
        write(into: &buffer, pretty: pretty, sortedKeys: sortedKeys, indent: 0)
        buffer.withBytes { out.append(contentsOf: $0) }
    }

    private func write(into out: inout JSONOutputBuffer, pretty: Bool, sortedKeys: Bool, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): JSONValue.write(number: n, into: &out)
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { return out.append("[]") }
            out.append(0x5B)
            var first = true
            for item in items {
                if !first { out.append(0x2C) }
                first = false
                if pretty { out.appendNewline(indent: indent + 1) }
                item.write(into: &out, pretty: pretty, sortedKeys: sortedKeys, indent: indent + 1)
            }
            if pretty { out.appendNewline(indent: indent) }
            out.append(0x5D)
        case .object(let object):
            if object.isEmpty { return out.append("{}") }
            out.append(0x7B)
            let entries = sortedKeys ? object.entries.sorted(by: { $0.key < $1.key }) : object.entries
            var first = true
            for entry in entries {
                if !first { out.append(0x2C) }
                first = false
                if pretty { out.appendNewline(indent: indent + 1) }
                JSONValue.writeString(entry.key, into: &out)
                if pretty { out.append(": ") } else { out.append(0x3A) }
                entry.value.write(into: &out, pretty: pretty, sortedKeys: sortedKeys, indent: indent + 1)
            }
            if pretty { out.appendNewline(indent: indent) }
            out.append(0x7D)
        }
    }

    /// Integral numbers below 1e15 as decimal digits, other finite numbers as Swift's shortest
    /// round-tripping description, and non-finite ones as null.
    private static func write(number n: Double, into out: inout JSONOutputBuffer) {
        guard n.isFinite else { return out.append("null") }
        if n.rounded() == n, abs(n) < 1e15 { return out.append(integer: Int64(n)) }
        var text = n.description
        text.withUTF8 { out.append($0) }
    }

    /// Writes `s` as a JSON string literal with the escapes RFC 8259 requires.
    public static func writeString(_ s: String, into out: inout String) {
        var buffer = JSONOutputBuffer(capacity: s.utf8.count + 16)
        writeString(s, into: &buffer)
        out += buffer.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Writes `s` as a JSON string literal, as UTF-8 bytes appended to `out`.
    public static func writeString(_ s: String, into out: inout [UInt8]) {
        var buffer = JSONOutputBuffer(capacity: s.utf8.count + 16)
        writeString(s, into: &buffer)
        buffer.withBytes { out.append(contentsOf: $0) }
    }

    private static func writeString(_ s: String, into out: inout JSONOutputBuffer) {
        out.append(0x22)
        var text = s
        text.withUTF8 { JSONStringEscaper.write($0, into: &out) }
        out.append(0x22)
    }
}

/// Copies string contents into a JSON literal: runs without escapes are found eight bytes at a
/// time and copied in bulk; `"`, `\` and control characters get RFC 8259 escapes.
enum JSONStringEscaper {
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout JSONOutputBuffer) {
        var runStart = 0
        var i = nextEscape(in: bytes, from: 0)
        while i < bytes.count {
            if runStart < i { out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
            writeEscape(for: bytes[i], into: &out)
            runStart = i + 1
            i = nextEscape(in: bytes, from: runStart)
        }
        if runStart < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count])) }
    }

    /// The index of the first byte at or after `start` that needs an escape, or `bytes.count`.
    @inline(__always)
    static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let flags = escapeFlags(word)
                // Borrows only run towards higher bytes, so the lowest flag marks the first hit.
                if flags != 0 { return i + flags.trailingZeroBitCount / 8 }
                i += 8
            }
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C { return i }
            i += 1
        }
        return bytes.count
    }

    /// The high bit of each byte of `word` that is below 0x20, a quote or a backslash (and
    /// possibly of bytes above such a byte, never below it).
    @inline(__always)
    static func escapeFlags(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)
    }

    static func writeEscape(for byte: UInt8, into out: inout JSONOutputBuffer) {
        switch byte {
        case 0x22, 0x5C: out.append(0x5C, byte)
        case 0x0A: out.append(0x5C, UInt8(ascii: "n"))
        case 0x0D: out.append(0x5C, UInt8(ascii: "r"))
        case 0x09: out.append(0x5C, UInt8(ascii: "t"))
        case 0x08: out.append(0x5C, UInt8(ascii: "b"))
        case 0x0C: out.append(0x5C, UInt8(ascii: "f"))
        default:
            out.append("\\u00")
            out.append(hexDigit(byte >> 4), hexDigit(byte & 0x0F))
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
}

/// The serializer's growable byte buffer: appends are plain stores into owned memory, without
/// the uniqueness and capacity checks an `Array` makes on every element.
struct JSONOutputBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Calls `body` with the bytes written so far.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(extra) }
    }

    @inline(never)
    private mutating func grow(_ extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        base[count] = first
        base[count + 1] = second
        count += 2
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends a literal (punctuation, keywords, escapes).
    @inline(__always)
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A line break followed by two spaces per level.
    mutating func appendNewline(indent level: Int) {
        let spaces = 2 * max(0, level)
        reserve(1 + spaces)
        base[count] = 0x0A
        (base + count + 1).initialize(repeating: 0x20, count: spaces)
        count += 1 + spaces
    }

    /// The decimal digits of `value`, with a leading minus when negative.
    mutating func append(integer value: Int64) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 {
            base[count] = 0x2D
            count += 1
        }
        var digits = 1
        var rest = magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var position = count + digits
        repeat {
            position -= 1
            base[position] = 0x30 + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += digits
    }
}
