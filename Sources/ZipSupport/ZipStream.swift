/// A part whose bytes libzip pulls chunk by chunk while it compresses them, so the part never
/// has to be handed over as one buffer (libzip's `zip_source_function`).
///
/// `next` is called until it returns nil; it may throw, and the archive then fails with its
/// message. When `size` is known it is written into the local header; without it libzip
/// marks the entry as ZIP64 (its size is not known before the data is written).
///
/// ```swift
/// var rows = table.rows.makeIterator()
/// let content = ZipStream(path: "content.xml") { rows.next().map { ArraySlice(render($0)) } }
/// ```
public struct ZipStream {
    public let path: String
    public let compression: ZipEntry.Compression
    /// The number of bytes `next` gives in all, when known beforehand.
    public let size: Int?
    let next: () throws -> ArraySlice<UInt8>?

    public init(path: String, compression: ZipEntry.Compression = .deflated, size: Int? = nil,
                next: @escaping () throws -> ArraySlice<UInt8>?) {
        self.path = path
        self.compression = compression
        self.size = size
        self.next = next
    }

    /// Streams an existing buffer in slices of `chunkSize` bytes: libzip reads the caller's
    /// buffer in place, with no copy of the whole part.
    public init(path: String, chunksOf bytes: [UInt8], compression: ZipEntry.Compression = .deflated, chunkSize: Int = 64 << 10) {
        precondition(chunkSize > 0, "chunkSize must be positive")
        var offset = 0
        self.init(path: path, compression: compression, size: bytes.count) {
            guard offset < bytes.count else { return nil }
            let end = min(offset + chunkSize, bytes.count)
            defer { offset = end }
            return bytes[offset..<end]
        }
    }
}
