import Foundation
import TestSupport
import Testing
import ZipSupport

/// Images: hostile pictures and references are refused through `formwright render` with a
/// located error and no output file; a good picture renders the same bytes every time.
extension HostileInputTests {
    /// The bundled referral's logo (200 × 240 px).
    static var logo: [UInt8] {
        get throws { Array(try Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent("templates/office-referral-mobile-team/source/logo.png"))) }
    }

    /// The sample JPEG with `count` EXIF (APP1) segments of 64 KiB after its start marker.
    static func jpegWithExif(segments count: Int) -> [UInt8] {
        let jpeg = TestSupport.sampleJPEG
        let segment: [UInt8] = [0xFF, 0xE1, 0xFF, 0xFF] + Array("Exif".utf8) + [0, 0] + Array(repeating: 0, count: 0xFFFF - 8)
        return Array(jpeg.prefix(2)) + Array(Array(repeating: segment, count: count).joined()) + Array(jpeg.dropFirst(2))
    }

    /// A template whose body shows `src` (line 3 of template.xml) and `assets/` with files.
    func imageScratch(src: String = "{photo}", largeJPEG: Bool = false) throws -> ScratchTemplate {
        let t = try scratch(body: #"<image src="\#(src)" width="25mm" alt="Photo"/>"#)
        try t.write("templates/t/assets/logo.png", bytes: try Self.logo)
        try t.write("templates/t/assets/drawing.png", #"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>"#)
        try t.write("templates/t/assets/page.png", "<!DOCTYPE html><html><body>not a picture</body></html>")
        if largeJPEG { try t.write("templates/t/assets/exif.jpg", bytes: Self.jpegWithExif(segments: 260)) }
        try FileManager.default.createSymbolicLink(
            atPath: t.templateDirectory.appendingPathComponent("assets/link.png").path,
            withDestinationPath: t.templateDirectory.appendingPathComponent("assets/logo.png").path)
        return t
    }

    static func dataURI(_ bytes: [UInt8], type: String = "image/png") -> String {
        "data:\(type);base64," + Data(bytes).base64EncodedString()
    }

    static var hostileImages: [(name: String, photo: @Sendable () throws -> String, expected: String)] {
        [
            ("truncated PNG", { dataURI(Array(try logo.prefix(300))) }, "the PNG is truncated"),
            ("PNG claiming 100000 × 100000 pixels", {
                var png = try logo
                png.replaceSubrange(16..<24, with: [0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0])
                return dataURI(png)
            }, "claims 100000 × 100000 pixels"),
            ("JPEG with a 17 MB EXIF block", { "assets/exif.jpg" }, "the limit is 16777216"),
            ("SVG renamed .png", { "assets/drawing.png" }, "the image is an SVG drawing"),
            ("HTML renamed .png", { "assets/page.png" }, "the image is an HTML page"),
            ("parent folders", { "../../etc/passwd" }, "is not a file name inside the template folder"),
            ("absolute path", { "/etc/passwd" }, "is not a file name inside the template folder"),
            ("file URL", { "file:///etc/passwd" }, "not from 'file:///etc/passwd'"),
            ("https URL", { "https://example.org/logo.png" }, "not from 'https://example.org/logo.png'"),
            ("data: URI not base64", { "data:image/png,hello" }, "a data: URI must be base64"),
            ("symbolic link", { "assets/link.png" }, "is a symbolic link"),
        ]
    }

    @Test(arguments: hostileImages.map { $0.name }, ["odt", "docx"])
    func hostileImageFromDataIsRefusedWithItsPlace(_ name: String, format: String) throws {
        let fixture = try #require(Self.hostileImages.first { $0.name == name })
        let t = try imageScratch(largeJPEG: name.contains("EXIF"))
        defer { t.remove() }
        let json = try JSONSerialization.data(withJSONObject: ["case": ["code": "A"], "photo": try fixture.photo()])
        try t.write("photo.json", bytes: Array(json))
        let stderr = try refused(t, data: "photo.json", format: format)
        #expect(stderr.contains("template.xml:3:13: error: the image of 'photo'"), "\(name): \(stderr.prefix(400))")
        #expect(stderr.contains(fixture.expected), "\(name): \(stderr.prefix(400))")
        #expect(stderr.utf8.count < 2000, "a data: URI is not printed whole")
    }

    @Test func aLargerImageLimitLetsTheLargeJPEGThroughAndASmallerOneRefusesIt() throws {
        let t = try imageScratch(largeJPEG: true)
        defer { t.remove() }
        try t.write("photo.json", #"{"case": {"code": "A"}, "photo": "assets/exif.jpg"}"#)
        let stderr = try refused(t, data: "photo.json", extra: ["--max-image-size", "1M"])
        #expect(stderr.contains("the limit is 1048576"), "\(stderr)")
        #expect(stderr.contains("hint: use a smaller image, or raise the limit with --max-image-size"), "\(stderr)")
        let r = try t.render(["--data", "photo.json", "--locale", "en", "-o", "out/x.odt", "--max-image-size", "20M"])
        #expect(r.status == 0, "\(r.stderr)")
    }

    @Test(arguments: [
        ("../../etc/passwd", "is not a file name inside the template folder"),
        ("file:///etc/passwd", "not from 'file:///etc/passwd'"),
        ("https://example.org/logo.png", "not from 'https://example.org/logo.png'"),
        ("assets/drawing.png", "the image is an SVG drawing"),
        ("assets/link.png", "is a symbolic link"),
        ("assets/missing.png", "no image 'assets/missing.png' in the template folder"),
    ])
    func hostileImageInTheTemplateIsRefusedWhenItIsLoaded(_ src: String, expected: String) throws {
        let t = try imageScratch(src: src)
        defer { t.remove() }
        let stderr = try refused(t, data: "ok.json")
        #expect(stderr.contains("template.xml:3:13: error: image '\(src)': "), "\(stderr)")
        #expect(stderr.contains(expected), "\(stderr)")
        let check = try TestSupport.formwright(["check", t.templateDirectory.path], in: t.root)
        #expect(check.status != 0)
        #expect(check.output.contains("template.xml:3:13"), "formwright check reports it: \(check.output)")
    }

    @Test func documentWithALogoIsValidAndTheSameInAnyTimeZone() throws {
        let t = try imageScratch(src: "assets/logo.png")
        defer { t.remove() }
        for format in ["odt", "docx"] {
            var outputs: [[UInt8]] = []
            for (index, zone) in ["UTC", "Pacific/Kiritimati"].enumerated() {
                let r = try TestSupport.run(
                    TestSupport.formwrightExecutable,
                    ["render", t.templateDirectory.path, "--data", "ok.json", "--locale", "en", "-o", "out/\(index).\(format)"],
                    currentDirectory: t.root, environment: ["TZ": zone])
                #expect(r.status == 0, "\(r.stderr)")
                outputs.append(Array(try Data(contentsOf: t.root.appendingPathComponent("out/\(index).\(format)"))))
            }
            #expect(outputs[0] == outputs[1], "\(format): same input, same bytes")
            let pictures = try ZipReader.entries(of: outputs[0]).filter { $0.path.hasPrefix(format == "odt" ? "Pictures/" : "word/media/") }
            #expect(pictures.map(\.data) == [try Self.logo])
            let tool = format == "odt" ? "validate-odt" : "validate-docx"
            let validation = try TestSupport.runSharedTool(tool, ["--strict", t.root.appendingPathComponent("out/0.\(format)").path])
            #expect(validation.status == 0, "\(validation.output)")
        }
    }
}

extension HostileInputTests {
    /// The logo (200 × 240 px) shown 40 mm wide is 127 pixels per inch in LibreOffice's PDF,
    /// from the ODT and from the DOCX: the size asked for, with the picture's own pixels.
    @Test(arguments: ["odt", "docx"])
    func logoPrintsAtTheSizeAsked(_ format: String) throws {
        let t = try scratch(body: #"<image src="assets/logo.png" width="40mm" align="center" alt="Logo"/><p>{case.code}</p>"#)
        defer { t.remove() }
        try t.write("templates/t/assets/logo.png", bytes: try Self.logo)
        let r = try t.render(["--data", "ok.json", "--locale", "en", "-o", "out/logo.\(format)"])
        #expect(r.status == 0, "\(r.stderr)")
        let file = t.root.appendingPathComponent("out/logo.\(format)")
        let roundtrip = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", t.root.appendingPathComponent("pdf").path])
        #expect(roundtrip.status == 0, "\(roundtrip.output)")
        let pdfimages = try #require(PDFOutputTests.tool("pdfimages"))
        let list = try TestSupport.run(pdfimages, ["-list", t.root.appendingPathComponent("pdf/logo.pdf").path]).stdout
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi …
        let rows = list.split(separator: "\n").map { $0.split(separator: " ") }.filter { $0.count > 13 && $0[2] == "image" }
        #expect(rows.count == 1, "\(list)")
        guard let row = rows.first else { return }
        #expect(row[3] == "200" && row[4] == "240", "all of the picture's pixels: \(list)")
        let ppi = Int(row[12]) ?? 0
        #expect((126...128).contains(ppi), "200 px over 40 mm is 127 ppi: \(list)")
    }
}
