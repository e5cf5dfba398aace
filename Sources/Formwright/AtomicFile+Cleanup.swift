public import Foundation

extension AtomicFile {
    /// Removes temporary files that an interrupted run left in `directory`, and returns
    /// their names.
    ///
    /// ``write(_:to:)`` writes `.<name>.<pid>.<8 hex>.tmp` and renames it over `<name>`, so a
    /// killed process can leave such files but never a partial document. They are hidden,
    /// never end in `.odt` or `.docx`, and are removed here only when the process that wrote
    /// them is gone, so a batch running in the same folder keeps its own.
    ///
    /// ```swift
    /// let removed = AtomicFile.removeStaleTemporaryFiles(in: outputFolder)
    /// ```
    @discardableResult
    public static func removeStaleTemporaryFiles(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        var removed: [String] = []
        for name in names {
            guard let pid = writerProcess(ofTemporaryFile: name), !isRunning(pid) else { continue }
            if (try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))) != nil {
                removed.append(name)
            }
        }
        return removed
    }

    /// The process id in a temporary file name written by ``write(_:to:)``, or nil when the
    /// name is not one.
    public static func writerProcess(ofTemporaryFile name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0 else { return nil }
        let random = parts[parts.count - 1]
        guard random.count == 8, random.allSatisfy(\.isHexDigit) else { return nil }
        return pid
    }

    private static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
