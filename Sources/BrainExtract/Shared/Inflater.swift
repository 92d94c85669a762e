import CZlib
import Foundation

/// zlib inflate with an output cap, shared by the ZIP and PDF readers.
///
/// The cap is what makes compressed input safe: inflation stops with `limitExceeded` as soon as
/// the output would pass `maxOutput`, however small the input.
public enum Inflater {
    /// The framing of the compressed bytes.
    public enum Format: Sendable {
        /// Raw deflate (ZIP entries).
        case raw
        /// zlib header + deflate + Adler-32 (PDF FlateDecode).
        case zlib
    }

    /// Inflates `input`. With `allowTruncated`, a stream that ends early (common in damaged PDFs)
    /// returns what was decoded so far instead of failing.
    public static func inflate(
        _ input: Data, format: Format, maxOutput: Int, allowTruncated: Bool = false
    ) throws(ExtractionError) -> Data {
        var stream = z_stream()
        let windowBits: Int32 = format == .raw ? -15 : 15
        guard brain_inflate_init2(&stream, windowBits) == Z_OK else {
            throw .corrupt(format: .pdf, detail: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        var failure: ExtractionError?
        input.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.bindMemory(to: UInt8.self).baseAddress else {
                status = Z_STREAM_END
                return
            }
            stream.next_in = UnsafeMutablePointer(mutating: base)
            stream.avail_in = uInt(raw.count)
            while status == Z_OK {
                let produced: Int = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    return chunk - Int(stream.avail_out)
                }
                if output.count + produced > maxOutput {
                    failure = .limitExceeded(what: "inflated size", limit: maxOutput)
                    return
                }
                output.append(contentsOf: buffer[0..<produced])
                if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
                if status == Z_BUF_ERROR && produced > 0 { status = Z_OK }
            }
        }
        if let failure { throw failure }
        switch status {
        case Z_STREAM_END: return output
        case Z_OK, Z_BUF_ERROR:
            if allowTruncated { return output }
            throw .corrupt(format: format == .raw ? .docx : .pdf, detail: "compressed data ends early")
        default:
            if allowTruncated && !output.isEmpty { return output }
            throw .corrupt(format: format == .raw ? .docx : .pdf, detail: "compressed data is damaged")
        }
    }

    /// Deflates `input` (tests and fixtures build compressed documents with it).
    public static func deflate(_ input: Data, format: Format) -> Data {
        var stream = z_stream()
        _ = brain_deflate_init2(&stream, Z_DEFAULT_COMPRESSION, format == .raw ? -15 : 15)
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 64
        var out = [UInt8](repeating: 0, count: bound)
        var input = [UInt8](input)
        let count: Int = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = inp.baseAddress
                stream.avail_in = uInt(inp.count)
                stream.next_out = o.baseAddress
                stream.avail_out = uInt(bound)
                _ = CZlib.deflate(&stream, Z_FINISH)
                return bound - Int(stream.avail_out)
            }
        }
        return Data(out[0..<count])
    }

    /// CRC-32 as ZIP uses it.
    public static func crc32(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            UInt32(CZlib.crc32(0, raw.bindMemory(to: UInt8.self).baseAddress, uInt(raw.count)))
        }
    }
}
