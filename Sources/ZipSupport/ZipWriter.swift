/// One file inside a ZIP package.
public struct ZipEntry: Sendable, Hashable {
    public enum Compression: Sendable, Hashable { case stored, deflated }
    public var path: String
    public var data: [UInt8]
    public var compression: Compression

    public init(path: String, data: [UInt8], compression: Compression = .deflated) {
        self.path = path
        self.data = data
        self.compression = compression
    }
}

/// A ZIP error with what libzip said.
public struct ZipError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Writes deterministic ZIP archives: entries in the order given, one fixed
/// modification time, no extra fields that vary between runs.
///
/// The container is written here directly (local headers, central directory, end record);
/// compression is zlib's deflate at level 6, as libzip would do it. Writing the container
/// ourselves lets parts that never change be compressed once and copied into every archive:
/// pass ``CompressedZipEntry`` values made once, or pass ``ZipEntry`` values and let it find
/// the entries that repeat from one archive to the next (it keeps their compressed form in a
/// small process-wide cache; the bytes written are the same either way).
///
/// ```swift
/// let bytes = try ZipWriter.archive([
///     ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
///     ZipEntry(path: "content.xml", data: contentXML),
/// ])
/// ```
public enum ZipWriter {
    /// 1980-01-01 00:00, the earliest date a ZIP can hold, as MS-DOS time and date.
    /// Set directly in DOS form so the host's time zone cannot change the bytes.
    static let fixedDOSTime: UInt16 = 0
    static let fixedDOSDate: UInt16 = (0 << 9) | (1 << 5) | 1

    /// Builds the archive in memory and returns its bytes.
    public static func archive(_ entries: [ZipEntry]) throws(ZipError) -> [UInt8] {
        try checkUnique(entries.map(\.path))
        var compressed: [CompressedZipEntry] = []
        compressed.reserveCapacity(entries.count)
        for entry in entries { compressed.append(try CompressedEntryCache.shared.compressed(entry)) }
        return try archive(compressed)
    }

    /// Builds the archive from entries compressed beforehand (some of them possibly cached
    /// and shared between many archives).
    public static func archive(_ entries: [CompressedZipEntry]) throws(ZipError) -> [UInt8] {
        try checkUnique(entries.map(\.path))
        guard entries.count < 0xFFFF else { throw ZipError("too many entries (\(entries.count)); a ZIP without ZIP64 holds at most 65 534") }
        let payloadTotal = entries.reduce(0) { $0 + $1.payload.count + 2 * $1.path.utf8.count + 76 }
        guard payloadTotal + 22 < 0xFFFF_FFFF else { throw ZipError("the archive would be larger than 4 GiB") }
        var out: [UInt8] = []
        out.reserveCapacity(payloadTotal + 22)
        var offsets: [Int] = []
        offsets.reserveCapacity(entries.count)
        for entry in entries {
            guard entry.uncompressedSize < 0xFFFF_FFFF else { throw ZipError("\(entry.path) is larger than 4 GiB") }
            offsets.append(out.count)
            out.appendLittleEndian(UInt32(0x0403_4B50))
            appendCommonHeader(entry, to: &out)
            out.appendLittleEndian(UInt16(0))  // extra field length
            out.append(contentsOf: entry.path.utf8)
            out.append(contentsOf: entry.payload)
        }
        let directoryStart = out.count
        for (entry, offset) in zip(entries, offsets) {
            out.appendLittleEndian(UInt32(0x0201_4B50))
            out.appendLittleEndian(UInt16(3 << 8 | 20))  // made by: UNIX, ZIP 2.0
            appendCommonHeader(entry, to: &out)
            out.appendLittleEndian(UInt16(0))  // extra field length
            out.appendLittleEndian(UInt16(0))  // comment length
            out.appendLittleEndian(UInt16(0))  // disk number
            out.appendLittleEndian(UInt16(0))  // internal attributes
            // A regular file, rw-r--r--, whatever the host's umask.
            out.appendLittleEndian(UInt32(0o100644) << 16)
            out.appendLittleEndian(UInt32(offset))
            out.append(contentsOf: entry.path.utf8)
        }
        let directorySize = out.count - directoryStart
        out.appendLittleEndian(UInt32(0x0605_4B50))
        out.appendLittleEndian(UInt16(0))  // this disk
        out.appendLittleEndian(UInt16(0))  // disk with the directory
        out.appendLittleEndian(UInt16(entries.count))
        out.appendLittleEndian(UInt16(entries.count))
        out.appendLittleEndian(UInt32(directorySize))
        out.appendLittleEndian(UInt32(directoryStart))
        out.appendLittleEndian(UInt16(0))  // comment length
        return out
    }

    /// The fields local and central headers share, from "version needed" to "extra length".
    private static func appendCommonHeader(_ entry: CompressedZipEntry, to out: inout [UInt8]) {
        let deflated = entry.compression == .deflated
        out.appendLittleEndian(UInt16(deflated ? 20 : 10))  // version needed
        // Bit 11: the name is UTF-8 (only needed, and only set, when it is not ASCII).
        out.appendLittleEndian(UInt16(entry.path.utf8.contains { $0 >= 0x80 } ? 1 << 11 : 0))
        out.appendLittleEndian(UInt16(deflated ? 8 : 0))
        out.appendLittleEndian(fixedDOSTime)
        out.appendLittleEndian(fixedDOSDate)
        out.appendLittleEndian(entry.crc32)
        out.appendLittleEndian(UInt32(entry.payload.count))
        out.appendLittleEndian(UInt32(entry.uncompressedSize))
        out.appendLittleEndian(UInt16(entry.path.utf8.count))
    }

    private static func checkUnique(_ paths: [String]) throws(ZipError) {
        var seen = Set<String>()
        for path in paths where !seen.insert(path).inserted {
            throw ZipError("duplicate entry \(path)")
        }
        for path in paths where path.utf8.count > 0xFFFF || path.isEmpty {
            throw ZipError("invalid entry name '\(path.prefix(40))'")
        }
    }
}

extension [UInt8] {
    fileprivate mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
