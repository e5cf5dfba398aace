import Foundation
import Formwright
import Localization
import TemplateData
import TestSupport
import Testing
import ZipSupport

/// Hostile input: each is refused with a clear, located error, a non-zero exit and no file
/// left behind, or (control characters) written safely as valid documents.
@Suite struct HostileInputTests {
    /// Runs a single render to `out/x.<format>` and checks that nothing was written when it fails.
    func refused(_ t: ScratchTemplate, data: String, format: String = "odt", extra: [String] = []) throws -> String {
        let r = try t.render(["--data", data, "--locale", "en", "-o", "out/x.\(format)"] + extra)
        #expect(r.status != 0, "accepted: \(r.stdout)")
        #expect(t.files(in: "out").isEmpty, "left \(t.files(in: "out"))")
        return r.stderr
    }

    func scratch(template: String) throws -> ScratchTemplate {
        let t = try ScratchTemplate(rawTemplate: template)
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("out"), withIntermediateDirectories: true)
        try t.write("ok.json", #"{"case": {"code": "A"}}"#)
        return t
    }

    func scratch(body: String = ScratchTemplate.body) throws -> ScratchTemplate {
        let t = try ScratchTemplate(body: body)
        try FileManager.default.createDirectory(at: t.root.appendingPathComponent("out"), withIntermediateDirectories: true)
        try t.write("ok.json", #"{"case": {"code": "A"}}"#)
        return t
    }

    static let document = #"<document xmlns="urn:formwright:template:1" id="t" schema="schema.json">"#

    // MARK: Templates

    @Test(arguments: [
        ("xxe", """
            <?xml version="1.0"?>
            <!DOCTYPE document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            \(document)<body><p>&xxe;</p></body></document>
            """),
        ("external-dtd", """
            <?xml version="1.0"?>
            <!DOCTYPE document SYSTEM "http://127.0.0.1:9/evil.dtd">
            \(document)<body><p>x</p></body></document>
            """),
        ("billion-laughs", """
            <?xml version="1.0"?>
            <!DOCTYPE document [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            \(document)<body><p>&lol9;</p></body></document>
            """),
        ("deep-nesting", document + "<body>" + String(repeating: "<section>", count: 10_000) + "<p>x</p>"
            + String(repeating: "</section>", count: 10_000) + "</body></document>"),
    ])
    func hostileTemplateIsRefusedWithItsPlace(name: String, template: String) throws {
        let t = try scratch(template: template)
        defer { t.remove() }
        let stderr = try refused(t, data: "ok.json")
        #expect(stderr.contains("template.xml:"), "\(name): \(stderr)")
        #expect(!stderr.contains("root:"), "\(name): the entity was expanded")
        if name != "deep-nesting" { #expect(stderr.contains("DOCTYPE is not allowed"), "\(name): \(stderr)") }
    }

    @Test func templateWithInvalidUTF8IsRefused() throws {
        let t = try scratch()
        defer { t.remove() }
        let bytes = Array("\(Self.document)\n<body>\n<p>Ana ".utf8) + [0xC3, 0x28] + Array("</p></body></document>".utf8)
        try t.write("templates/t/template.xml", bytes: bytes)
        let stderr = try refused(t, data: "ok.json")
        #expect(stderr.contains("template.xml:3:"), "\(stderr)")
    }

    @Test func templateOverTheSizeLimitNamesTheFlag() throws {
        let t = try scratch()
        defer { t.remove() }
        let stderr = try refused(t, data: "ok.json", extra: ["--max-template-size", "100"])
        #expect(stderr.contains("template.xml: error: the template is"), "\(stderr)")
        #expect(stderr.contains("--max-template-size"), "\(stderr)")
    }

    // MARK: Data

    @Test(arguments: [
        ("deep.json", #"{"case": {"code": "A"}, "items": "# + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"),
        ("deep.yaml", "case: {code: A}\nitems: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"),
        ("deep-block.yaml", "case: {code: A}\nitems:\n" + (1...10_000).map { String(repeating: " ", count: $0) + "-\n" }.joined()),
    ])
    func deeplyNestedDataIsRefusedNamingTheFlag(file: String, text: String) throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write(file, text)
        let stderr = try refused(t, data: file)
        #expect(stderr.contains("\(file):"), "\(stderr)")
        #expect(stderr.contains("nesting is deeper than 256 levels"), "\(stderr)")
        #expect(stderr.contains("--max-depth"), "\(stderr)")
    }

    @Test func yamlAliasBombIsRefusedNamingTheFlag() throws {
        let t = try scratch()
        defer { t.remove() }
        var yaml = "case: {code: A}\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        let names = ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        var previous = "a"
        for name in names {
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        try t.write("laughs.yaml", yaml)
        let stderr = try refused(t, data: "laughs.yaml")
        #expect(stderr.contains("laughs.yaml:"), "\(stderr)")
        #expect(stderr.contains("--max-data-values"), "\(stderr)")
    }

    @Test func dataWithInvalidUTF8IsRefusedWithItsPlace() throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write("latin.json", bytes: Array("{\"case\": {\"code\": \"Ana ".utf8) + [0xE3] + Array(" x\"}}".utf8))
        let stderr = try refused(t, data: "latin.json")
        #expect(stderr.contains("latin.json:1:24: error: invalid UTF-8 (byte 0xE3)"), "\(stderr)")
    }

    @Test func dataOverTheSizeLimitNamesTheFlag() throws {
        let t = try scratch()
        defer { t.remove() }
        let stderr = try refused(t, data: "ok.json", extra: ["--max-data-size", "10"])
        #expect(stderr.contains("ok.json: error: the file is 23 bytes; data files may be at most 10 bytes"), "\(stderr)")
        #expect(stderr.contains("--max-data-size"), "\(stderr)")
    }

    // MARK: Rendering

    @Test func aMillionItemLoopIsRefusedByTheLoopLimit() throws {
        let t = try scratch()
        defer { t.remove() }
        let package = try TemplatePackage(directory: t.templateDirectory)
        let renderer = try Renderer(
            package: package, catalogs: CatalogSet(catalogs: []), locale: .en, limits: ResourceLimits().renderLimits)
        let data: Value = ["case": ["code": "A"], "items": .array(Array(repeating: .number(1), count: 1_000_000))]
        let error = try #require(throws: FormwrightError.self) { try renderer.render(data: data, format: .odt) }
        #expect(error.kind == .limit)
        #expect(error.description.contains("more than 100000 loop iterations"), "\(error)")
        // The library names its setting, never a command-line flag.
        #expect(error.diagnostics.first?.limit == .maxLoopIterations)
        #expect(error.description.contains("Limits.maxLoopIterations"), "\(error)")
        #expect(!error.description.contains("--max-loop-iterations"), "\(error)")
    }

    @Test func nestedLoopsOfAMillionIterationsAreRefusedAndTheFlagRaisesTheLimit() throws {
        let t = try scratch(body: #"<section each="a in items"><p each="b in items">{b}</p></section>"#)
        defer { t.remove() }
        let items = (1...1000).map(String.init).joined(separator: ",")
        try t.write("square.json", #"{"case": {"code": "A"}, "items": [\#(items)]}"#)
        let stderr = try refused(t, data: "square.json")
        #expect(stderr.contains("template.xml:"), "\(stderr)")
        #expect(stderr.contains("--max-loop-iterations"), "\(stderr)")
        try t.write("small.json", #"{"case": {"code": "A"}, "items": [1, 2, 3, 4]}"#)
        _ = try refused(t, data: "small.json", extra: ["--max-loop-iterations", "10"])
        let raised = try t.render(["--data", "small.json", "--locale", "en", "-o", "out/x.odt", "--max-loop-iterations", "20"])
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test func outputOverTheSizeLimitIsNotWrittenAndNamesTheFlag() throws {
        let t = try scratch()
        defer { t.remove() }
        let stderr = try refused(t, data: "ok.json", format: "docx", extra: ["--max-output-size", "1K"])
        #expect(stderr.contains("the limit is 1024 bytes"), "\(stderr)")
        #expect(stderr.contains("--max-output-size"), "\(stderr)")
    }

    /// NUL, C0 controls and noncharacters cannot be written in XML 1.0: the writers drop them,
    /// keep everything else, and the documents validate.
    @Test(arguments: ["odt", "docx"])
    func controlCharactersInDataAreWrittenSafely(format: String) throws {
        let t = try scratch()
        defer { t.remove() }
        try t.write("controls.json", #"{"case": {"code": "A"}, "child": {"name": "N\u0000U\u0001L\u0008L\u001BS\u001F-\uFFFE\uFFFF-\u00A0Ș<&>", "age": 9}}"#)
        let r = try t.render(["--data", "controls.json", "--locale", "ro", "-o", "out/c.\(format)"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = t.root.appendingPathComponent("out/c.\(format)")
        let entries = try ZipReader.entries(of: Array(try Data(contentsOf: out)))
        let part = try #require(entries.first { $0.path == (format == "odt" ? "content.xml" : "word/document.xml") })
        let xml = String(decoding: part.data, as: UTF8.self)
        #expect(xml.contains("NULLS--\u{00A0}Ș&lt;&amp;&gt; (9)"), "\(xml)")
        #expect(!part.data.contains(0))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" })
        let validation = try TestSupport.runSharedTool(format == "odt" ? "validate-odt" : "validate-docx", ["--strict", out.path])
        #expect(validation.status == 0, "\(validation.output)")
    }

    // MARK: Archives

    @Test func zipReadingIsBoundedInEntriesAndSize() throws {
        let archive = try ZipWriter.archive((1...5).map { ZipEntry(path: "e\($0).xml", data: Array(repeating: 0x41, count: 4096)) })
        #expect(throws: Never.self) { try ZipReader.entries(of: archive) }
        let tooMany = try #require(throws: ZipError.self) { try ZipReader.entries(of: archive, limits: .init(maxEntries: 4)) }
        #expect(tooMany.description.contains("5 entries; the limit is 4"))
        let tooBig = try #require(throws: ZipError.self) { try ZipReader.entries(of: archive, limits: .init(maxEntrySize: 1000)) }
        #expect(tooBig.description.contains("4096 bytes; the limit is 1000"))
        let bomb = try #require(throws: ZipError.self) { try ZipReader.entries(of: archive, limits: .init(maxTotalSize: 10_000)) }
        #expect(bomb.description.contains("expands to more than 10000 bytes"))
        #expect(throws: ZipError.self) { try ZipReader.entries(of: Array(archive.prefix(archive.count / 2))) }
    }
}
