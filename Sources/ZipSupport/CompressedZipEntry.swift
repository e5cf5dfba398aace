/// A ZIP entry whose bytes are already compressed, with the CRC and sizes its headers need.
///
/// Package parts that do not change between documents (styles, manifest, settings) are
/// compressed once and reused for every document written from the same template:
///
/// ```swift
/// let styles = try ZipEntry(path: "styles.xml", data: stylesXML).compressed()
/// let bytes = try ZipWriter.archive([mimetype, styles, try content.compressed()])
/// ```
public struct CompressedZipEntry: Sendable, Hashable {
    public let path: String
    public let compression: ZipEntry.Compression
    /// CRC-32 of the uncompressed bytes.
    public let crc32: UInt32
    public let uncompressedSize: Int
    /// The bytes as stored in the archive (a raw deflate stream, or the data itself when stored).
    public let payload: [UInt8]
}

extension ZipEntry {
    /// Compresses the entry (deflate level 6, the zlib default, or stored) for ``ZipWriter``.
    public func compressed() throws(ZipError) -> CompressedZipEntry {
        let result = data.withUnsafeBytes { raw -> Result<CompressedZipEntry, ZipError> in
            do throws(ZipError) {
                let crc = try Deflate.crc32(raw)
                let payload = compression == .stored ? data : try Deflate.deflate(raw)
                return .success(CompressedZipEntry(
                    path: path, compression: compression, crc32: crc, uncompressedSize: data.count, payload: payload))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}
