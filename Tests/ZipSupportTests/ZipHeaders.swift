/// The fields of a ZIP's headers that determinism depends on, read straight from the bytes
/// (libzip would hide them).
struct ZipHeaders {
    struct Central {
        let name: String
        let method: UInt16
        let flags: UInt16
        let dosTime: UInt16
        let dosDate: UInt16
        let compressedSize: Int
        let extraLength: Int
        let externalAttributes: UInt32
        let localOffset: Int
    }

    let bytes: [UInt8]
    let entries: [Central]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> UInt32 { UInt32(u16(at)) | UInt32(u16(at + 2)) << 16 }
        let end = bytes.count - 22
        precondition(u32(end) == 0x0605_4B50, "no end record (or a comment) at the end")
        var offset = Int(u32(end + 16))
        var entries: [Central] = []
        for _ in 0..<Int(u16(end + 10)) {
            precondition(u32(offset) == 0x0201_4B50)
            let nameLength = Int(u16(offset + 28)), extra = Int(u16(offset + 30)), comment = Int(u16(offset + 32))
            entries.append(Central(
                name: String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self),
                method: u16(offset + 10), flags: u16(offset + 8), dosTime: u16(offset + 12), dosDate: u16(offset + 14),
                compressedSize: Int(u32(offset + 20)), extraLength: extra + comment,
                externalAttributes: u32(offset + 38), localOffset: Int(u32(offset + 42))))
            offset += 46 + nameLength + extra + comment
        }
        self.entries = entries
    }

    func u16(_ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }

    /// The local header's extra field length of `entry`.
    func localExtraLength(_ entry: Central) -> Int { Int(u16(entry.localOffset + 28)) }

    /// The stored (possibly compressed) bytes of `entry`.
    func payload(_ entry: Central) -> ArraySlice<UInt8> {
        let start = entry.localOffset + 30 + Int(u16(entry.localOffset + 26)) + localExtraLength(entry)
        return bytes[start..<(start + entry.compressedSize)]
    }
}
