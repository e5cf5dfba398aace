internal import CLibZip
import Foundation

/// Reads ZIP archives with limits, so a hostile archive (a zip bomb, a million
/// entries) is refused instead of exhausting memory.
///
/// ```swift
/// let entries = try ZipReader.entries(of: bytes)
/// let content = entries.first { $0.path == "content.xml" }
/// ```
public enum ZipReader {
    public struct Limits: Sendable {
        public var maxEntries: Int
        public var maxEntrySize: Int
        public var maxTotalSize: Int

        public init(maxEntries: Int = 10_000, maxEntrySize: Int = 256 << 20, maxTotalSize: Int = 1 << 30) {
            self.maxEntries = maxEntries
            self.maxEntrySize = maxEntrySize
            self.maxTotalSize = maxTotalSize
        }
    }

    /// All entries, in archive order, with their uncompressed data.
    public static func entries(of archiveBytes: [UInt8], limits: Limits = Limits()) throws(ZipError) -> [ZipEntry] {
        guard !archiveBytes.isEmpty else { throw ZipError("not a ZIP archive: the file is empty") }
        var zerr = zip_error_t()
        zip_error_init(&zerr)
        defer { zip_error_fini(&zerr) }
        let copy = malloc(max(archiveBytes.count, 1))!
        archiveBytes.withUnsafeBytes { if let b = $0.baseAddress { memcpy(copy, b, archiveBytes.count) } }
        guard let source = zip_source_buffer_create(copy, zip_uint64_t(archiveBytes.count), 1, &zerr) else {
            free(copy)
            throw ZipError("not a ZIP archive: \(String(cString: zip_error_strerror(&zerr)))")
        }
        guard let archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr) else {
            zip_source_free(source)
            throw ZipError("not a ZIP archive: \(String(cString: zip_error_strerror(&zerr)))")
        }
        defer { zip_discard(archive) }

        let count = Int(zip_get_num_entries(archive, 0))
        guard count <= limits.maxEntries else {
            throw ZipError("archive has \(count) entries; the limit is \(limits.maxEntries)")
        }
        var result: [ZipEntry] = []
        var total = 0
        for index in 0..<count {
            var stat = zip_stat_t()
            zip_stat_init(&stat)
            guard zip_stat_index(archive, zip_uint64_t(index), 0, &stat) == 0, let cname = stat.name else {
                throw ZipError("cannot read entry \(index): \(String(cString: zip_strerror(archive)))")
            }
            let name = String(cString: cname)
            let size = Int(stat.size)
            guard size <= limits.maxEntrySize else {
                throw ZipError("entry \(name) is \(size) bytes; the limit is \(limits.maxEntrySize)")
            }
            total += size
            guard total <= limits.maxTotalSize else {
                throw ZipError("archive expands to more than \(limits.maxTotalSize) bytes")
            }
            guard let file = zip_fopen_index(archive, zip_uint64_t(index), 0) else {
                throw ZipError("cannot open entry \(name): \(String(cString: zip_strerror(archive)))")
            }
            defer { zip_fclose(file) }
            var data = [UInt8](repeating: 0, count: size)
            var offset = 0
            while offset < size {
                let n = data.withUnsafeMutableBytes { raw in
                    zip_fread(file, raw.baseAddress! + offset, zip_uint64_t(size - offset))
                }
                guard n > 0 else { throw ZipError("cannot read entry \(name)") }
                offset += Int(n)
            }
            let method: ZipEntry.Compression = stat.comp_method == ZIP_CM_STORE ? .stored : .deflated
            result.append(ZipEntry(path: name, data: data, compression: method))
        }
        return result
    }
}
