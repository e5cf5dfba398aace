import Foundation
import Localization
import OfficeTemplate
import Template
import TemplateData
import TestSupport
import Testing
import ZipSupport

@Suite("Pictures filled from data")
struct ImageTests {
    /// Word's sample with two pictures; the second (1139868 × 1626212 EMU) gets the tag in its alt text.
    static func template(folder: URL? = nil, alt: String = "Logo of the institution {{ image institution.logo }}") throws -> OfficeTemplate {
        let bytes = try Fixture.patched("having-images.docx", [("<wp:docPr id=\"2\" name=\"Picture 2\"/>", "<wp:docPr id=\"2\" name=\"Picture 2\" descr=\"\(alt)\"/>")])
        return try OfficeTemplate(bytes: bytes, file: "template.docx", id: "test", schemaFile: nil, folder: folder)
    }

    static func render(_ template: OfficeTemplate, logo: String?) throws -> [String: [UInt8]] {
        let compiled = try template.compile(locale: .en, catalogs: try Fixture.catalogs())
        let json = logo.map { #"{"institution": {"logo": "\#($0)"}}"# } ?? "{}"
        var parts: [String: [UInt8]] = [:]
        for entry in try ZipReader.entries(of: try compiled.render(try Fixture.data(json))) { parts[entry.path] = entry.data }
        return parts
    }

    @Test("a data: URI picture replaces the placeholder, scaled into its box with its aspect ratio")
    func dataURI() throws {
        let logo = try Fixture.logo
        let parts = try Self.render(try Self.template(), logo: "data:image/png;base64," + Data(logo).base64EncodedString())
        #expect(parts["word/media/formwright-image-1.png"] == logo, "same image, same bytes")
        let document = String(decoding: parts["word/document.xml"]!, as: UTF8.self)
        let relationships = String(decoding: parts["word/_rels/document.xml.rels"]!, as: UTF8.self)
        #expect(relationships.contains("<Relationship Id=\"rIdFormwrightImage1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/formwright-image-1.png\"/>"))
        #expect(document.contains("<a:blip r:embed=\"rIdFormwrightImage1\">"))
        #expect(document.contains("<a:blip r:embed=\"rId7\">"), "the other picture is untouched")
        // 200 × 240 px into 1139868 × 1626212 EMU: the width fills the box.
        #expect(document.contains("<wp:extent cx=\"1139868\" cy=\"1367842\"/>"))
        #expect(document.contains("<a:ext cx=\"1139868\" cy=\"1367842\"/>"))
        #expect(document.contains("descr=\"Logo of the institution\""), "the tag leaves the alt text")
    }

    @Test("no image in the data keeps the template's picture")
    func placeholderKept() throws {
        let parts = try Self.render(try Self.template(), logo: nil)
        let document = String(decoding: parts["word/document.xml"]!, as: UTF8.self)
        #expect(document.contains("<a:blip r:embed=\"rId8\">"))
        #expect(document.contains("<wp:extent cx=\"1139868\" cy=\"1626212\"/>"))
        #expect(!parts.keys.contains { $0.contains("formwright-image") })
    }

    @Test("a file named by data is read from the template folder; the result validates and opens")
    func fileInFolder() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data(try Fixture.logo).write(to: dir.appendingPathComponent("assets/logo.png"))
        let compiled = try Self.template(folder: dir).compile(locale: .en, catalogs: try Fixture.catalogs())
        let file = dir.appendingPathComponent("out.docx")
        try Data(try compiled.render(try Fixture.data(#"{"institution": {"logo": "assets/logo.png"}}"#))).write(to: file)
        // Word's sample already has errors of its own (a14 extensions): the output adds none.
        let original = dir.appendingPathComponent("template.docx")
        try Data(try Fixture.patched("having-images.docx", [])).write(to: original)
        func problems(_ url: URL) throws -> Set<String> {
            let output = try TestSupport.runSharedTool("validate-docx", [url.path]).output
            // Compared by element path and message: the positions move when the XML does.
            return Set(output.split(separator: "\n").map { $0.replacingOccurrences(of: url.path, with: "").replacing(#/line \d+:\d+ /#, with: "").trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("OK") && !$0.hasPrefix("FAIL") })
        }
        let added = try problems(file).subtracting(try problems(original))
        #expect(added.isEmpty, "\(added)")
        let roundtrip = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", dir.path])
        #expect(roundtrip.status == 0, "\(roundtrip.output)")
    }

    static let hostile: [(name: String, value: @Sendable (URL) throws -> String, expected: String)] = [
        ("parent folder", { _ in "../../etc/passwd" }, "is not a file name inside the template folder"),
        ("absolute path", { _ in "/etc/passwd" }, "is not a file name inside the template folder"),
        ("file URL", { _ in "file:///etc/passwd" }, "not from 'file:///etc/passwd'"),
        ("https URL", { _ in "https://example.org/logo.png" }, "not from 'https://example.org/logo.png'"),
        ("missing file", { _ in "assets/none.png" }, "no image 'assets/none.png' in the template folder"),
        ("symbolic link", { dir in
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("link.png").path, withDestinationPath: "/etc/hostname")
            return "link.png"
        }, "is a symbolic link"),
        ("SVG renamed", { dir in
            try Data("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: dir.appendingPathComponent("x.png"))
            return "x.png"
        }, "the image is an SVG drawing"),
        ("HTML renamed", { dir in
            try Data("<!DOCTYPE html><html><body>x</body></html>".utf8).write(to: dir.appendingPathComponent("x.png"))
            return "x.png"
        }, "the image is an HTML page"),
        ("truncated PNG", { _ in "data:image/png;base64," + Data(try Fixture.logo.prefix(300)).base64EncodedString() }, "the PNG is truncated"),
        ("PNG claiming 100000 × 100000 pixels", { _ in
            var png = try Fixture.logo
            png.replaceSubrange(16..<24, with: [0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0])
            return "data:image/png;base64," + Data(png).base64EncodedString()
        }, "claims 100000 × 100000 pixels"),
        ("JPEG without a frame", { _ in "data:image/jpeg;base64," + Data([0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10] + Array(repeating: 0, count: 14) + [0xFF, 0xD9]).base64EncodedString() }, "the JPEG has no frame header"),
        ("not base64", { _ in "data:image/png,hello" }, "must be base64"),
    ]

    @Test("hostile images are refused with a located error and no document", arguments: hostile)
    func refused(_ fixture: (name: String, value: @Sendable (URL) throws -> String, expected: String)) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let compiled = try Self.template(folder: dir).compile(locale: .en, catalogs: try Fixture.catalogs())
        let value = try fixture.value(dir)
        let json = try JSONSerialization.data(withJSONObject: ["institution": ["logo": value]])
        do {
            _ = try compiled.render(try DataLoader().load(Array(json), path: "data.json", format: .json).value)
            Issue.record("\(fixture.name): expected an error")
        } catch let error as TemplateErrors {
            #expect(error.description.contains(fixture.expected), "\(fixture.name): \(error.description)")
            #expect(error.description.contains("word/document.xml, picture 'Picture 2'"), "\(error.description)")
        }
    }

    @Test("a Writer frame whose description holds the tag")
    func writerFrame() throws {
        let body = """
            <text:p><draw:frame draw:name="Logo" svg:width="4cm" svg:height="2cm" text:anchor-type="as-char"><draw:image xlink:href="Pictures/placeholder.png" xlink:type="simple"/><svg:desc>{{ image logo }}</svg:desc></draw:frame></text:p>
            """
        var bytes = try Fixture.writer(body: body)
        var entries = try ZipReader.entries(of: bytes)
        for i in entries.indices where entries[i].path == "content.xml" {
            entries[i].data = Array(String(decoding: entries[i].data, as: UTF8.self).replacingOccurrences(
                of: "xmlns:office=", with: "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:office=").utf8)
        }
        entries.append(ZipEntry(path: "Pictures/placeholder.png", data: try Fixture.logo, compression: .stored))
        bytes = try ZipWriter.archive(entries)
        let compiled = try OfficeTemplate(bytes: bytes, file: "template.odt", id: "t", schemaFile: nil).compile(locale: .en, catalogs: try Fixture.catalogs())
        let output = try compiled.render(try Fixture.data(#"{"logo": "data:image/png;base64,\#(Data(try Fixture.logo).base64EncodedString())"}"#))
        var parts: [String: String] = [:]
        for entry in try ZipReader.entries(of: output) { parts[entry.path] = String(decoding: entry.data, as: UTF8.self) }
        let content = parts["content.xml"]!
        // 200 × 240 into 4 × 2 cm: the height fills the box.
        #expect(content.contains("svg:width=\"1.6667cm\" svg:height=\"2cm\""), "\(content)")
        #expect(content.contains("xlink:href=\"Pictures/formwright-image-1.png\""))
        #expect(parts["META-INF/manifest.xml"]!.contains("<manifest:file-entry manifest:full-path=\"Pictures/formwright-image-1.png\" manifest:media-type=\"image/png\"/>"))
        #expect(parts.keys.contains("Pictures/formwright-image-1.png"))
    }
}
