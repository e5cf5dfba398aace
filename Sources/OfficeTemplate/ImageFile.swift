public import Foundation
public import DocumentModel

/// A PNG or JPEG given by data (a `data:` URI) or named by data (a file in the template
/// folder), checked before it goes into a document: its kind from its bytes, its size in
/// pixels from its header, and limits on both.
public struct ImageFile: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case png, jpeg

        var mediaType: String { "image/\(rawValue)" }
        var fileExtension: String { self == .png ? "png" : "jpeg" }
    }

    public let kind: Kind
    public let bytes: [UInt8]
    public let width: Int
    public let height: Int

    /// Limits on images read from data.
    public typealias Limits = ImageData.Limits

    /// A problem with an image, worded for the person who supplied it.
    public struct Problem: Error, Sendable, Hashable {
        public let message: String
        public let suggestion: String?
    }

    /// Reads the image a data value gives: `data:image/png;base64,…`, or a path relative to
    /// `folder` (never outside it: no `..`, no absolute paths, no URLs, no symbolic links).
    public static func load(_ reference: String, folder: URL?, limits: Limits = Limits()) throws(Problem) -> ImageFile {
        if reference.hasPrefix("data:") {
            guard let comma = reference.firstIndex(of: ","), reference[..<comma].hasSuffix(";base64") else {
                throw Problem(message: "a data: URI must be base64 (data:image/png;base64,…)", suggestion: nil)
            }
            let payload = reference[reference.index(after: comma)...]
            guard payload.utf8.count / 4 * 3 <= limits.maxBytes else {
                throw Problem(message: "the image is larger than \(limits.maxBytes) bytes", suggestion: "use a smaller image")
            }
            guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters) else {
                throw Problem(message: "the data: URI is not valid base64", suggestion: nil)
            }
            return try parse(Array(data), limits: limits)
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
        return try parse(Array(data), limits: limits)
    }

    /// Checks the bytes are a PNG or JPEG and reads its size in pixels.
    public static func parse(_ bytes: [UInt8], limits: Limits = Limits()) throws(Problem) -> ImageFile {
        let data: ImageData
        do {
            data = try ImageData(checking: bytes, limits: limits)
        } catch {
            throw Problem(message: error.message, suggestion: error.suggestion)
        }
        return ImageFile(kind: data.kind == .png ? .png : .jpeg, bytes: bytes, width: data.pixelWidth, height: data.pixelHeight)
    }

    /// The largest size with the image's aspect ratio that fits in `width` × `height`.
    func fitted(width boxWidth: Double, height boxHeight: Double) -> (Double, Double) {
        let scale = min(boxWidth / Double(width), boxHeight / Double(height))
        return (Double(width) * scale, Double(height) * scale)
    }
}
