internal import CLibZip
import Foundation

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
        var seen = Set<String>()
        for entry in entries where !seen.insert(entry.path).inserted {
            throw ZipError("duplicate entry \(entry.path)")
        }
        var zerr = zip_error_t()
        zip_error_init(&zerr)
        defer { zip_error_fini(&zerr) }
        // An in-memory source that libzip writes the finished archive into.
        guard let buffer = zip_source_buffer_create(nil, 0, 0, &zerr) else {
            throw ZipError("cannot create buffer: \(String(cString: zip_error_strerror(&zerr)))")
        }
        zip_source_keep(buffer)
        defer { zip_source_free(buffer) }
        guard let archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &zerr) else {
            throw ZipError("cannot open archive: \(String(cString: zip_error_strerror(&zerr)))")
        }
        var closed = false
        defer { if !closed { zip_discard(archive) } }

        for entry in entries {
            // libzip reads the data only at zip_close: give it its own malloc'd copy (freep = 1).
            let count = entry.data.count
            let copy = malloc(max(count, 1))!
            entry.data.withUnsafeBytes { raw in
                if let base = raw.baseAddress { memcpy(copy, base, count) }
            }
            guard let source = zip_source_buffer(archive, copy, zip_uint64_t(count), 1) else {
                free(copy)
                throw ZipError("cannot add \(entry.path): \(lastError(archive))")
            }
            let index = zip_file_add(archive, entry.path, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            guard index >= 0 else {
                zip_source_free(source)
                throw ZipError("cannot add \(entry.path): \(lastError(archive))")
            }
            let idx = zip_uint64_t(index)
            let method: Int32 = entry.compression == .stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE
            guard zip_set_file_compression(archive, idx, method, entry.compression == .stored ? 0 : 6) == 0,
                  zip_file_set_dostime(archive, idx, fixedDOSTime, fixedDOSDate, 0) == 0
            else { throw ZipError("cannot set attributes of \(entry.path): \(lastError(archive))") }
            // No external attributes that would carry the host's umask.
            _ = zip_file_set_external_attributes(archive, idx, 0, UInt8(ZIP_OPSYS_UNIX), 0o100644 << 16)
        }
        guard zip_close(archive) == 0 else {
            throw ZipError("cannot write archive: \(lastError(archive))")
        }
        closed = true

        // Read the finished archive back out of the buffer source.
        guard zip_source_open(buffer) == 0 else { throw ZipError("cannot read archive buffer") }
        defer { zip_source_close(buffer) }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_source_stat(buffer, &stat) == 0 else { throw ZipError("cannot stat archive buffer") }
        var out = [UInt8](repeating: 0, count: Int(stat.size))
        let read = out.withUnsafeMutableBytes { zip_source_read(buffer, $0.baseAddress, zip_uint64_t($0.count)) }
        guard read == Int64(stat.size) else { throw ZipError("short read of archive buffer") }
        return out
    }

    private static func lastError(_ archive: OpaquePointer) -> String {
        String(cString: zip_strerror(archive))
    }
}
