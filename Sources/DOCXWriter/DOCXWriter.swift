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
    /// `word/styles.xml`, `word/numbering.xml`, the font table and the package relationships,
    /// compressed once per key: the same for every record of a template. Owned by this writer
    /// value, so keep one writer per compiled template (copies share them); nothing is kept
    /// process-wide.
    let styles = PrecompressedPartStore<StylesKey>()
    let numberingParts = PrecompressedPartStore<NumberingKey>()
    let fixedParts = PrecompressedPartStore<FixedPart>()
    /// Content types, properties, settings: compressed once when they repeat from one document to the next.
    let repeatedParts = PrecompressedPartStore<ZipEntry>()

    /// A writer. Its only state is the parts it compressed once, so one value can serve any
    /// number of documents and tasks.
    public init() {}

    /// `docx`.
    public var fileExtension: String { "docx" }

    /// The package's bytes.
    ///
    /// - Throws: ``DOCXWriterError`` when the ZIP archive cannot be assembled.
    public func write(_ document: Document) throws -> [UInt8] {
        do {
            return try ZipWriter.archive(items(of: document))
        } catch let error as ZipError {
            throw DOCXWriterError(
                message: "cannot assemble the DOCX package: \(error.message)",
                part: nil,
                suggestion: "check that there is enough memory; this is not caused by the document's content")
        }
    }

    /// The package entries in archive order, before zipping: one part can be inspected
    /// without unzipping.
    func parts(of document: Document) throws -> [ZipEntry] {
        try package(of: document).map { part in
            switch part {
            case .content(let entry), .other(let entry): entry
            case .precompressed(let entry, _): entry
            }
        }
    }

    /// What ``write(_:)`` hands to libzip: `word/document.xml` streamed from the XML writer's
    /// buffer, the template's fixed parts copied compressed from this writer's stores.
    func items(of document: Document) throws -> [ZipItem] {
        try package(of: document).map { part in
            switch part {
            case .content(let entry): .stream(ZipStream(path: entry.path, chunksOf: entry.data, compression: entry.compression))
            case .other(let entry):
                if entry.compression == .deflated, let parts = try repeatedParts.repeated(entry) { .copy(entry.path, from: parts) } else { .entry(entry) }
            case .precompressed(let entry, let parts): .copy(entry.path, from: parts)
            }
        }
    }

    enum PackagePart {
        /// The document's body, large and different in every document.
        case content(ZipEntry)
        case precompressed(ZipEntry, PrecompressedParts)
        case other(ZipEntry)

        init<Key>(_ part: PrecompressedPartStore<Key>.Part) { self = .precompressed(part.entry, part.compressed) }
    }

    /// The parts that depend on nothing but the font.
    enum FixedPart: Hashable, Sendable {
        case fontTable(font: String)
        case packageRelationships
    }

    /// What `word/styles.xml` is made from: the same for every record of a template, so the
    /// part is built and compressed once per writer (see ``PrecompressedPartStore``).
    struct StylesKey: Hashable, Sendable {
        let styles: StyleSheet
        let language: LanguageTag
        /// Whether the Hyperlink and footnote styles are needed: documents without keep
        /// the styles part they had.
        let hasLinks: Bool
        let hasFootnotes: Bool
    }

    /// What `word/numbering.xml` is made from: the lists' kinds and levels, and the font.
    struct NumberingKey: Hashable, Sendable {
        let plan: NumberingPlan
        let font: String
    }

    /// Every part of the package, in the order they are stored.
    private func package(of document: Document) throws -> [PackagePart] {
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
        let font = document.styles.fontFamily
        var entries: [PackagePart] = [
            .other(ZipEntry(path: "[Content_Types].xml", data: Self.contentTypesPart(layout))),
            PackagePart(try fixedParts.part(for: .packageRelationships) { ZipEntry(path: "_rels/.rels", data: Self.packageRelationshipsPart()) }),
            .other(ZipEntry(path: "docProps/core.xml", data: Self.corePropertiesPart(document.metadata))),
            .other(ZipEntry(path: "docProps/app.xml", data: Self.appPropertiesPart(document.metadata))),
            .content(ZipEntry(path: "word/document.xml", data: documentXML)),
            PackagePart(try styles.part(for: StylesKey(styles: document.styles, language: document.metadata.language, hasLinks: hasLinks, hasFootnotes: footnotesXML != nil)) {
                ZipEntry(path: "word/styles.xml", data: Self.stylesPart(document, hasLinks: hasLinks, hasFootnotes: footnotesXML != nil))
            }),
            PackagePart(try numberingParts.part(for: NumberingKey(plan: numbering, font: font)) {
                ZipEntry(path: "word/numbering.xml", data: numbering.numberingPart(font: font))
            }),
            .other(ZipEntry(path: "word/settings.xml", data: Self.settingsPart(document, hasFootnotes: footnotesXML != nil))),
            PackagePart(try fixedParts.part(for: .fontTable(font: font)) { ZipEntry(path: "word/fontTable.xml", data: Self.fontTablePart(font)) }),
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

extension [DOCXWriter.PackagePart] {
    /// A part built for this document alone.
    fileprivate mutating func append(_ entry: ZipEntry) { append(.other(entry)) }
}
