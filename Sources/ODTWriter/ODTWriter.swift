public import DocumentModel
import XMLSupport
public import ZipSupport

/// Writes a ``Document`` as an OpenDocument text file (`.odt`, ODF 1.3, plain conformance:
/// no LibreOffice extensions), so it opens in LibreOffice as a formal printed form.
///
/// The package holds, in this order: `mimetype` (stored), `content.xml`, `styles.xml`,
/// `meta.xml` and `META-INF/manifest.xml`. Style names are stable and nothing depends on
/// the clock, so the same document always gives the same bytes.
///
/// ```swift
/// let doc = Document(metadata: Metadata(title: "Съгласие", language: LanguageTag("bg-BG")),
///                    body: [.heading(Heading(level: 1, [.text("Съгласие")]))])
/// let bytes = try ODTWriter().write(doc)
/// ```
public struct ODTWriter: DocumentWriter {
    /// The media type stored in `mimetype` and on the manifest's root entry.
    public static let mediaType = "application/vnd.oasis.opendocument.text"

    /// The ODF version written on every part.
    public static let odfVersion = "1.3"

    /// `"odt"`.
    public var fileExtension: String { "odt" }

    /// `styles.xml` compressed once per style sheet, page plan and language: the same for
    /// every record of a template. Owned by this writer value, so keep one writer per compiled
    /// template (copies share it); nothing is kept process-wide.
    let styles = PrecompressedPartStore<StylesKey>()
    /// `meta.xml` and the manifest, compressed once when they repeat from one document to the next.
    let repeatedParts = PrecompressedPartStore<ZipEntry>()

    /// The writer has no options: everything it needs is in the ``Document``.
    public init() {}

    /// The `.odt` package's bytes.
    ///
    /// - Throws: ``ODTWriterError`` when the document holds a value ODF cannot express,
    ///   such as a shading colour that is not six hex digits or a malformed creation date.
    public func write(_ document: Document) throws -> [UInt8] {
        do {
            return try ZipWriter.archive(try items(of: document))
        } catch let error as ZipError {
            throw ODTWriterError(
                message: "Could not assemble the ODT package: \(error.message)",
                suggestion: "This is a bug in Formwright; please report it with the template that triggered it.")
        }
    }

    /// The package entries in archive order, before zipping. Useful to inspect one part
    /// without unzipping.
    public func parts(of document: Document) throws -> [ZipEntry] {
        try package(of: document).map { part in
            switch part {
            case .content(let entry), .other(let entry): entry
            case .precompressed(let part): part.entry
            }
        }
    }

    /// What ``write(_:)`` hands to libzip: `content.xml` streamed from the XML writer's
    /// buffer, `styles.xml` copied compressed from this writer's store.
    func items(of document: Document) throws -> [ZipItem] {
        try package(of: document).map { part in
            switch part {
            case .content(let entry): .stream(ZipStream(path: entry.path, chunksOf: entry.data, compression: entry.compression))
            case .other(let entry):
                if entry.compression == .deflated, let parts = try repeatedParts.repeated(entry) { .copy(entry.path, from: parts) } else { .entry(entry) }
            case .precompressed(let part): .copy(part.entry.path, from: part.compressed)
            }
        }
    }

    enum PackagePart {
        /// The document's body, large and different in every document.
        case content(ZipEntry)
        case precompressed(PrecompressedPartStore<StylesKey>.Part)
        case other(ZipEntry)
    }

    private func package(of document: Document) throws -> [PackagePart] {
        let partNames = ["content.xml", "styles.xml", "meta.xml"]
        var package: [PackagePart] = [
            .other(ZipEntry(path: "mimetype", data: Array(Self.mediaType.utf8), compression: .stored)),
            .content(ZipEntry(path: "content.xml", data: try contentXML(document))),
            .precompressed(try stylesPart(document)),
            .other(ZipEntry(path: "meta.xml", data: try metaXML(document))),
        ]
        // Each picture once, named by its bytes; PNG and JPEG are compressed already.
        let pictures = document.pictures
        for picture in pictures {
            package.append(.other(ZipEntry(path: Self.picturePath(picture), data: picture.bytes, compression: .stored)))
        }
        package.append(.other(ZipEntry(path: "META-INF/manifest.xml", data: manifestXML(
            parts: partNames.map { ($0, "text/xml") } + pictures.map { (Self.picturePath($0), $0.kind.mediaType) }))))
        return package
    }

    /// Where a picture is stored in the package: `Pictures/image-<hash>.png`.
    static func picturePath(_ picture: ImageData) -> String { "Pictures/" + picture.fileName }
}
