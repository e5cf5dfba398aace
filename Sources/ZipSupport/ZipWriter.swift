internal import CLibZip
import Foundation

/// Writes deterministic ZIP archives through libzip: entries in the order given, one fixed
/// modification time, fixed file attributes, no extra fields.
///
/// libzip writes the local headers, the data and the central directory into an in-memory
/// buffer; the bytes are returned so that callers keep writing files atomically (temporary
/// file, then rename). Entries are deflated at level 6 or stored; a ``ZipStream`` is pulled
/// chunk by chunk while it is compressed, and an entry of ``PrecompressedParts`` is copied
/// as it is stored there.
///
/// ```swift
/// let bytes = try ZipWriter.archive([
///     ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
///     ZipEntry(path: "content.xml", data: contentXML),
/// ])
/// ```
public enum ZipWriter {
    /// 1980-01-01 00:00, the earliest date a ZIP can hold, as MS-DOS time and date.
    ///
    /// Set with `zip_file_set_dostime`: `zip_file_set_mtime` takes a `time_t` and converts it
    /// through `localtime`, so the same instant gives other bytes in another time zone.
    static let fixedDOSTime: UInt16 = 0
    static let fixedDOSDate: UInt16 = (0 << 9) | (1 << 5) | 1
    /// A regular file, rw-r--r--, whatever the host's umask.
    static let fileAttributes: UInt32 = 0o100644 << 16
    /// zlib's default level: level 9 (libzip's default) costs much more time for a few bytes.
    static let deflateLevel: UInt32 = 6

    /// Builds the archive in memory and returns its bytes.
    public static func archive(_ entries: [ZipEntry]) throws(ZipError) -> [UInt8] {
        try archive(entries.map { ZipItem.entry($0) })
    }

    /// Builds the archive from entries, streams and precompressed parts, in that order.
    public static func archive(_ items: [ZipItem]) throws(ZipError) -> [UInt8] {
        try checkNames(items.map(\.path))
        // An archive with no entries: libzip writes no file at all, a reader expects the end record.
        guard !items.isEmpty else { return [0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18) }
        let archive = try WritableArchive()
        for item in items {
            switch item {
            case .entry(let entry): try archive.add(ZipStream(path: entry.path, chunksOf: entry.data, compression: entry.compression, chunkSize: max(entry.data.count, 1)))
            case .stream(let stream): try archive.add(stream)
            case .copy(let path, let parts): try archive.copy(path, from: parts)
            }
        }
        return try archive.finish()
    }

    private static func checkNames(_ paths: [String]) throws(ZipError) {
        guard paths.count < 0xFFFF else { throw ZipError("too many entries (\(paths.count)); a ZIP without ZIP64 holds at most 65 534") }
        var seen = Set<String>()
        for path in paths {
            guard !path.isEmpty, path.utf8.count <= 0xFFFF else { throw ZipError("invalid entry name '\(path.prefix(40))'") }
            guard seen.insert(path).inserted else { throw ZipError("duplicate entry \(path)") }
        }
    }
}

/// One archive being written: libzip's handle over an in-memory buffer source, the streams
/// and precompressed archives it reads from until `zip_close`.
final class WritableArchive {
    private let buffer: OpaquePointer
    private var handle: OpaquePointer?
    private var streams: [StreamSource] = []
    private var readers: [ObjectIdentifier: ArchiveReader] = [:]

    init() throws(ZipError) {
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(nil, 0, 0, &error) else {
            throw ZipError("cannot create an in-memory archive: \(String(cString: zip_error_strerror(&error)))")
        }
        guard let archive = zip_open_from_source(source, ZIP_CREATE | ZIP_TRUNCATE, &error) else {
            zip_source_free(source)
            throw ZipError("cannot create an in-memory archive: \(String(cString: zip_error_strerror(&error)))")
        }
        // Keep the buffer after zip_close: it holds the archive.
        zip_source_keep(source)
        buffer = source
        handle = archive
    }

    deinit {
        if let handle { zip_discard(handle) }
        zip_source_free(buffer)
    }

    func add(_ stream: ZipStream) throws(ZipError) {
        guard let handle else { throw ZipError("the archive is closed") }
        guard let (source, state) = StreamSource.make(stream, in: handle) else { throw failure("cannot add \(stream.path)") }
        streams.append(state)
        let index = try add(stream.path, source: source)
        let stored = stream.compression == .stored
        guard zip_set_file_compression(handle, index, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : ZipWriter.deflateLevel) == 0 else {
            throw failure("cannot set the compression of \(stream.path)")
        }
    }

    func copy(_ path: String, from parts: PrecompressedParts) throws(ZipError) {
        guard let handle else { throw ZipError("the archive is closed") }
        guard let sourceIndex = parts.index(of: path) else { throw ZipError("\(path) is not among the precompressed parts (\(parts.paths.joined(separator: ", ")))") }
        let key = ObjectIdentifier(parts.storage)
        let reader: ArchiveReader
        if let open = readers[key] {
            reader = open
        } else {
            reader = try ArchiveReader(parts.storage)
            readers[key] = reader
        }
        let method = try reader.stat(sourceIndex).comp_method
        // Start 0 and length -1: the entry's stored bytes, CRC and sizes, not its inflated data.
        guard let source = zip_source_zip(handle, reader.handle, zip_uint64_t(sourceIndex), 0, 0, -1) else {
            throw failure("cannot copy \(path)")
        }
        let index = try add(path, source: source)
        // The same method as the source entry: libzip then copies the bytes without recompressing.
        let stored = method == ZIP_CM_STORE
        guard zip_set_file_compression(handle, index, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, stored ? 0 : ZipWriter.deflateLevel) == 0 else {
            throw failure("cannot set the compression of \(path)")
        }
    }

    /// Adds `source` under `path` (libzip owns the source from then on, or it is freed here).
    private func add(_ path: String, source: OpaquePointer) throws(ZipError) -> zip_uint64_t {
        guard let handle else { throw ZipError("the archive is closed") }
        let added = zip_file_add(handle, path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
        guard added >= 0 else {
            zip_source_free(source)
            throw failure("cannot add \(path)")
        }
        let index = zip_uint64_t(added)
        guard zip_file_set_dostime(handle, index, ZipWriter.fixedDOSTime, ZipWriter.fixedDOSDate, 0) == 0,
              zip_file_set_external_attributes(handle, index, 0, zip_uint8_t(ZIP_OPSYS_UNIX), ZipWriter.fileAttributes) == 0
        else { throw failure("cannot set the time and attributes of \(path)") }
        return index
    }

    /// Writes the archive (libzip does all the work here) and returns its bytes.
    func finish() throws(ZipError) -> [UInt8] {
        guard let handle else { throw ZipError("the archive is closed") }
        guard zip_close(handle) == 0 else {
            // A stream's own words say more than libzip's "read error".
            let reason = streams.lazy.compactMap(\.failure).first ?? String(cString: zip_strerror(handle))
            zip_discard(handle)
            self.handle = nil
            throw ZipError("cannot write the archive: \(reason)")
        }
        self.handle = nil
        readers.removeAll()
        guard zip_source_open(buffer) == 0 else { throw ZipError("cannot read the written archive back") }
        defer { zip_source_close(buffer) }
        guard zip_source_seek(buffer, 0, SEEK_END) == 0 else { throw ZipError("cannot read the written archive back") }
        let size = Int(zip_source_tell(buffer))
        guard size >= 0, zip_source_seek(buffer, 0, SEEK_SET) == 0 else { throw ZipError("cannot read the written archive back") }
        var read = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { out, count in
            while read < size {
                let n = zip_source_read(buffer, out.baseAddress! + read, zip_uint64_t(size - read))
                guard n > 0 else { break }
                read += Int(n)
            }
            count = read
        }
        guard read == size else { throw ZipError("cannot read the written archive back (\(read) of \(size) bytes)") }
        return bytes
    }

    private func failure(_ what: String) -> ZipError {
        guard let handle else { return ZipError(what) }
        return ZipError("\(what): \(String(cString: zip_strerror(handle)))")
    }
}
