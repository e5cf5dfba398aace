import DocumentModel
import Foundation
import Localization
import Testing
import TemplateData
@testable import Template

/// `<image>`: where it may stand, how `src`, sizes and alt text are read, and the located
/// errors for everything refused.
@Suite struct ImageTemplateTests {
    /// A 4 × 3 pixel PNG.
    static let png = Array(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFElEQVR42mM8ISfHAANMDEgAhQMAJtoBCpDU3DQAAAAASUVORK5CYII=")!)
    static var pngURI: String { "data:image/png;base64," + Data(png).base64EncodedString() }

    /// A template folder holding `assets/logo.png`; remove it when done.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("formwright-image-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data(png).write(to: url.appendingPathComponent("assets/logo.png"))
        return url
    }

    static func parse(_ body: String, folder: URL?, imageLimits: ImageData.Limits = .init()) throws -> TemplateDefinition {
        let source = """
            <document xmlns="urn:formwright:template:1" id="t">
            <body>
            \(body)
            </body>
            </document>
            """
        return try TemplateParser.parse(source: Array(source.utf8), file: "t/template.xml", folder: folder, imageLimits: imageLimits)
    }

    static func render(_ body: String, data: Value = [:], limits: RenderLimits = .init()) throws -> Document {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let definition = try parse(body, folder: folder)
        return try CompiledTemplate(definition, locale: .en, catalogs: CatalogSet(catalogs: []), limits: limits).render(data)
    }

    static func errors(_ body: String, imageLimits: ImageData.Limits = .init()) throws -> [TemplateError] {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            _ = try parse(body, folder: folder, imageLimits: imageLimits)
            return []
        } catch let error as TemplateErrors {
            return error.errors
        }
    }

    static func renderErrors(_ body: String, data: Value, limits: RenderLimits = .init()) throws -> [TemplateError] {
        do {
            _ = try render(body, data: data, limits: limits)
            return []
        } catch let error as TemplateErrors {
            return error.errors
        }
    }

    @Test func blockImageFromTheTemplateFolderKeepsItsAspectRatio() throws {
        let doc = try Self.render(#"<image src="assets/logo.png" width="40mm" align="center" alt="Logo of the agency"/>"#)
        guard case .image(let image, let alignment) = try #require(doc.body.first) else { Issue.record("\(doc.body)"); return }
        #expect(alignment == .center)
        #expect(image.width == .mm(40) && image.height == .mm(30))
        #expect(image.alternativeText == "Logo of the agency")
        #expect(image.data.bytes == Self.png && image.data.pixelWidth == 4 && image.data.pixelHeight == 3)
    }

    @Test func inlineImagesInParagraphsHeadingsAndCells() throws {
        let doc = try Self.render("""
            <h1>Title <image src="assets/logo.png" height="6mm" alt=""/></h1>
            <p>Signed <image src="assets/logo.png" height="3cm" alt="stamp"/> here</p>
            <table><row><cell>In the cell <image src="assets/logo.png" width="8mm" alt="a"/></cell><cell><image src="assets/logo.png" align="end" alt="b"/></cell></row></table>
            """)
        guard case .heading(let heading) = doc.body[0], case .paragraph(let p) = doc.body[1], case .table(let table) = doc.body[2] else {
            Issue.record("\(doc.body)"); return
        }
        guard case .image(let small) = heading.content.last else { Issue.record("\(heading.content)"); return }
        #expect(small.height == .mm(6) && small.width == .mm(8))
        #expect(p.content.plainText == "Signed [stamp] here")
        guard case .paragraph(let cellText) = table.rows[0].cells[0].blocks.first else { Issue.record("\(table)"); return }
        #expect(cellText.content.plainText == "In the cell [a]", "without align the image sits in the cell's line")
        guard case .image(let blockImage, .end) = table.rows[0].cells[1].blocks.first else { Issue.record("\(table)"); return }
        #expect(blockImage.width == Length(hundredthsOfMillimetre: 4 * 2540 / 96), "no size: 96 pixels per inch")
    }

    @Test func imagesInHeaderFooterSectionsAndListItems() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = """
            <document xmlns="urn:formwright:template:1" id="t">
            <header><image src="assets/logo.png" height="10mm" align="end" alt="Logo"/></header>
            <footer><p><page-number/> <image src="assets/logo.png" height="3mm" alt=""/></p></footer>
            <body><section><image src="assets/logo.png" alt="s"/></section><ul><li><image src="assets/logo.png" align="start" alt="l"/></li></ul></body>
            </document>
            """
        let definition = try TemplateParser.parse(source: Array(source.utf8), file: "t/template.xml", folder: folder)
        let doc = try CompiledTemplate(definition, locale: .en, catalogs: CatalogSet(catalogs: [])).render([:])
        #expect(doc.header.hasImages && doc.footer.hasImages)
        #expect(doc.pictures.count == 1, "one picture, shown four times")
        guard case .image(_, .start) = doc.body[0], case .list(let list) = doc.body[1], case .image = list.items[0].blocks[0] else {
            Issue.record("\(doc.body)"); return
        }
    }

    @Test func sourceFromDataAndAltTextFromAMessage() throws {
        let body = """
            <p each="p in people">{p.name}: <image src="{p.photo}" width="4mm" alt="Photo of {p.name}"/></p>
            <image src="{logo}" alt=""><alt><t id="img.logo">Logo of the agency</t></alt></image>
            """
        let errors = try Self.errors(body)
        #expect(errors.map(\.code) == ["template.image-alt"], "alt twice")

        let doc = try Self.render("""
            <p each="p in people">{p.name}: <image src="{p.photo}" width="4mm" alt="Photo of {p.name}"/></p>
            <image src="{logo}"><alt><t id="img.logo">Logo of the agency</t></alt></image>
            """, data: ["people": [["name": "Ana", "photo": .string(Self.pngURI)], ["name": "Ion"]], "logo": "assets/logo.png"])
        #expect(doc.body.count == 3)
        guard case .paragraph(let ana) = doc.body[0], case .paragraph(let ion) = doc.body[1], case .image(let logo, _) = doc.body[2] else {
            Issue.record("\(doc.body)"); return
        }
        #expect(ana.content.plainText == "Ana: [Photo of Ana]")
        #expect(ion.content.plainText == "Ion:", "no photo in the data: no picture")
        #expect(logo.alternativeText == "Logo of the agency")
    }

    @Test func directivesOnTheImageItself() throws {
        let doc = try Self.render(
            #"<image each="p in people" if="p.photo" src="{p.photo}" width="5mm" alt="{p.name}"/><p>x <image if="false" src="assets/logo.png" alt=""/></p>"#,
            data: ["people": [["name": "Ana", "photo": .string(Self.pngURI)], ["name": "Ion"], ["name": "Eva", "photo": "assets/logo.png"]]])
        let alts = doc.body.compactMap { block -> String? in if case .image(let image, _) = block { image.alternativeText } else { nil } }
        #expect(alts == ["Ana", "Eva"])
        guard case .paragraph(let p) = doc.body.last else { Issue.record("\(doc.body)"); return }
        #expect(p.content.plainText == "x")
    }

    @Test func aPictureWithoutASizeIsNeverWiderThanTheText() throws {
        // 4 × 3 px claimed as 4000 × 3000: the header says so; the writers never decode pixels.
        var wide = Self.png
        wide.replaceSubrange(16..<24, with: [0, 0, 0x0F, 0xA0, 0, 0, 0x0B, 0xB8])
        let uri = "data:image/png;base64," + Data(wide).base64EncodedString()
        let doc = try Self.render(#"<image src="{photo}" alt="x"/>"#, data: ["photo": .string(uri)])
        guard case .image(let image, _) = try #require(doc.body.first) else { Issue.record("\(doc.body)"); return }
        #expect(image.width == .mm(170) && image.height == Length(hundredthsOfMillimetre: 12750), "A4 less 20 mm margins, 4:3 kept")
    }

    @Test func imageDataPathsAreListed() throws {
        let definition = try Self.parse(#"<p each="p in people"><image src="{p.photo}" alt="{p.name}"/></p>"#, folder: nil)
        let paths = DataPathUse.paths(in: definition.expressionUses).map(\.dotted)
        #expect(paths.contains("people[].photo") && paths.contains("people[].name"), "\(paths)")
    }

    @Test(arguments: [
        (#"<image src="assets/logo.png"/>"#, "template.image-alt", 3, "alt=\"\" marks a decoration"),
        (#"<image alt="x"/>"#, "template.image-src", 3, "src=\"assets/logo.png\""),
        (#"<image src="assets/logo.png" width="wide" alt="x"/>"#, "template.length", 3, "25mm"),
        (#"<image src="assets/logo.png" width="0mm" alt="x"/>"#, "template.length", 3, "more than 0"),
        (#"<image src="assets/logo.png" align="justify" alt="x"/>"#, "template.align", 3, "start, center or end"),
        (#"<p>a <image src="assets/logo.png" align="center" alt="x"/></p>"#, "template.image-align", 3, "on its own"),
        (#"<image src="assets/logo.png" alt="x" size="3"/>"#, "template.unknown-attribute", 3, "attributes of <image>"),
        (#"<image src="assets/none.png" alt="x"/>"#, "template.image", 3, "no image 'assets/none.png' in the template folder"),
        (#"<image src="../../etc/passwd" alt="x"/>"#, "template.image", 3, "without '..'"),
        (#"<image src="/etc/passwd" alt="x"/>"#, "template.image", 3, "without '..'"),
        (#"<image src="file:///etc/passwd" alt="x"/>"#, "template.image", 3, "put the file in the template folder"),
        (#"<image src="https://example.org/logo.png" alt="x"/>"#, "template.image", 3, "put the file in the template folder"),
    ])
    func refusedWhenParsedWithItsPlace(_ body: String, code: String, line: Int, hint: String) throws {
        let errors = try Self.errors(body)
        #expect(errors.map(\.code) == [code], "\(errors)")
        #expect(errors.first?.line == line)
        #expect(errors.first?.description.contains(hint) == true, "\(errors)")
    }

    @Test func literalSourceIsLocatedAtTheAttributeValue() throws {
        let errors = try Self.errors(#"<p>x</p> <image alt="x" src="missing.png"/>"#)
        let error = try #require(errors.first)
        #expect(error.message == "image 'missing.png': no image 'missing.png' in the template folder")
        #expect(error.line == 3 && error.column == 30, "the value of src")
    }

    @Test func tooLargeNamesTheFlag() throws {
        var limits = ImageData.Limits()
        limits.maxBytes = 50
        let errors = try Self.errors(#"<image src="assets/logo.png" alt="x"/>"#, imageLimits: limits)
        #expect(errors.first?.description.contains("the limit is 50") == true, "\(errors)")
        #expect(errors.first?.suggestion?.contains("Limits.maxImageSize") == true)
    }

    @Test(arguments: [
        ("data:image/png,hello", "must be base64"),
        ("data:image/png;base64,@@@@", "not valid base64"),
        ("data:image/png;base64," + Data(png.prefix(40)).base64EncodedString(), "the PNG is truncated"),
        ("data:image/png;base64," + Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).base64EncodedString(), "an SVG drawing"),
        ("../template.xml", "is not a file name inside the template folder"),
        ("https://example.org/x.png", "not from 'https://example.org/x.png'"),
    ])
    func refusedWhenRenderedWithTheTemplatePlace(_ reference: String, expected: String) throws {
        let errors = try Self.renderErrors(#"<p>x</p><image src="{child.photo}" alt="x"/>"#, data: ["child": ["photo": .string(reference)]])
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.code == "render.image")
        #expect(error.message.contains(expected), "\(error.message)")
        #expect(error.message.contains("of 'child.photo'"), "\(error.message)")
        #expect(error.line == 3 && error.sourceLine?.contains("<image") == true)
    }

    @Test func imagesPerDocumentAreLimited() throws {
        var limits = RenderLimits()
        limits.maxImages = 3
        let items: Value = .array(Array(repeating: "x", count: 5))
        let errors = try Self.renderErrors(#"<p each="i in items"><image src="assets/logo.png" alt="{i}"/></p>"#, data: ["items": items], limits: limits)
        #expect(errors.map(\.code) == ["limit.images"], "\(errors)")
        #expect(errors.first?.suggestion?.contains("Limits.maxImages") == true)
        limits.maxImages = 5
        #expect(try Self.renderErrors(#"<p each="i in items"><image src="assets/logo.png" alt="{i}"/></p>"#, data: ["items": items], limits: limits).isEmpty)
    }
}
