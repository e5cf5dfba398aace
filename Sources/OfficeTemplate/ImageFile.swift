public import Foundation

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
    public struct Limits: Sendable, Hashable {
        public var maxBytes: Int
        public var maxPixels: Int
        public var maxSide: Int

        public init(maxBytes: Int = 16 << 20, maxPixels: Int = 100_000_000, maxSide: Int = 30_000) {
            self.maxBytes = maxBytes
            self.maxPixels = maxPixels
            self.maxSide = maxSide
        }
    }

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
        guard bytes.count <= limits.maxBytes else {
            throw Problem(message: "the image is \(bytes.count) bytes; the limit is \(limits.maxBytes)", suggestion: "use a smaller image")
        }
        let kind: Kind, width: Int, height: Int
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), bytes[12..<16].elementsEqual(Array("IHDR".utf8)) {
            kind = .png
            width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            guard bytes.count >= 45, bytes.suffix(12).dropFirst(4).starts(with: Array("IEND".utf8)) else {
                throw Problem(message: "the PNG is truncated (it does not end with its IEND chunk)", suggestion: "save the image again")
            }
        } else if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 {
            kind = .jpeg
            guard let size = jpegSize(bytes) else {
                throw Problem(message: "the JPEG has no frame header (truncated or damaged)", suggestion: "save the image again")
            }
            (width, height) = size
        } else {
            let head = String(decoding: bytes.prefix(64), as: UTF8.self).lowercased()
            let what = head.contains("<svg") ? "an SVG drawing" : head.contains("<html") || head.contains("<!doctype") ? "an HTML page"
                : bytes.starts(with: Array("GIF8".utf8)) ? "a GIF" : bytes.starts(with: Array("%PDF".utf8)) ? "a PDF" : "not a PNG or JPEG image"
            throw Problem(message: "the image is \(what)", suggestion: "use a PNG or JPEG file")
        }
        guard width > 0, height > 0 else { throw Problem(message: "the image claims a size of \(width) × \(height) pixels", suggestion: nil) }
        guard width <= limits.maxSide, height <= limits.maxSide, width * height <= limits.maxPixels else {
            throw Problem(message: "the image claims \(width) × \(height) pixels, more than the limit", suggestion: "use an image of at most \(limits.maxSide) pixels a side")
        }
        return ImageFile(kind: kind, bytes: bytes, width: width, height: height)
    }

    /// Width and height from the first start-of-frame marker.
    static func jpegSize(_ b: [UInt8]) -> (Int, Int)? {
        var i = 2
        while i + 9 < b.count {
            guard b[i] == 0xFF else { return nil }
            let marker = b[i + 1]
            if marker == 0xFF { i += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { i += 2; continue }
            let length = Int(b[i + 2]) << 8 | Int(b[i + 3])
            guard length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), marker != 0xC4, marker != 0xC8, marker != 0xCC {
                return (Int(b[i + 7]) << 8 | Int(b[i + 8]), Int(b[i + 5]) << 8 | Int(b[i + 6]))
            }
            i += 2 + length
        }
        return nil
    }

    /// The largest size with the image's aspect ratio that fits in `width` × `height`.
    func fitted(width boxWidth: Double, height boxHeight: Double) -> (Double, Double) {
        let scale = min(boxWidth / Double(width), boxHeight / Double(height))
        return (Double(width) * scale, Double(height) * scale)
    }
}
