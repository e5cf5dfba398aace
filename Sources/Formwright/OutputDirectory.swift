import Foundation

/// A folder Formwright writes into, held open by its descriptor, so that everything below it
/// is created, written, renamed and removed *relative to it*, never through a path that a
/// symbolic link could redirect.
///
/// The folder itself is the one the user named (`--out-dir`, or the folder of `-o`), links
/// included. Below it, no symbolic link is followed: a subfolder made by `--name` that is a
/// link (say to `/etc`) is refused, and only regular files are ever replaced or removed.
///
/// ```swift
/// let folder = try OutputDirectory(URL(fileURLWithPath: "out"))
/// let replaced = try folder.write(bytes, to: "BG-014/consent-bg.odt")
/// ```
final class OutputDirectory: Sendable {
    let url: URL
    private let descriptor: Int32

    init(_ url: URL) throws(FormwrightError) {
        self.url = url
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno == ENOENT ? "does not exist" : errno == ENOTDIR ? "is not a folder" : String(cString: strerror(errno))
            throw FormwrightError(.io, "cannot write in \(TemplatePackage.displayPath(url)): the folder \(reason)")
        }
        self.descriptor = descriptor
    }

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The folder `components` below this one, created when `create` (and missing); a
    /// component that is a symbolic link or not a folder is refused.
    func subdirectory(_ components: [String], create: Bool) throws(FormwrightError) -> OutputDirectory {
        var current = self
        for component in components {
            guard !component.isEmpty, component != ".", component != "..", !component.contains("/") else {
                throw FormwrightError(.usage, "cannot write in \(TemplatePackage.displayPath(url)): '\(component)' is not a folder name")
            }
            if create && mkdirat(current.descriptor, component, 0o755) != 0 && errno != EEXIST {
                throw FormwrightError(.io, "cannot create the folder \(component) in \(TemplatePackage.displayPath(current.url)): \(String(cString: strerror(errno)))")
            }
            let next = openat(current.descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard next >= 0 else {
                let path = TemplatePackage.displayPath(current.url.appendingPathComponent(component))
                if errno == ELOOP || errno == ENOTDIR {
                    throw FormwrightError(.io, "cannot write in \(path): it is a symbolic link or not a folder\n  hint: Formwright writes only inside the output folder and follows no link below it")
                }
                throw FormwrightError(.io, "cannot write in \(path): \(String(cString: strerror(errno)))")
            }
            current = OutputDirectory(url: current.url.appendingPathComponent(component), descriptor: next)
        }
        return current
    }

    /// What `name` is in this folder, without following a link: nil when it does not exist.
    func fileType(_ name: String) -> mode_t? {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Writes `bytes` to `relativePath` (folders separated by `/`, created as needed) through
    /// a temporary file renamed into place; returns whether a file was replaced.
    ///
    /// An existing target that is not a regular file — a folder, a device such as
    /// `/dev/full`, a symbolic link, a socket — is refused, never replaced.
    @discardableResult
    func write(_ bytes: [UInt8], to relativePath: String) throws(FormwrightError) -> Bool {
        var components = relativePath.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let name = components.popLast() else {
            throw FormwrightError(.usage, "cannot write in \(TemplatePackage.displayPath(url)): no file name")
        }
        let folder = try subdirectory(components, create: true)
        return try folder.writeFile(bytes, name: name)
    }

    private func writeFile(_ bytes: [UInt8], name: String) throws(FormwrightError) -> Bool {
        let shown = TemplatePackage.displayPath(url.appendingPathComponent(name))
        let existing = fileType(name)
        if let existing, existing != S_IFREG {
            let what = switch existing {
            case S_IFDIR: "a folder"
            case S_IFLNK: "a symbolic link"
            case S_IFCHR, S_IFBLK: "a device"
            default: "not a regular file"
            }
            throw FormwrightError(.io, "cannot write \(shown): it is \(what)\n  hint: Formwright replaces only regular files; choose another output name")
        }
        let temporary = ".\(name).\(getpid()).\(UUID().uuidString.prefix(8)).tmp"
        // Plain POSIX calls: Foundation's `createFile` would itself write through another
        // temporary file (`.dat.nosync…`), which a killed process could leave behind under a
        // name ``AtomicFile/removeStaleTemporaryFiles(in:)`` does not know.
        let file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw Self.writeError(shown, errno) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Foundation.write(file, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                let code = written == 0 ? ENOSPC : errno
                close(file)
                unlinkat(descriptor, temporary, 0)
                throw Self.writeError(shown, code)
            }
            offset += written
        }
        guard close(file) == 0 else {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw Self.writeError(shown, code)
        }
        if renameat(descriptor, temporary, descriptor, name) != 0 {
            let code = errno
            unlinkat(descriptor, temporary, 0)
            throw Self.writeError(shown, code)
        }
        return existing != nil
    }

    static func writeError(_ path: String, _ code: Int32) -> FormwrightError {
        let error = FormwrightError(.io, "cannot write \(path): \(String(cString: strerror(code)))")
        return code == ENOSPC || code == EDQUOT ? error.markingDiskFull() : error
    }

    /// Names in this folder (none of `.` and `..`).
    func entries() -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0, let stream = fdopendir(copy) else {
            if copy >= 0 { close(copy) }
            return []
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a regular file owned by this process's user; false when it is anything else.
    func removeRegularFile(_ name: String) -> Bool {
        var info = stat()
        guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0, info.st_mode & S_IFMT == S_IFREG,
            info.st_uid == geteuid()
        else { return false }
        return unlinkat(descriptor, name, 0) == 0
    }
}
