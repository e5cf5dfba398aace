/// One entry of an archive ``ZipWriter`` is to write, and where its bytes come from.
///
/// ```swift
/// let styles = try PrecompressedParts([ZipEntry(path: "styles.xml", data: stylesXML)])   // once per template
/// let bytes = try ZipWriter.archive([
///     .entry(ZipEntry(path: "mimetype", data: Array(mediaType.utf8), compression: .stored)),
///     .stream(ZipStream(path: "content.xml", chunksOf: contentXML)),
///     .copy("styles.xml", from: styles),
/// ])
/// ```
public enum ZipItem {
    /// Bytes compressed (or stored) while the archive is written.
    case entry(ZipEntry)
    /// Bytes pulled chunk by chunk while libzip compresses them.
    case stream(ZipStream)
    /// An entry of a ``PrecompressedParts`` archive, copied as it is stored there (no
    /// inflating, no deflating).
    case copy(String, from: PrecompressedParts)

    /// The entry's name in the archive.
    public var path: String {
        switch self {
        case .entry(let entry): entry.path
        case .stream(let stream): stream.path
        case .copy(let path, _): path
        }
    }
}
