public import DocumentModel
public import Foundation
import XMLSupport
import ZipSupport

/// Reads an institution's letterhead — a `.docx` saved by Word or LibreOffice, or an `.odt`
/// saved by Writer — into a ``Letterhead``: its page size and margins, its header and footer
/// (and those of a different first page), and its base font.
///
/// Only the package's XML parts and pictures are read, with the bounded ZIP reader and the
/// safe XML reader; nothing in the file is run or followed outside it. What cannot be carried
/// over (text boxes, shapes, even-page headers, watermarks) is reported in
/// ``LetterheadDocument/warnings``, never silently dropped.
///
/// ```swift
/// let read = try LetterheadReader().read(contentsOf: URL(fileURLWithPath: "letterhead.docx"))
/// var document = try compiled.render(data)
/// read.letterhead.apply(to: &document)
/// for warning in read.warnings { print(warning) }
/// ```
public struct LetterheadReader: Sendable {
    /// Bounds on what one letterhead may make Formwright read.
    public struct Limits: Sendable, Hashable {
        /// The letterhead file itself.
        public var maxFileSize: Int
        /// All entries of the package together, uncompressed (a zip bomb stops here).
        public var maxPackageSize: Int
        public var maxEntries: Int
        /// One XML part, uncompressed.
        public var maxPartSize: Int
        /// Each picture.
        public var image: ImageData.Limits

        public init(
            maxFileSize: Int = 32 << 20, maxPackageSize: Int = 64 << 20, maxEntries: Int = 2_000, maxPartSize: Int = 16 << 20,
            image: ImageData.Limits = ImageData.Limits(maxBytes: 16 << 20, maxPixels: 40_000_000, maxSide: 20_000)
        ) {
            self.maxFileSize = maxFileSize
            self.maxPackageSize = maxPackageSize
            self.maxEntries = maxEntries
            self.maxPartSize = maxPartSize
            self.image = image
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) { self.limits = limits }

    /// Reads the letterhead file at `url`; `file` names it in errors and warnings (default: its path).
    public func read(contentsOf url: URL, file: String? = nil) throws(LetterheadError) -> LetterheadDocument {
        let name = file ?? url.path
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw LetterheadError(file: name, message: "no such letterhead file", suggestion: "give the path of a .docx or .odt file")
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw LetterheadError(file: name, message: "not a regular file", suggestion: "give the path of a .docx or .odt file")
        }
        guard Int(info.st_size) <= limits.maxFileSize else {
            throw LetterheadError(file: name, message: "the letterhead is \(info.st_size) bytes; the limit is \(limits.maxFileSize)",
                                  suggestion: "a letterhead needs only its header, footer and a logo: remove large pictures or embedded fonts")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LetterheadError(file: name, message: "cannot read the file", suggestion: nil)
        }
        return try read(Array(data), file: name)
    }

    /// Reads a letterhead from the bytes of a `.docx` or `.odt`; `file` names it in errors
    /// and decides the format by its extension.
    public func read(_ bytes: [UInt8], file: String) throws(LetterheadError) -> LetterheadDocument {
        let lower = file.lowercased()
        guard let format: LetterheadDocument.Format = lower.hasSuffix(".docx") ? .docx : lower.hasSuffix(".odt") ? .odt : nil else {
            throw LetterheadError(file: file, message: "a letterhead is a .docx or .odt file",
                                  suggestion: "save the letterhead from Word as Word Document (.docx) or from Writer as ODF Text Document (.odt)")
        }
        guard bytes.count <= limits.maxFileSize else {
            throw LetterheadError(file: file, message: "the letterhead is \(bytes.count) bytes; the limit is \(limits.maxFileSize)", suggestion: nil)
        }
        let package = try LetterheadPackage(bytes: bytes, file: file, format: format, limits: limits)
        switch format {
        case .docx:
            var reader = DOCXLetterheadReader(package: package)
            let letterhead = try reader.read()
            return LetterheadDocument(file: file, format: format, letterhead: letterhead, warnings: reader.warnings)
        case .odt:
            var reader = ODTLetterheadReader(package: package)
            let letterhead = try reader.read()
            return LetterheadDocument(file: file, format: format, letterhead: letterhead, warnings: reader.warnings)
        }
    }
}

/// A letterhead as read from its file, with what could not be carried over.
public struct LetterheadDocument: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable { case docx, odt }

    /// The file as named to the reader.
    public let file: String
    public let format: Format
    public let letterhead: Letterhead
    /// Parts of the letterhead left out or changed (a text box, an even-page header), in document order.
    public let warnings: [LetterheadWarning]
}

/// A letterhead that cannot be read, with the file (and the part and position in it) and what to do.
public struct LetterheadError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// The package part and position (`word/header2.xml 3:41`), when the problem is inside one.
    public let place: String?
    public let message: String
    public let suggestion: String?

    public init(file: String, place: String? = nil, message: String, suggestion: String?) {
        self.file = file
        self.place = place
        self.message = message
        self.suggestion = suggestion
    }

    public var description: String {
        var text = place.map { "\(file): \($0): error: \(message)" } ?? "\(file): error: \(message)"
        if let suggestion { text += "\n  hint: \(suggestion)" }
        return text
    }
}

/// Something in the letterhead that is not carried over as it is, and where it is.
public struct LetterheadWarning: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    /// The part and paragraph: `word/header1.xml, paragraph 2`, `styles.xml, first-page header, paragraph 1`.
    public let place: String
    public let message: String

    public init(file: String, place: String, message: String) {
        self.file = file
        self.place = place
        self.message = message
    }

    public var description: String { "\(file): \(place): \(message)" }
}
