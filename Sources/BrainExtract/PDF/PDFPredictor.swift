/// Undoes the TIFF (2) and PNG (10-15) predictors of Flate and LZW streams.
enum PDFPredictor {
    static func apply(_ data: [UInt8], parms: PDFDict?, resolve: (PDFObject?) -> PDFObject?, maxOutput: Int) throws(ExtractionError) -> [UInt8] {
        guard let parms, let predictor = resolve(parms["Predictor"])?.int, predictor > 1 else { return data }
        let colors = min(max(resolve(parms["Colors"])?.int ?? 1, 1), 32)
        let bits = min(max(resolve(parms["BitsPerComponent"])?.int ?? 8, 1), 16)
        let columns = min(max(resolve(parms["Columns"])?.int ?? 1, 1), 1 << 20)
        let bpp = max(1, (colors * bits + 7) / 8)
        let rowLength = (colors * bits * columns + 7) / 8
        guard rowLength > 0 else { return data }
        if predictor == 2 { return tiff(data, rowLength: rowLength, bpp: bpp, bits: bits) }
        var out: [UInt8] = []
        out.reserveCapacity(data.count)
        var previous = [UInt8](repeating: 0, count: rowLength)
        var row = [UInt8](repeating: 0, count: rowLength)
        var i = 0
        while i < data.count {
            let type = data[i]
            i += 1
            let available = min(rowLength, data.count - i)
            for k in 0..<rowLength { row[k] = k < available ? data[i + k] : 0 }
            i += available
            for k in 0..<rowLength {
                let left: UInt8 = k >= bpp ? row[k - bpp] : 0
                let up = previous[k]
                let upLeft: UInt8 = k >= bpp ? previous[k - bpp] : 0
                switch type {
                case 1: row[k] = row[k] &+ left
                case 2: row[k] = row[k] &+ up
                case 3: row[k] = row[k] &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: row[k] = row[k] &+ paeth(left, up, upLeft)
                default: break
                }
            }
            out.append(contentsOf: row[0..<available])
            if out.count > maxOutput { throw .limitExceeded(what: "decoded stream size", limit: maxOutput) }
            swap(&previous, &row)
            if available < rowLength { break }
        }
        return out
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func tiff(_ data: [UInt8], rowLength: Int, bpp: Int, bits: Int) -> [UInt8] {
        guard bits == 8 else { return data }
        var out = data
        var start = 0
        while start < out.count {
            let stop = min(out.count, start + rowLength)
            var k = start + bpp
            while k < stop { out[k] = out[k] &+ out[k - bpp]; k += 1 }
            start = stop
        }
        return out
    }
}
