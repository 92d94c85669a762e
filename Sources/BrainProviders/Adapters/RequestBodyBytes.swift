import BrainCore

/// Request bodies as compact JSON bytes, with room for one member whose value was serialised
/// earlier (a cached schema fragment).
enum RequestBodyBytes {
    /// `object` as compact JSON, except that the value of member `key` is `fragment` verbatim: the
    /// bytes equal `JSONValue.object(object).serialized()` with the value that made `fragment`.
    static func serialize(_ object: JSONObject, splicing fragment: [UInt8], at key: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(fragment.count + 4096)
        out.append(UInt8(ascii: "{"))
        var first = true
        for entry in object.entries {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONValue.writeString(entry.key, into: &out)
            out.append(UInt8(ascii: ":"))
            if entry.key == key {
                out.append(contentsOf: fragment)
            } else {
                entry.value.serialize(appendingTo: &out)
            }
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
