import DocumentModel
import Foundation
import LetterheadReader
import TestSupport
import ZipSupport

/// Where the letterheads the tests read are, and small packages built for one problem each.
enum LetterheadFixtures {
    static let bundled = TestSupport.repositoryRoot.appendingPathComponent("letterheads")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let wordSamples = TestSupport.sharedDirectory.appendingPathComponent("office-samples/word")

    static func read(_ url: URL) throws -> LetterheadDocument {
        try LetterheadReader().read(contentsOf: url, file: url.lastPathComponent)
    }

    /// Every paragraph's plain text in `blocks`, tables cell by cell, in order.
    static func texts(_ blocks: [Block]) -> [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .paragraph(let p): [p.content.plainText]
            case .table(let t): t.rows.flatMap { $0.cells.flatMap { texts($0.blocks) } }
            default: []
            }
        }
    }

    static func inlines(_ blocks: [Block]) -> [Inline] {
        blocks.flatMap { block -> [Inline] in
            switch block {
            case .paragraph(let p): p.content
            case .table(let t): t.rows.flatMap { $0.cells.flatMap { inlines($0.blocks) } }
            default: []
            }
        }
    }

    static func images(_ blocks: [Block]) -> [Image] {
        inlines(blocks).compactMap { if case .image(let image) = $0 { image } else { nil } }
    }

    static func fields(_ blocks: [Block]) -> [Field] {
        inlines(blocks).compactMap { if case .field(let f) = $0 { f } else { nil } }
    }

    /// A 1×1 PNG.
    static let png: [UInt8] = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!)

    static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\" xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""

    /// A Word package with one header part (`header`, the inside of `w:hdr`) and optional picture.
    static func docx(header: String, titlePage: Bool = false, picture: [UInt8]? = nil, omitHeaderPart: Bool = false, extra: [ZipEntry] = []) throws -> [UInt8] {
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(w)><w:body><w:p/><w:sectPr><w:headerReference w:type="default" r:id="rId1"/>\
            <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/>\
            \(titlePage ? "<w:titlePg/>" : "")</w:sectPr></w:body></w:document>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>
            """
        let headerRels = """
            <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.png"/></Relationships>
            """
        var entries = [
            ZipEntry(path: "[Content_Types].xml", data: Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ZipEntry(path: "word/document.xml", data: Array(document.utf8)),
            ZipEntry(path: "word/_rels/document.xml.rels", data: Array(rels.utf8)),
        ]
        if !omitHeaderPart {
            entries.append(ZipEntry(path: "word/header1.xml", data: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:hdr \(w)>\(header)</w:hdr>".utf8)))
            entries.append(ZipEntry(path: "word/_rels/header1.xml.rels", data: Array(headerRels.utf8)))
        }
        if let picture { entries.append(ZipEntry(path: "word/media/image1.png", data: picture)) }
        return try ZipWriter.archive(entries + extra)
    }

    /// An in-line picture of `rIdImg`, 30 × 15 mm.
    static let inlinePicture = """
        <w:r><w:drawing><wp:inline><wp:extent cx="1080000" cy="540000"/><wp:docPr id="1" name="Logo" descr="Logo of the institution"/>\
        <a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:blipFill><a:blip r:embed="rIdImg"/>\
        </pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>
        """

    static let o = "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""

    /// An OpenDocument package whose styles.xml has `masterStyles` and `automaticStyles`, and
    /// whose body's first paragraph has the automatic style `firstParagraphStyle` (in content.xml).
    static func odt(masterStyles: String, automaticStyles: String = "", contentStyles: String = "", firstParagraphStyle: String? = nil, extra: [ZipEntry] = []) throws -> [UInt8] {
        let styles = """
            <?xml version="1.0" encoding="UTF-8"?><office:document-styles \(o) office:version="1.3"><office:styles>\
            <style:default-style style:family="paragraph"><style:text-properties fo:font-size="12pt"/></style:default-style></office:styles>\
            <office:automatic-styles><style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" \
            fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2cm"/>\
            <style:header-style><style:header-footer-properties fo:min-height="1cm"/></style:header-style></style:page-layout>\(automaticStyles)</office:automatic-styles>\
            <office:master-styles>\(masterStyles)</office:master-styles></office:document-styles>
            """
        let content = """
            <?xml version="1.0" encoding="UTF-8"?><office:document-content \(o) office:version="1.3"><office:automatic-styles>\(contentStyles)</office:automatic-styles>\
            <office:body><office:text><text:p\(firstParagraphStyle.map { " text:style-name=\"\($0)\"" } ?? "")/></office:text></office:body></office:document-content>
            """
        return try ZipWriter.archive([
            ZipEntry(path: "mimetype", data: Array("application/vnd.oasis.opendocument.text".utf8), compression: .stored),
            ZipEntry(path: "styles.xml", data: Array(styles.utf8)),
            ZipEntry(path: "content.xml", data: Array(content.utf8)),
        ] + extra)
    }
}
