import DOCXWriter
import DocumentModel
import Foundation
import TestSupport
import Testing
import ZipSupport

/// Pictures: `w:drawing`/`wp:inline` in the body, a table cell, the header and the footer;
/// each picture stored once in `word/media/`, relationships allocated per part. Golden parts
/// in `Golden/images/`; re-record with `RECORD_GOLDEN=1 swift test --filter DOCXWriterImageTests`.
@Suite struct DOCXWriterImageTests {
    static let goldenDirectory = DOCXWriterGoldenTests.goldenDirectory.appendingPathComponent("images")

    static var png: ImageData { get throws { try ImageData(checking: TestSupport.samplePNG) } }
    static var jpeg: ImageData { get throws { try ImageData(checking: TestSupport.sampleJPEG) } }

    /// The same document as the ODT writer's image tests.
    static var document: Document {
        get throws {
            let logo = Image(try png, width: .mm(40), alternativeText: "Logo of the agency")
            return Document(
                metadata: Metadata(title: "Images", language: LanguageTag("en-GB")),
                header: [.image(Image(try png, height: .mm(12), alternativeText: "Logo"), alignment: .end)],
                footer: [.paragraph(Paragraph(
                    [.text("Page "), .field(.pageNumber), .text(" "), .image(Image(try jpeg, height: .mm(4), alternativeText: ""))],
                    style: .footer, alignment: .center))],
                body: [
                    .image(logo, alignment: .center),
                    .paragraph(Paragraph([.text("Signed "), .image(Image(try jpeg, width: .mm(20), alternativeText: "Stamp & seal <ok>")), .text(" here.")])),
                    .table(Table(columns: [.mm(50), .mm(120)], rows: [TableRow([
                        TableCell([.image(logo, alignment: .start)]),
                        TableCell([.paragraph(Paragraph([.text("In a cell "), .image(Image(try png, height: .mm(5), alternativeText: "logo"))]))]),
                    ])])),
                    .list(List(.bulleted, items: [ListItem([.image(Image(try png, height: .mm(5), alternativeText: "item"), alignment: .start)])])),
                ])
        }
    }

    static let parts = [
        "[Content_Types].xml", "word/document.xml", "word/header1.xml", "word/footer1.xml",
        "word/_rels/document.xml.rels", "word/_rels/header1.xml.rels", "word/_rels/footer1.xml.rels",
    ]

    @Test func imagePartsMatchGoldenFiles() throws {
        let package = try WrittenPackage(try Self.document)
        let problems = try TestSupport.compareWithGolden(package: package.bytes, parts: Self.parts, directory: Self.goldenDirectory)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func eachPictureIsStoredOnceWithItsContentType() throws {
        let package = try WrittenPackage(try Self.document)
        let png = try Self.png, jpeg = try Self.jpeg
        let media = package.entries.filter { $0.path.hasPrefix("word/media/") }
        #expect(media.map(\.path) == ["word/media/" + png.fileName, "word/media/" + jpeg.fileName])
        #expect(media.map(\.data) == [png.bytes, jpeg.bytes])
        #expect(media.allSatisfy { $0.compression == .stored })
        let types = try #require(package.text(of: "[Content_Types].xml"))
        #expect(types.contains("<Default Extension=\"png\" ContentType=\"image/png\"/>"))
        #expect(types.contains("<Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/>"))
    }

    @Test func relationshipsAreAllocatedPerPart() throws {
        let package = try WrittenPackage(try Self.document)
        let png = try Self.png, jpeg = try Self.jpeg
        let documentRels = try #require(package.text(of: "word/_rels/document.xml.rels"))
        #expect(documentRels.contains("Id=\"rIdImage1\" Type=\"\(Self.imageType)\" Target=\"media/\(png.fileName)\""))
        #expect(documentRels.contains("Id=\"rIdImage2\" Type=\"\(Self.imageType)\" Target=\"media/\(jpeg.fileName)\""))
        #expect(documentRels.components(separatedBy: "<Relationship ").count - 1 == 4 + 2 + 2, "4 fixed, header, footer, 2 pictures")
        let headerRels = try #require(package.text(of: "word/_rels/header1.xml.rels"))
        #expect(headerRels.contains("Id=\"rIdImage1\" Type=\"\(Self.imageType)\" Target=\"media/\(png.fileName)\""))
        let footerRels = try #require(package.text(of: "word/_rels/footer1.xml.rels"))
        #expect(footerRels.contains("Id=\"rIdImage1\" Type=\"\(Self.imageType)\" Target=\"media/\(jpeg.fileName)\""))
        #expect(try #require(package.text(of: "word/footer1.xml")).contains("<a:blip r:embed=\"rIdImage1\"/>"))
    }

    @Test func drawingIDsAreUniqueInThePackage() throws {
        let package = try WrittenPackage(try Self.document)
        var ids: [String] = []
        for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
            let text = try #require(package.text(of: part))
            ids += text.matches(of: #/<wp:docPr id="(\d+)"/#).map { String($0.output.1) }
        }
        #expect(ids == ["1", "2", "3", "4", "5", "6", "7"])
        let document = try #require(package.text(of: "word/document.xml"))
        #expect(document.contains("<wp:extent cx=\"1440000\" cy=\"1080000\"/>"), "40 × 30 mm in EMU")
        #expect(document.contains("descr=\"Stamp &amp; seal &lt;ok&gt;\""))
        #expect(!(try #require(package.text(of: "word/footer1.xml")).contains("descr=")), "a decorative picture has no description")
    }

    @Test func sameDocumentGivesSameBytes() throws {
        #expect(try DOCXWriter().write(try Self.document) == (try DOCXWriter().write(try Self.document)))
    }

    @Test func imagesPassStrictValidation() throws {
        let file = try WrittenPackage(try Self.document).save(named: "images")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try TestSupport.runSharedTool("validate-docx", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }

    static let imageType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
}
