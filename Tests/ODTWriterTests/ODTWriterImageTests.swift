import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing
import ZipSupport

/// Pictures: `draw:frame` in the body, a table cell, the header and the footer; each picture
/// stored once in `Pictures/` and listed in the manifest. Golden parts in `Golden/images/`;
/// re-record with `RECORD_GOLDEN=1 swift test --filter ODTWriterImageTests`.
@Suite struct ODTWriterImageTests {
    static let goldenDirectory = ODTWriterGoldenTests.goldenDirectory.appendingPathComponent("images")

    static var png: ImageData { get throws { try ImageData(checking: TestSupport.samplePNG) } }
    static var jpeg: ImageData { get throws { try ImageData(checking: TestSupport.sampleJPEG) } }

    /// A block image, an inline image with alt text to escape, images in both cells of a
    /// table, a list item that is a picture, a header image and a decorative footer image.
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

    @Test func imagePartsMatchGoldenFiles() throws {
        let bytes = try ODTWriter().write(try Self.document)
        let problems = try TestSupport.compareWithGolden(
            package: bytes, parts: ["content.xml", "styles.xml", "META-INF/manifest.xml"], directory: Self.goldenDirectory)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func eachPictureIsStoredOnceUncompressedAndListed() throws {
        let entries = try ZipReader.entries(of: try ODTWriter().write(try Self.document))
        let pictures = entries.filter { $0.path.hasPrefix("Pictures/") }
        let png = try Self.png, jpeg = try Self.jpeg
        #expect(pictures.map(\.path) == ["Pictures/" + png.fileName, "Pictures/" + jpeg.fileName])
        #expect(pictures.map(\.data) == [png.bytes, jpeg.bytes])
        #expect(pictures.allSatisfy { $0.compression == .stored })
        let manifest = try #require(entries.first { $0.path == "META-INF/manifest.xml" }).text
        #expect(manifest.contains("manifest:full-path=\"Pictures/\(png.fileName)\" manifest:media-type=\"image/png\""))
        #expect(manifest.contains("manifest:full-path=\"Pictures/\(jpeg.fileName)\" manifest:media-type=\"image/jpeg\""))
        let content = try #require(entries.first { $0.path == "content.xml" }).text
        #expect(content.components(separatedBy: "xlink:href=\"Pictures/\(png.fileName)\"").count - 1 == 4, "block, cell block, cell inline and list item")
        #expect(content.contains("svg:width=\"40mm\" svg:height=\"30mm\""), "4 × 3 pixels at 40 mm wide keep the aspect ratio")
        #expect(content.contains("<svg:desc>Stamp &amp; seal &lt;ok&gt;</svg:desc>"))
        #expect(!content.contains("svg:title"), "the alt text once, as the description")
    }

    @Test func sameDocumentGivesSameBytes() throws {
        #expect(try ODTWriter().write(try Self.document) == (try ODTWriter().write(try Self.document)))
    }

    @Test func documentWithoutImagesDeclaresNoDrawingNamespace() throws {
        let entries = try ODTWriter().parts(of: SampleDocuments.minimal)
        #expect(!(try #require(entries.first { $0.path == "content.xml" }).text.contains("xmlns:draw")))
        #expect(!entries.contains { $0.path.hasPrefix("Pictures/") })
    }

    @Test func imagesPassStrictValidation() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("images.odt")
        try Data(try ODTWriter().write(try Self.document)).write(to: file)
        let result = try TestSupport.runSharedTool("validate-odt", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }
}
