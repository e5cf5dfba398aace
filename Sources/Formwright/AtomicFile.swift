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
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw FormwrightError(.io, "cannot write \(url.path): the folder is not writable")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FormwrightError(.io, "cannot write \(url.path): \(reason)")
        }
    }
}
