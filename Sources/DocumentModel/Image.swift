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

    /// The caller has checked the bytes (see `ImageFile` in the Template module).
    public init(kind: Kind, bytes: [UInt8], pixelWidth: Int, pixelHeight: Int) {
        precondition(pixelWidth > 0 && pixelHeight > 0, "an image has a size")
        self.kind = kind
        self.bytes = bytes
        self.pixelWidth = pixelWidth
        self.pixelHeight = pixelHeight
    }

    /// `image-<16 hex digits of the bytes' FNV-1a hash>.png`: stable across runs and machines.
    public var fileName: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "image-" + String(repeating: "0", count: 16 - hex.count) + hex + "." + kind.fileExtension
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
            self.height = Length(hundredthsOfMillimetre: Int((Double(w.hundredthsOfMillimetre) * ratio).rounded()))
        case let (nil, h?):
            self.height = h
            self.width = Length(hundredthsOfMillimetre: Int((Double(h.hundredthsOfMillimetre) / ratio).rounded()))
        case (nil, nil):
            self.width = Length(hundredthsOfMillimetre: data.pixelWidth * 2540 / 96)
            self.height = Length(hundredthsOfMillimetre: data.pixelHeight * 2540 / 96)
        }
    }

    /// English Metric Units (914 400 per inch, 360 000 per centimetre): DrawingML's unit.
    public static func emu(_ length: Length) -> Int { length.hundredthsOfMillimetre * 360 }
}
