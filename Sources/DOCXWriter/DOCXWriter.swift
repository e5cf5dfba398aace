public import DocumentModel
import ZipSupport

/// Writes a ``Document`` as a WordprocessingML package (`.docx`, ECMA-376 transitional,
/// ISO/IEC 29500) with no extension markup, so Word and LibreOffice open it without
/// compatibility processing.
///
/// The output is deterministic: the same document always gives the same bytes
/// (fixed part order, fixed ZIP timestamps, ids assigned in document order, no
/// creation date unless ``Metadata/created`` is set).
///
/// ```swift
/// let doc = Document(metadata: Metadata(title: "Съгласие", language: LanguageTag("bg-BG")),
///                    body: [.heading(Heading(level: 1, [.text("Съгласие")]))])
/// let bytes = try DOCXWriter().write(doc)
/// ```
public struct DOCXWriter: DocumentWriter {
    /// A writer; it holds no state, so one value can serve any number of documents
    /// and tasks.
    public init() {}

    /// `docx`.
    public var fileExtension: String { "docx" }

    /// The package's bytes.
    ///
    /// - Throws: ``DOCXWriterError`` when the ZIP archive cannot be assembled.
    public func write(_ document: Document) throws -> [UInt8] {
        do {
            return try ZipWriter.archive(parts(of: document))
        } catch {
            throw DOCXWriterError(
                message: "cannot assemble the DOCX package: \(error.message)",
                part: nil,
                suggestion: "check that there is enough memory; this is not caused by the document's content")
        }
    }

    /// What `word/styles.xml` is made from: the same for every record of a template, so the
    /// part is built once (see ``PartCache``).
    struct StylesKey: Hashable, Sendable {
        let styles: StyleSheet
        let language: LanguageTag
        /// Whether the Hyperlink and footnote styles are needed: documents without keep
        /// the styles part they had.
        let hasLinks: Bool
        let hasFootnotes: Bool
    }

    static let stylesCache = PartCache<StylesKey>()

    /// What `word/numbering.xml` is made from: the lists' kinds and levels, and the font.
    struct NumberingKey: Hashable, Sendable {
        let plan: NumberingPlan
        let font: String
    }

    static let numberingCache = PartCache<NumberingKey>()

    /// Every part of the package, in the order they are stored.
    func parts(of document: Document) -> [ZipEntry] {
        var numbering = NumberingPlan()

        var body = BodyWriter(document: document, numbering: numbering)
        let documentXML = body.documentPart()
        numbering = body.numbering
        var nextDrawingID = body.nextDrawingID

        /// One part per header or footer, with the numbering and the drawing ids handed on;
        /// each part has its own relationships (pictures, links).
        struct Band {
            var xml: [UInt8]
            var images: [(id: String, target: String)]
            var links: [(id: String, url: String)]
        }
        func band(_ blocks: [Block]?, _ kind: BodyWriter.HeaderFooter) -> Band? {
            guard let blocks, !blocks.isEmpty || kind.isFirstPage else { return nil }
            var writer = BodyWriter(document: document, numbering: numbering, nextDrawingID: nextDrawingID)
            let xml = writer.headerFooterPart(kind, blocks: blocks)
            numbering = writer.numbering
            nextDrawingID = writer.nextDrawingID
            return Band(xml: xml, images: writer.imageRelationships, links: writer.hyperlinks)
        }
        let header = band(document.header, .header)
        let footer = band(document.footer, .footer)
        // A first page with a band of its own gets one even when it is empty: an empty first
        // header means "no header on page 1".
        let firstHeader = document.hasDistinctFirstPage ? band(document.firstPageHeader ?? document.header, .firstHeader) : nil
        let firstFooter = document.hasDistinctFirstPage ? band(document.firstPageFooter ?? document.footer, .firstFooter) : nil
        let bands = [("header1.xml", header), ("footer1.xml", footer), ("header2.xml", firstHeader), ("footer2.xml", firstFooter)]

        let notes = body.footnotes
        var footnotesXML: [UInt8]?
        var footnoteLinks: [(id: String, url: String)] = []
        if !notes.isEmpty {
            var writer = BodyWriter(document: document, numbering: numbering)
            footnotesXML = writer.footnotesPart(notes)
            footnoteLinks = writer.hyperlinks
        }
        let hasLinks = !body.hyperlinks.isEmpty || !footnoteLinks.isEmpty || bands.contains { !($0.1?.links.isEmpty ?? true) }

        let pictures = document.pictures
        var layout = PackageLayout(
            hasHeader: header != nil, hasFooter: footer != nil, hasFootnotes: footnotesXML != nil, hyperlinks: body.hyperlinks)
        layout.hasFirstHeader = firstHeader != nil
        layout.hasFirstFooter = firstFooter != nil
        for kind in [ImageData.Kind.png, .jpeg] where pictures.contains(where: { $0.kind == kind }) { layout.pictureKinds.append(kind) }
        var entries: [ZipEntry] = [
            ZipEntry(path: "[Content_Types].xml", data: Self.contentTypesPart(layout)),
            ZipEntry(path: "_rels/.rels", data: Self.packageRelationshipsPart()),
            ZipEntry(path: "docProps/core.xml", data: Self.corePropertiesPart(document.metadata)),
            ZipEntry(path: "docProps/app.xml", data: Self.appPropertiesPart(document.metadata)),
            ZipEntry(path: "word/document.xml", data: documentXML),
            ZipEntry(path: "word/styles.xml", data: Self.stylesCache.bytes(for: StylesKey(styles: document.styles, language: document.metadata.language, hasLinks: hasLinks, hasFootnotes: footnotesXML != nil)) {
                Self.stylesPart(document, hasLinks: hasLinks, hasFootnotes: footnotesXML != nil)
            }),
            ZipEntry(path: "word/numbering.xml", data: Self.numberingCache.bytes(for: NumberingKey(plan: numbering, font: document.styles.fontFamily)) {
                numbering.numberingPart(font: document.styles.fontFamily)
            }),
            ZipEntry(path: "word/settings.xml", data: Self.settingsPart(document, hasFootnotes: footnotesXML != nil)),
            ZipEntry(path: "word/fontTable.xml", data: Self.fontTablePart(document.styles.fontFamily)),
        ]
        for (part, band) in bands {
            if let band { entries.append(ZipEntry(path: "word/" + part, data: band.xml)) }
        }
        if let footnotesXML { entries.append(ZipEntry(path: "word/footnotes.xml", data: footnotesXML)) }
        entries.append(ZipEntry(path: "word/_rels/document.xml.rels", data: Self.documentRelationshipsPart(layout, images: body.imageRelationships)))
        // Each part with pictures or links has its own relationships.
        for (part, band) in bands {
            guard let band, !band.images.isEmpty || !band.links.isEmpty else { continue }
            entries.append(ZipEntry(path: "word/_rels/\(part).rels", data: Self.partRelationshipsPart(images: band.images, hyperlinks: band.links)))
        }
        if !footnoteLinks.isEmpty {
            entries.append(ZipEntry(path: "word/_rels/footnotes.xml.rels", data: Self.partRelationshipsPart(images: [], hyperlinks: footnoteLinks)))
        }
        // Each picture once, named by its bytes; PNG and JPEG are compressed already.
        for picture in pictures {
            entries.append(ZipEntry(path: Self.mediaPath(picture), data: picture.bytes, compression: .stored))
        }
        return entries
    }
}
