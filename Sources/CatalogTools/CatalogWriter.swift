public import Foundation

/// Writes a set of catalog files so that either all of them change or none: every file is
/// first written to a temporary file beside it, and only when all of those succeeded are
/// they renamed over their targets.
///
/// ```swift
/// try CatalogWriter.write([(url, file.serialized())], project: project)
/// ```
public enum CatalogWriter {
    /// Writes each text to its URL, creating missing locale folders. Files whose content is
    /// already the same are not touched (their modification time stays).
    ///
    /// - Returns: the URLs that were written.
    @discardableResult
    public static func write(_ files: [(url: URL, text: String)], project: CatalogProject) throws(CatalogToolError) -> [URL] {
        let manager = FileManager.default
        var staged: [(temporary: URL, target: URL)] = []
        func discard() { for file in staged { try? manager.removeItem(at: file.temporary) } }
        for (url, text) in files {
            let bytes = Data(text.utf8)
            if manager.contents(atPath: url.path) == bytes { continue }
            let directory = url.deletingLastPathComponent()
            do {
                try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                discard()
                throw CatalogToolError(file: project.relativePath(directory), "cannot create the folder: \(error.localizedDescription)")
            }
            let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp")
            guard manager.createFile(atPath: temporary.path, contents: bytes) else {
                discard()
                throw CatalogToolError(file: project.relativePath(url), "cannot write the file: the folder is not writable")
            }
            staged.append((temporary, url))
        }
        var written: [URL] = []
        for (index, file) in staged.enumerated() {
            if rename(file.temporary.path, file.target.path) != 0 {
                let reason = String(cString: strerror(errno))
                for rest in staged[index...] { try? manager.removeItem(at: rest.temporary) }
                throw CatalogToolError(file: project.relativePath(file.target), "cannot write the file: \(reason)")
            }
            written.append(file.target)
        }
        return written
    }
}
