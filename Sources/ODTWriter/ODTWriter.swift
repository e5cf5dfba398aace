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

    /// The writer has no options: everything it needs is in the ``Document``.
    public init() {}

    /// The `.odt` package's bytes.
    ///
    /// - Throws: ``ODTWriterError`` when the document holds a value ODF cannot express,
    ///   such as a shading colour that is not six hex digits or a malformed creation date.
    public func write(_ document: Document) throws -> [UInt8] {
        do {
            return try ZipWriter.archive(try parts(of: document))
        } catch let error as ZipError {
            throw ODTWriterError(
                message: "Could not assemble the ODT package: \(error.message)",
                suggestion: "This is a bug in Formwright; please report it with the template that triggered it.")
        }
    }

    /// The package entries in archive order, before zipping. Useful to inspect one part
    /// without unzipping.
    public func parts(of document: Document) throws -> [ZipEntry] {
        let partNames = ["content.xml", "styles.xml", "meta.xml"]
        let xmlParts = [
            try contentXML(document),
            try stylesXML(document),
            try metaXML(document),
        ]
        var entries = [ZipEntry(path: "mimetype", data: Array(Self.mediaType.utf8), compression: .stored)]
        for (name, data) in zip(partNames, xmlParts) {
            entries.append(ZipEntry(path: name, data: data))
        }
        // Each picture once, named by its bytes; PNG and JPEG are compressed already.
        let pictures = document.pictures
        for picture in pictures {
            entries.append(ZipEntry(path: Self.picturePath(picture), data: picture.bytes, compression: .stored))
        }
        entries.append(ZipEntry(path: "META-INF/manifest.xml", data: manifestXML(
            parts: partNames.map { ($0, "text/xml") } + pictures.map { (Self.picturePath($0), $0.kind.mediaType) })))
        return entries
    }

    /// Where a picture is stored in the package: `Pictures/image-<hash>.png`.
    static func picturePath(_ picture: ImageData) -> String { "Pictures/" + picture.fileName }
}
