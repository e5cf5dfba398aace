public import Foundation

/// Writes files so that readers never see a partial one: the bytes go to a temporary file
/// in the target folder, which is then renamed over the target.
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically. On failure no file is left behind.
    public static func write(_ bytes: [UInt8], to url: URL) throws(FormwrightError) {
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FormwrightError(.io, "cannot write \(url.path): the folder \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp")
        // Plain POSIX calls: Foundation's `createFile` would itself write through another
        // temporary file (`.dat.nosync…`), which a killed process could leave behind under a
        // name ``removeStaleTemporaryFiles(in:)`` does not know.
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FormwrightError(.io, "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary.path)
                throw FormwrightError(.io, "cannot write \(url.path): \(reason)")
            }
            offset += written
        }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw FormwrightError(.io, "cannot write \(url.path): \(reason)")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FormwrightError(.io, "cannot write \(url.path): \(reason)")
        }
    }
}
