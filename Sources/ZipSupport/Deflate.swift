import Foundation

/// zlib's `compress2` and `crc32`, resolved at run time.
///
/// libzip already links zlib into the process, but no module map exposes zlib's header to
/// Swift; looking the two C functions up by name keeps the package free of another system
/// library target. The stream zlib writes is the same deflate stream libzip would write at
/// the same level (both use zlib's defaults otherwise).
enum Deflate {
    private typealias Compress2 = @convention(c) (
        UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<UInt>?, UnsafePointer<UInt8>?, UInt, Int32
    ) -> Int32
    private typealias CompressBound = @convention(c) (UInt) -> UInt
    private typealias CRC32 = @convention(c) (UInt, UnsafePointer<UInt8>?, UInt32) -> UInt

    private struct Functions: @unchecked Sendable {
        let compress2: Compress2
        let compressBound: CompressBound
        let crc32: CRC32
    }

    private static let functions: Functions? = {
        #if canImport(Darwin)
        let names = ["libz.1.dylib", "libz.dylib"]
        #else
        let names = ["libz.so.1", "libz.so"]
        #endif
        for name in names {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let compress2 = dlsym(handle, "compress2"), let bound = dlsym(handle, "compressBound"),
                  let crc = dlsym(handle, "crc32")
            else { continue }
            return Functions(
                compress2: unsafeBitCast(compress2, to: Compress2.self),
                compressBound: unsafeBitCast(bound, to: CompressBound.self),
                crc32: unsafeBitCast(crc, to: CRC32.self))
        }
        return nil
    }()

    /// The CRC-32 of `bytes`, as ZIP headers store it.
    static func crc32(_ bytes: UnsafeRawBufferPointer) throws(ZipError) -> UInt32 {
        guard let functions else { throw ZipError("zlib (libz) is not available") }
        var crc: UInt = 0
        var offset = 0
        // zlib takes a 32-bit length; feed larger inputs in slices.
        while offset < bytes.count {
            let chunk = min(bytes.count - offset, 1 << 30)
            crc = functions.crc32(crc, bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: UInt8.self), UInt32(chunk))
            offset += chunk
        }
        return UInt32(truncatingIfNeeded: crc)
    }

    /// A raw deflate stream of `bytes` (no zlib header or trailer), as ZIP method 8 stores it.
    static func deflate(_ bytes: UnsafeRawBufferPointer, level: Int32 = 6) throws(ZipError) -> [UInt8] {
        guard let functions else { throw ZipError("zlib (libz) is not available") }
        let source = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        let capacity = Int(functions.compressBound(UInt(bytes.count)))
        var status: Int32 = 0
        // compress2 writes a 2-byte zlib header, the deflate stream, then a 4-byte Adler-32.
        let zlibStream = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var length = UInt(capacity)
            status = functions.compress2(buffer.baseAddress, &length, source, UInt(bytes.count), level)
            count = status == 0 ? Int(length) : 0
        }
        guard status == 0, zlibStream.count >= 6 else { throw ZipError("zlib could not compress the data (status \(status))") }
        return Array(zlibStream[2..<(zlibStream.count - 4)])
    }
}
