public import Foundation

/// Writes files so that readers never see a partial one: the bytes go to a temporary file
/// in the target folder, which is then renamed over the target.
public enum AtomicFile {
    /// Writes `bytes` to `url` atomically. On failure no file is left behind.
    ///
    /// An existing target that is not a regular file (a folder, a device such as `/dev/full`,
    /// a symbolic link) is refused, never replaced.
    public static func write(_ bytes: [UInt8], to url: URL) throws(FormwrightError) {
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FormwrightError(.io, "cannot write \(url.path): the folder \(directory.path) does not exist")
        }
        try OutputDirectory(directory).write(bytes, to: url.lastPathComponent)
    }

    /// Writes `bytes` to `relativePath` inside `directory`, creating its subfolders, and
    /// returns whether a file was replaced. Nothing below `directory` is followed if it is a
    /// symbolic link, so the file is always written inside `directory`.
    ///
    /// ```swift
    /// try AtomicFile.write(bytes, to: "BG-014/consent-bg.odt", in: URL(fileURLWithPath: "out"))
    /// ```
    @discardableResult
    public static func write(_ bytes: [UInt8], to relativePath: String, in directory: URL) throws(FormwrightError) -> Bool {
        try OutputDirectory(directory).write(bytes, to: relativePath)
    }
}
