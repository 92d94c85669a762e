import Testing

@testable import BrainCore

/// The digest read in place from a string equals the digest of a copy of its bytes, at every
/// length around the padding boundaries, for ASCII and non-ASCII text.
@Suite struct SHA256StreamingTests {
    @Test(arguments: ["a", "é", "日本"])
    func stringAndBytesAgree(unit: String) {
        var text = ""
        for _ in 0..<140 {
            let bytes = Array(text.utf8)
            #expect(SHA256.hex(text) == SHA256.hex(bytes))
            #expect(SHA256.hash(bytes).count == 32)
            text += unit
        }
    }

    @Test func knownDigestOfAStringSpanningBlocks() {
        // FIPS 180-4 example with a 448-bit message: the length lands in a second padding block.
        #expect(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
