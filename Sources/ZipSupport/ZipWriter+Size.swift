extension ZipWriter {
    /// The total uncompressed size of the entries of an archive this writer made, read from
    /// its central directory (no entry is inflated), or nil when `archive` is not one.
    ///
    /// What a reader will have to expand: a small file can hold a part of gigabytes.
    ///
    /// ```swift
    /// let bytes = try ZipWriter.archive(entries)
    /// ZipWriter.uncompressedSize(of: bytes)   // the sum of the entries' sizes
    /// ```
    public static func uncompressedSize(of archive: [UInt8]) -> Int? {
        func uint16(_ at: Int) -> Int { Int(archive[at]) | Int(archive[at + 1]) << 8 }
        func uint32(_ at: Int) -> Int { uint16(at) | uint16(at + 2) << 16 }
        // Written with no archive comment, so the end record is the last 22 bytes.
        let end = archive.count - 22
        guard end >= 0, uint32(end) == 0x0605_4B50 else { return nil }
        let count = uint16(end + 10)
        var offset = uint32(end + 16)
        var total = 0
        for _ in 0..<count {
            guard offset + 46 <= end, uint32(offset) == 0x0201_4B50 else { return nil }
            total += uint32(offset + 24)
            offset += 46 + uint16(offset + 28) + uint16(offset + 30) + uint16(offset + 32)
        }
        return total
    }
}
