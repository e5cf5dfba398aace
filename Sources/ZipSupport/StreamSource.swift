internal import CLibZip
import Foundation

/// The state behind one `zip_source_function`: the chunks still to give, the chunk being
/// given, and what went wrong. libzip owns one retain of it and releases it on
/// `ZIP_SOURCE_FREE`.
final class StreamSource {
    private let path: String
    private let size: Int?
    private let next: () throws -> ArraySlice<UInt8>?
    private var chunk: ArraySlice<UInt8> = []
    private var delivered = 0
    private var opened = false
    private var finished = false
    private var error = zip_error_t()
    /// Why reading failed, in words (libzip's error codes cannot say what the producer said).
    private(set) var failure: String?

    init(_ stream: ZipStream) {
        path = stream.path
        size = stream.size
        next = stream.next
        zip_error_init(&error)
    }

    deinit { zip_error_fini(&error) }

    /// A libzip source over `stream`, or nil with the reason in `za`'s error.
    static func make(_ stream: ZipStream, in archive: OpaquePointer) -> (OpaquePointer, StreamSource)? {
        let state = StreamSource(stream)
        let context = Unmanaged.passRetained(state).toOpaque()
        guard let source = zip_source_function(archive, streamSourceCallback, context) else {
            Unmanaged<StreamSource>.fromOpaque(context).release()
            return nil
        }
        return (source, state)
    }

    fileprivate func handle(_ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t, _ command: zip_source_cmd_t) -> zip_int64_t {
        switch command {
        case ZIP_SOURCE_OPEN:
            // A stream is read once; libzip writes each entry in one pass.
            guard !opened else { return fail("\(path) was read twice", ZIP_ER_INTERNAL) }
            opened = true
            return 0
        case ZIP_SOURCE_READ:
            return read(into: data, length: Int(clamping: length))
        case ZIP_SOURCE_CLOSE:
            return 0
        case ZIP_SOURCE_STAT:
            guard let data else { return fail("no stat buffer", ZIP_ER_INTERNAL) }
            let stat = data.assumingMemoryBound(to: zip_stat_t.self)
            zip_stat_init(stat)
            if let size {
                stat.pointee.size = zip_uint64_t(size)
                stat.pointee.valid |= zip_uint64_t(ZIP_STAT_SIZE)
            }
            return zip_int64_t(MemoryLayout<zip_stat_t>.size)
        case ZIP_SOURCE_ERROR:
            guard let data else { return -1 }
            return zip_error_to_data(&error, data, length)
        case ZIP_SOURCE_FREE:
            Unmanaged<StreamSource>.passUnretained(self).release()
            return 0
        case ZIP_SOURCE_SUPPORTS:
            let commands = [ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, ZIP_SOURCE_SUPPORTS]
            return commands.reduce(0) { $0 | (zip_int64_t(1) << zip_int64_t($1.rawValue)) }
        default:
            return fail("unsupported source command \(command.rawValue)", ZIP_ER_OPNOTSUPP)
        }
    }

    private func read(into buffer: UnsafeMutableRawPointer?, length: Int) -> zip_int64_t {
        guard let buffer, length > 0 else { return 0 }
        var written = 0
        while written < length {
            if chunk.isEmpty {
                if finished { break }
                do {
                    guard let more = try next() else {
                        finished = true
                        break
                    }
                    chunk = more
                } catch {
                    return fail("cannot produce \(path): \(error)", ZIP_ER_READ)
                }
                continue
            }
            let count = min(chunk.count, length - written)
            chunk.withUnsafeBytes { bytes in
                (buffer + written).copyMemory(from: bytes.baseAddress!, byteCount: count)
            }
            chunk.removeFirst(count)
            written += count
        }
        delivered += written
        if let size {
            // The size is in the local header already: more or fewer bytes would corrupt it.
            if delivered > size || (finished && chunk.isEmpty && delivered != size) {
                return fail("\(path) gave \(delivered) bytes, \(size) were announced", ZIP_ER_INCONS)
            }
        }
        return zip_int64_t(written)
    }

    private func fail(_ message: String, _ code: Int32) -> zip_int64_t {
        if failure == nil { failure = message }
        zip_error_set(&error, code, 0)
        return -1
    }
}

/// A C function pointer (no captures): the context is the retained ``StreamSource``.
private func streamSourceCallback(
    _ context: UnsafeMutableRawPointer?, _ data: UnsafeMutableRawPointer?, _ length: zip_uint64_t, _ command: zip_source_cmd_t
) -> zip_int64_t {
    guard let context else { return -1 }
    return Unmanaged<StreamSource>.fromOpaque(context).takeUnretainedValue().handle(data, length, command)
}
