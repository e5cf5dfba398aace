import Foundation

/// Finds programs on `PATH`, the way a shell does.
enum ExecutableLocator {
    static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if name.contains("/") {
            return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
        }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") where !directory.isEmpty {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// A poppler tool (`pdftoppm`, `pdffonts`, `pdfinfo`), or an error naming the package.
    static func poppler(_ name: String) throws(OfficeConversionError) -> URL {
        guard let url = find(name) else {
            throw OfficeConversionError(.missingTool, "\(name) is not installed (it is not on PATH)",
                                        suggestion: "install poppler-utils: apt-get install poppler-utils")
        }
        return url
    }
}
