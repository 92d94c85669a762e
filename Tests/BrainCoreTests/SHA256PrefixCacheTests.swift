import Testing

@testable import BrainCore

/// Digests resumed from a kept beginning are exactly SHA-256's.
@Suite struct SHA256PrefixCacheTests {
    static let system = String(repeating: "You turn resumes into JSON. ", count: 60)

    @Test func messagesSharingABeginningHashAsSHA256() {
        let cache = SHA256PrefixCache()
        for number in 0..<20 {
            let message = Self.system + "resume number \(number): " + String(repeating: "x", count: number * 37)
            #expect(cache.hex(message) == SHA256.hex(message))
        }
        // The first two find the shared beginning; the rest resume from it.
        #expect(cache.resumed == 18)
    }

    @Test func alternatingTemplatesAndEdgeLengthsStayExact() {
        let cache = SHA256PrefixCache(capacity: 2)
        let other = String(repeating: "Job descriptions become JSON. ", count: 50)
        var messages: [String] = []
        for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 300] {
            messages.append(Self.system + String(repeating: "a", count: length))
            messages.append(other + String(repeating: "b", count: length))
            messages.append(String(repeating: "c", count: length))
            // The shared beginning itself, and one byte short of it.
            messages.append(String(Self.system.prefix(1024)))
            messages.append(String(Self.system.prefix(1023)))
        }
        for message in messages + messages.reversed() {
            #expect(cache.hex(message) == SHA256.hex(message), "length \(message.utf8.count)")
        }
        #expect(cache.resumed > 0)
    }

    @Test func aMessageDifferingInsideTheKeptBeginningIsNotResumed() {
        let cache = SHA256PrefixCache()
        _ = cache.hex(Self.system + "first")
        _ = cache.hex(Self.system + "second")
        var changed = Array(Self.system.utf8)
        changed[10] = UInt8(ascii: "#")
        let message = String(decoding: changed, as: UTF8.self) + "third"
        #expect(cache.hex(message) == SHA256.hex(message))
    }
}
