import Foundation

/// Stream filters: FlateDecode, LZWDecode (both with predictors), ASCIIHexDecode, ASCII85Decode,
/// RunLengthDecode. Image filters are not decoded: `decode` returns nil for them.
enum PDFFilters {
    static let imageFilters: Set<String> = ["DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode"]

    /// Decodes `data` through the filter chain of `dict`; `maxOutput` caps every stage.
    static func decode(_ data: [UInt8], dict: PDFDict, resolve: (PDFObject?) -> PDFObject?, maxOutput: Int) throws(ExtractionError) -> [UInt8]? {
        var filters: [String] = []
        var parms: [PDFDict?] = []
        switch resolve(dict["Filter"] ?? dict["F"]) {
        case .name(let n)?:
            filters = [n]
            parms = [resolve(dict["DecodeParms"] ?? dict["DP"])?.dict]
        case .array(let a)?:
            filters = a.compactMap { resolve($0)?.name }
            let p = resolve(dict["DecodeParms"] ?? dict["DP"])?.array ?? []
            parms = filters.indices.map { $0 < p.count ? resolve(p[$0])?.dict : nil }
        default:
            return data
        }
        var current = data
        for (i, filter) in filters.enumerated() {
            let parm = i < parms.count ? parms[i] : nil
            switch filter {
            case "FlateDecode", "Fl":
                current = try inflate(current, maxOutput: maxOutput)
                current = try PDFPredictor.apply(current, parms: parm, resolve: resolve, maxOutput: maxOutput)
            case "LZWDecode", "LZW":
                let early = resolve(parm?["EarlyChange"])?.int ?? 1
                current = try lzw(current, earlyChange: early != 0, maxOutput: maxOutput)
                current = try PDFPredictor.apply(current, parms: parm, resolve: resolve, maxOutput: maxOutput)
            case "ASCIIHexDecode", "AHx": current = asciiHex(current)
            case "ASCII85Decode", "A85": current = ascii85(current)
            case "RunLengthDecode", "RL": current = try runLength(current, maxOutput: maxOutput)
            case "Crypt": continue
            default:
                if imageFilters.contains(filter) { return nil }
                return nil
            }
        }
        return current
    }

    static func inflate(_ data: [UInt8], maxOutput: Int) throws(ExtractionError) -> [UInt8] {
        if data.isEmpty { return [] }
        do {
            return [UInt8](try Inflater.inflate(Data(data), format: .zlib, maxOutput: maxOutput, allowTruncated: true))
        } catch {
            if case .limitExceeded = error { throw error }
            // Some writers omit the zlib header: try raw deflate before giving up.
            if let raw = try? Inflater.inflate(Data(data), format: .raw, maxOutput: maxOutput, allowTruncated: true) {
                return [UInt8](raw)
            }
            return []
        }
    }

    static func asciiHex(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count / 2)
        var high: UInt8?
        for b in data {
            if b == 0x3E { break }
            guard let v = PDFLexer.hexValue(b) else { continue }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        if let h = high { out.append(h << 4) }
        return out
    }

    static func ascii85(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 4 / 5)
        var group: UInt64 = 0
        var count = 0
        var i = 0
        if data.count >= 2, data[0] == 0x3C, data[1] == 0x7E { i = 2 }
        while i < data.count {
            let b = data[i]
            i += 1
            if b == 0x7E { break }
            if b == 0x7A && count == 0 { out.append(contentsOf: [0, 0, 0, 0]); continue }
            guard b >= 0x21, b <= 0x75 else { continue }
            group = group &* 85 &+ UInt64(b - 0x21)
            count += 1
            if count == 5 {
                let v = UInt32(truncatingIfNeeded: group)
                out.append(contentsOf: [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)])
                group = 0
                count = 0
            }
        }
        if count > 1 {
            for _ in count..<5 { group = group &* 85 &+ 84 }
            let v = UInt32(truncatingIfNeeded: group)
            let all = [UInt8(v >> 24), UInt8((v >> 16) & 0xFF), UInt8((v >> 8) & 0xFF), UInt8(v & 0xFF)]
            out.append(contentsOf: all[0..<(count - 1)])
        }
        return out
    }

    static func runLength(_ data: [UInt8], maxOutput: Int) throws(ExtractionError) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            let n = Int(data[i])
            i += 1
            if n == 128 { break }
            if n < 128 {
                let stop = min(data.count, i + n + 1)
                out.append(contentsOf: data[i..<stop])
                i = stop
            } else if i < data.count {
                out.append(contentsOf: repeatElement(data[i], count: 257 - n))
                i += 1
            }
            if out.count > maxOutput { throw .limitExceeded(what: "decoded stream size", limit: maxOutput) }
        }
        return out
    }

    static func lzw(_ data: [UInt8], earlyChange: Bool, maxOutput: Int) throws(ExtractionError) -> [UInt8] {
        var out: [UInt8] = []
        var table: [[UInt8]] = (0..<256).map { [UInt8($0)] } + [[], []]
        var codeLength = 7 + 2
        var bitBuffer: UInt32 = 0
        var bitCount = 0
        var previous: [UInt8]? = nil
        var i = 0
        let early = earlyChange ? 1 : 0
        while true {
            while bitCount < codeLength, i < data.count {
                bitBuffer = (bitBuffer << 8) | UInt32(data[i])
                bitCount += 8
                i += 1
            }
            if bitCount < codeLength { break }
            let code = Int((bitBuffer >> UInt32(bitCount - codeLength)) & ((1 << UInt32(codeLength)) - 1))
            bitCount -= codeLength
            bitBuffer &= (1 << UInt32(bitCount)) &- 1
            if code == 256 {
                table.removeSubrange(258...)
                codeLength = 9
                previous = nil
                continue
            }
            if code == 257 { break }
            var entry: [UInt8]
            if code < table.count, code != 256, code != 257 {
                entry = table[code]
                if let p = previous, table.count < 4096 { table.append(p + [entry[0]]) }
            } else if code == table.count, let p = previous, let first = p.first {
                entry = p + [first]
                if table.count < 4096 { table.append(entry) }
            } else {
                break
            }
            out.append(contentsOf: entry)
            if out.count > maxOutput { throw .limitExceeded(what: "decoded stream size", limit: maxOutput) }
            previous = entry
            if table.count + early >= (1 << codeLength), codeLength < 12 { codeLength += 1 }
        }
        return out
    }
}
