public import Foundation

extension AtomicFile {
    /// Removes temporary files that an interrupted run left in `directory`, and returns
    /// their names.
    ///
    /// ``write(_:to:)`` writes `.<name>.<pid>.<8 hex>.tmp` and renames it over `<name>`, so a
    /// killed process can leave such files but never a partial document. Only that exact
    /// pattern is removed — `<name>` ending in `.odt` or `.docx`, the pid in decimal, eight
    /// upper-case hex digits — and only a regular file (never a folder or a link) owned by
    /// this user whose writing process is gone, so a batch running in the same folder keeps
    /// its own and nothing Formwright did not make is touched.
    ///
    /// ```swift
    /// let removed = AtomicFile.removeStaleTemporaryFiles(in: outputFolder)
    /// ```
    @discardableResult
    public static func removeStaleTemporaryFiles(in directory: URL) -> [String] {
        guard let folder = try? OutputDirectory(directory) else { return [] }
        return removeStaleTemporaryFiles(in: folder)
    }

    static func removeStaleTemporaryFiles(in folder: OutputDirectory) -> [String] {
        var removed: [String] = []
        for name in folder.entries() {
            guard let pid = writerProcess(ofTemporaryFile: name), !isRunning(pid) else { continue }
            if folder.removeRegularFile(name) { removed.append(name) }
        }
        return removed.sorted()
    }

    /// The process id in a temporary file name written by ``write(_:to:)``, or nil when the
    /// name is not exactly one.
    public static func writerProcess(ofTemporaryFile name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let parts = name.dropFirst().dropLast(4).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4 else { return nil }
        let random = parts[parts.count - 1], pidText = parts[parts.count - 2], extensionText = parts[parts.count - 3]
        guard random.utf8.count == 8, random.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x46).contains($0) }),
            !pidText.isEmpty, pidText.utf8.count <= 10, pidText.first != "0",
            pidText.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let pid = Int32(pidText), pid > 0,
            ["odt", "docx"].contains(extensionText.lowercased()),
            parts[..<(parts.count - 3)].contains(where: { !$0.isEmpty })
        else { return nil }
        return pid
    }

    /// Whether process `pid` exists and can still write. A zombie cannot: it has ended and
    /// waits to be reaped, which in a container whose first process does not reap can be
    /// forever (a batch worker whose supervisor was killed ends up so).
    static func isRunning(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 || errno == EPERM else { return false }
        #if os(Linux)
        // /proc/PID/stat: "PID (name) STATE …"; the name may hold spaces and parentheses.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" {
            return false
        }
        #endif
        return true
    }
}
