public import Foundation
public import DocumentModel

/// Reads the PNG or JPEG an image reference names: a `data:` URI (from data) or a file in
/// the template folder. Both kinds of template use it: `<image src="…">` in `template.xml`
/// and `{{ image … }}` in office templates.
///
/// A reference never reaches outside the folder: no `..`, no absolute paths, no URLs
/// (`file:`, `https:`), no symbolic links. The bytes are checked by
/// ``DocumentModel/ImageData/init(checking:limits:)`` (kind, size in pixels, limits).
///
/// ```swift
/// let logo = try ImageFile.load("assets/logo.png", folder: templateFolder)
/// logo.pixelWidth   // 200
/// ```
public enum ImageFile {
    /// Limits on the images read.
    public typealias Limits = ImageData.Limits

    /// A problem with an image, worded for the person who supplied it.
    public typealias Problem = ImageData.Problem

    /// Reads the image `reference` gives: `data:image/png;base64,…`, or a path relative to
    /// `folder`.
    public static func load(_ reference: String, folder: URL?, limits: Limits = Limits()) throws(Problem) -> ImageData {
        if reference.hasPrefix("data:") {
            guard let comma = reference.firstIndex(of: ","), reference[..<comma].hasSuffix(";base64") else {
                throw Problem(message: "a data: URI must be base64 (data:image/png;base64,…)", suggestion: nil)
            }
            let payload = reference[reference.index(after: comma)...]
            guard payload.utf8.count / 4 * 3 <= limits.maxBytes else {
                throw Problem(message: "the image is larger than \(limits.maxBytes) bytes", suggestion: "use a smaller image")
            }
            // Line breaks in the payload are allowed; a payload of nothing but other characters is not base64.
            guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters), !data.isEmpty else {
                throw Problem(message: "the data: URI is not valid base64", suggestion: nil)
            }
            return try ImageData(checking: Array(data), limits: limits)
        }
        let lower = reference.lowercased()
        if lower.contains("://") || lower.hasPrefix("file:") || lower.hasPrefix("http:") || lower.hasPrefix("https:") {
            throw Problem(message: "images are read from the template folder or from data: URIs, not from '\(reference.prefix(40))'",
                          suggestion: "put the file in the template folder and give its name, e.g. assets/logo.png")
        }
        guard let folder else {
            throw Problem(message: "this template has no folder to read '\(reference.prefix(60))' from", suggestion: "give the image as a data: URI")
        }
        let components = reference.split(separator: "/", omittingEmptySubsequences: false)
        guard !reference.isEmpty, !reference.hasPrefix("/"), !reference.contains("\\"), !reference.contains("\0"),
              components.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else {
            throw Problem(message: "'\(reference.prefix(60))' is not a file name inside the template folder",
                          suggestion: "give a path relative to the template folder without '..', e.g. assets/logo.png")
        }
        var url = folder
        for component in components {
            url = url.appendingPathComponent(String(component))
            var info = stat()
            guard lstat(url.path, &info) == 0 else {
                throw Problem(message: "no image '\(reference.prefix(60))' in the template folder", suggestion: nil)
            }
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw Problem(message: "'\(reference.prefix(60))' is a symbolic link; images are read only from files inside the template folder", suggestion: nil)
            }
        }
        var info = stat()
        guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw Problem(message: "'\(reference.prefix(60))' is not a regular file", suggestion: nil)
        }
        guard Int(info.st_size) <= limits.maxBytes else {
            throw Problem(message: "the image is \(info.st_size) bytes; the limit is \(limits.maxBytes)", suggestion: "use a smaller image")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Problem(message: "cannot read '\(reference.prefix(60))'", suggestion: nil)
        }
        return try ImageData(checking: Array(data), limits: limits)
    }
}
