internal import CLibZip
import Foundation

/// Package parts compressed once, into a small in-memory ZIP archive that libzip wrote, and
/// copied from there into every document without being compressed again
/// (`zip_source_zip` with start 0 and length -1 copies an entry's stored bytes).
///
/// A template's static parts (styles, settings, the font table, images) are the same bytes in
/// every document rendered from it: whoever compiles the template keeps a value of this type
/// and names its entries in ``ZipItem/copy(_:from:)``. There is no process-wide cache: two
/// templates, or two libraries in one process, each keep their own.
///
/// ```swift
/// let fixed = try PrecompressedParts([ZipEntry(path: "styles.xml", data: stylesXML)])
/// let doc = try ZipWriter.archive([.entry(mimetype), .stream(content), .copy("styles.xml", from: fixed)])
/// ```
public struct PrecompressedParts: Sendable {
    /// The in-memory archive's bytes, kept in one allocation that libzip reads in place.
    final class Storage: @unchecked Sendable {
        // Written once in init and never again: reading it from several tasks is safe.
        let buffer: UnsafeMutableRawBufferPointer

        let count: Int

        init(_ bytes: [UInt8]) {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
            bytes.withUnsafeBytes { if let base = $0.baseAddress { buffer.baseAddress!.copyMemory(from: base, byteCount: bytes.count) } }
            self.buffer = buffer
            count = bytes.count
        }

        deinit { buffer.deallocate() }
    }

    let storage: Storage
    /// The entries' names, in archive order.
    public let paths: [String]
    private let indexes: [String: Int]

    /// Compresses `entries` (deflate level 6, or stored) into a new in-memory archive.
    public init(_ entries: [ZipEntry]) throws(ZipError) {
        try self.init(archive: ZipWriter.archive(entries))
    }

    /// Takes the entries of an archive ``ZipWriter`` (or another tool) wrote, as they are
    /// stored: only stored and deflated entries, unencrypted, are accepted.
    public init(archive bytes: [UInt8]) throws(ZipError) {
        let storage = Storage(bytes)
        let reader = try ArchiveReader(storage)
        var paths: [String] = []
        var indexes: [String: Int] = [:]
        for index in 0..<reader.count {
            let stat = try reader.stat(index)
            guard let name = stat.name.map({ String(cString: $0) }) else { throw ZipError("entry \(index) has no name") }
            guard stat.comp_method == ZIP_CM_STORE || stat.comp_method == ZIP_CM_DEFLATE else {
                throw ZipError("\(name) is compressed with method \(stat.comp_method); only stored and deflated entries can be copied")
            }
            guard stat.encryption_method == ZIP_EM_NONE else { throw ZipError("\(name) is encrypted") }
            guard indexes.updateValue(index, forKey: name) == nil else { throw ZipError("duplicate entry \(name)") }
            paths.append(name)
        }
        self.storage = storage
        self.paths = paths
        self.indexes = indexes
    }

    /// The archive as libzip wrote it.
    public var archiveBytes: [UInt8] {
        Array(UnsafeRawBufferPointer(rebasing: storage.buffer[0..<storage.count]))
    }

    public func contains(_ path: String) -> Bool { indexes[path] != nil }

    func index(of path: String) -> Int? { indexes[path] }
}

/// A read-only libzip archive over a ``PrecompressedParts`` buffer, open while a document
/// copies entries out of it.
final class ArchiveReader {
    let handle: OpaquePointer
    /// Kept alive as long as libzip may read from it.
    private let storage: PrecompressedParts.Storage?

    convenience init(_ storage: PrecompressedParts.Storage) throws(ZipError) {
        try self.init(UnsafeRawBufferPointer(rebasing: storage.buffer[0..<storage.count]), keeping: storage)
    }

    /// A reader over `bytes`, which must stay valid while the reader lives (or be `storage`'s).
    init(_ bytes: UnsafeRawBufferPointer, keeping storage: PrecompressedParts.Storage? = nil) throws(ZipError) {
        self.storage = storage
        var error = zip_error_t()
        zip_error_init(&error)
        defer { zip_error_fini(&error) }
        guard let source = zip_source_buffer_create(bytes.baseAddress, zip_uint64_t(bytes.count), 0, &error) else {
            throw ZipError("cannot read the precompressed parts: \(String(cString: zip_error_strerror(&error)))")
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY, &error) else {
            zip_source_free(source)
            throw ZipError("cannot read the precompressed parts: \(String(cString: zip_error_strerror(&error)))")
        }
        handle = archive
    }

    deinit { zip_discard(handle) }

    var count: Int { Int(zip_get_num_entries(handle, 0)) }

    func stat(_ index: Int) throws(ZipError) -> zip_stat_t {
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(handle, zip_uint64_t(index), 0, &stat) == 0 else {
            throw ZipError("cannot read entry \(index): \(String(cString: zip_strerror(handle)))")
        }
        return stat
    }
}
