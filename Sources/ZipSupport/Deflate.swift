internal import CZlib

/// zlib's `compress2` and `crc32`, linked through the `CZlib` module map like libzip is
/// (and imported here only). The stream zlib writes is the same deflate stream libzip would
/// write at the same level (both use zlib's defaults otherwise).
enum Deflate {
    /// The CRC-32 of `bytes`, as ZIP headers store it.
    static func crc32(_ bytes: UnsafeRawBufferPointer) throws(ZipError) -> UInt32 {
        var crc: uLong = 0
        var offset = 0
        // zlib takes a 32-bit length; feed larger inputs in slices.
        while offset < bytes.count {
            let chunk = min(bytes.count - offset, 1 << 30)
            crc = CZlib.crc32(crc, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(chunk))
            offset += chunk
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// A raw deflate stream of `bytes` (no zlib header or trailer), as ZIP method 8 stores it.
    static func deflate(_ bytes: UnsafeRawBufferPointer, level: Int32 = 6) throws(ZipError) -> [UInt8] {
        let source = bytes.baseAddress?.assumingMemoryBound(to: Bytef.self)
        let capacity = Int(compressBound(uLong(bytes.count)))
        var status: Int32 = 0
        // compress2 writes a 2-byte zlib header, the deflate stream, then a 4-byte Adler-32.
        let zlibStream = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var length = uLongf(capacity)
            status = compress2(buffer.baseAddress, &length, source, uLong(bytes.count), level)
            count = status == Z_OK ? Int(length) : 0
        }
        guard status == Z_OK, zlibStream.count >= 6 else { throw ZipError("zlib could not compress the data (status \(status))") }
        return Array(zlibStream[2..<(zlibStream.count - 4)])
    }
}
