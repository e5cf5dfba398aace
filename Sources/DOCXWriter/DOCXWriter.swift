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

        /// One part per header or footer, each with the numbering handed on.
        func band(_ blocks: [Block]?, _ kind: BodyWriter.HeaderFooter) -> [UInt8]? {
            guard let blocks, !blocks.isEmpty || kind.isFirstPage else { return nil }
            var writer = BodyWriter(document: document, numbering: numbering)
            let xml = writer.headerFooterPart(kind, blocks: blocks)
            numbering = writer.numbering
            return xml
        }
        let headerXML = band(document.header, .header)
        let footerXML = band(document.footer, .footer)
        // A first page with a band of its own gets one even when it is empty: an empty first
        // header means "no header on page 1".
        let firstHeaderXML = document.hasDistinctFirstPage ? band(document.firstPageHeader ?? document.header, .firstHeader) : nil
        let firstFooterXML = document.hasDistinctFirstPage ? band(document.firstPageFooter ?? document.footer, .firstFooter) : nil

        let layout = PackageLayout(
            hasHeader: headerXML != nil, hasFooter: footerXML != nil,
            hasFirstHeader: firstHeaderXML != nil, hasFirstFooter: firstFooterXML != nil)
        var entries: [ZipEntry] = [
            ZipEntry(path: "[Content_Types].xml", data: Self.contentTypesPart(layout)),
            ZipEntry(path: "_rels/.rels", data: Self.packageRelationshipsPart()),
            ZipEntry(path: "docProps/core.xml", data: Self.corePropertiesPart(document.metadata)),
            ZipEntry(path: "docProps/app.xml", data: Self.appPropertiesPart(document.metadata)),
            ZipEntry(path: "word/document.xml", data: documentXML),
            ZipEntry(path: "word/styles.xml", data: Self.stylesCache.bytes(for: StylesKey(styles: document.styles, language: document.metadata.language)) {
                Self.stylesPart(document)
            }),
            ZipEntry(path: "word/numbering.xml", data: Self.numberingCache.bytes(for: NumberingKey(plan: numbering, font: document.styles.fontFamily)) {
                numbering.numberingPart(font: document.styles.fontFamily)
            }),
            ZipEntry(path: "word/settings.xml", data: Self.settingsPart(document)),
            ZipEntry(path: "word/fontTable.xml", data: Self.fontTablePart(document.styles.fontFamily)),
        ]
        if let headerXML { entries.append(ZipEntry(path: "word/header1.xml", data: headerXML)) }
        if let footerXML { entries.append(ZipEntry(path: "word/footer1.xml", data: footerXML)) }
        if let firstHeaderXML { entries.append(ZipEntry(path: "word/header2.xml", data: firstHeaderXML)) }
        if let firstFooterXML { entries.append(ZipEntry(path: "word/footer2.xml", data: firstFooterXML)) }
        entries.append(ZipEntry(path: "word/_rels/document.xml.rels", data: Self.documentRelationshipsPart(layout)))
        return entries
    }
}
