/// The bytes of a PNG or JPEG picture, checked and measured when it was read.
///
/// Two images with the same bytes are the same picture: writers store it once per
/// document under ``fileName``, which is derived from the bytes, so the same input
/// always gives the same package.
public struct ImageData: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case png, jpeg

        /// `image/png`, `image/jpeg`.
        public var mediaType: String { "image/\(rawValue)" }
        /// `png`, `jpeg`.
        public var fileExtension: String { self == .png ? "png" : "jpeg" }
    }

    public let kind: Kind
    public let bytes: [UInt8]
    public let pixelWidth: Int
    public let pixelHeight: Int

    /// The caller has checked the bytes (see `ImageFile` in the Template module, or ``init(checking:limits:)``).
    public init(kind: Kind, bytes: [UInt8], pixelWidth: Int, pixelHeight: Int) {
        precondition(pixelWidth > 0 && pixelHeight > 0, "an image has a size")
        self.kind = kind
        self.bytes = bytes
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        fileName = "image-" + String(repeating: "0", count: 16 - hex.count) + hex + "." + kind.fileExtension
    }

    /// `image-<16 hex digits of the bytes' FNV-1a hash>.png`: stable across runs and machines.
    /// Computed once, when the picture is made: writers ask for it at every place it is shown.
    public let fileName: String

    public static func == (a: ImageData, b: ImageData) -> Bool {
        a.fileName == b.fileName && a.kind == b.kind && a.pixelWidth == b.pixelWidth && a.pixelHeight == b.pixelHeight && a.bytes == b.bytes
    }

    /// The digest in ``fileName`` stands for the bytes: hashing a 16 MiB picture for every
    /// lookup of a cached part (the header with the logo) would cost more than the render.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fileName)
    }
}

/// A picture placed in the text: inline (``Inline/image(_:)``) or as a block of its own
/// (``Block/image(_:alignment:)``), at a size in the page's units.
public struct Image: Sendable, Hashable {
    public var data: ImageData
    public var width: Length
    public var height: Length
    /// Description for screen readers and for readers of the printed text's accessible PDF.
    public var alternativeText: String

    /// An image `width` and/or `height` wide; a missing one follows from the picture's
    /// aspect ratio, and with neither the picture is shown at 96 pixels per inch.
    public init(_ data: ImageData, width: Length? = nil, height: Length? = nil, alternativeText: String) {
        self.data = data
        self.alternativeText = alternativeText
        let ratio = Double(data.pixelHeight) / Double(data.pixelWidth)
        switch (width, height) {
        case let (w?, h?):
            self.width = w
            self.height = h
        case let (w?, nil):
            self.width = w
            self.height = Length(rounding: Double(w.hundredthsOfMillimetre) * ratio)
        case let (nil, h?):
            self.height = h
            self.width = Length(rounding: Double(h.hundredthsOfMillimetre) / ratio)
        case (nil, nil):
            self.width = Length(hundredthsOfMillimetre: data.pixelWidth * 2540 / 96)
            self.height = Length(hundredthsOfMillimetre: data.pixelHeight * 2540 / 96)
        }
    }

    /// English Metric Units (914 400 per inch, 360 000 per centimetre): DrawingML's unit.
    public static func emu(_ length: Length) -> Int { length.hundredthsOfMillimetre * 360 }
}

extension ImageData {
    /// Limits on the pictures Formwright reads (from data, template folders and letterheads).
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

    /// A picture that is not one, worded for the person who supplied it.
    public struct Problem: Error, Sendable, Hashable {
        public let message: String
        public let suggestion: String?

        public init(message: String, suggestion: String?) {
            self.message = message
            self.suggestion = suggestion
        }
    }

    /// Checks the bytes are a PNG or JPEG and reads its size in pixels.
    public init(checking bytes: [UInt8], limits: Limits = Limits()) throws(Problem) {
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
            guard let size = ImageData.jpegSize(bytes) else {
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
        self.init(kind: kind, bytes: bytes, pixelWidth: width, pixelHeight: height)
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

}
