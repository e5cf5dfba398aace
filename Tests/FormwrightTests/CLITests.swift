import Foundation
import Formwright
import Localization
import TestSupport
import Testing
import ZipSupport

/// End-to-end tests of the `formwright` command on the bundled templates.
@Suite(.serialized) struct CLITests {
    static let template = "templates/consent-data-sharing"
    static let example = "templates/consent-data-sharing/example.json"

    @Test func helpListsTheCommandsWithExamples() throws {
        let result = try TestSupport.formwright(["--help"])
        #expect(result.status == 0)
        for command in ["render", "templates", "demo", "message"] { #expect(result.stdout.contains(command)) }
        let render = try TestSupport.formwright(["render", "--help"])
        #expect(render.stdout.contains("Examples:"))
        #expect(render.stdout.contains("--locale"))
    }

    @Test func templatesListsTheConsentFormWithItsLocales() throws {
        let result = try TestSupport.formwright(["templates"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("consent-data-sharing"))
        #expect(result.stdout.contains("locales: en, bg"))
    }

    @Test(arguments: ["odt", "docx"])
    func renderIsDeterministic(format: String) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var outputs: [Data] = []
        for name in ["a", "b"] {
            let out = dir.appendingPathComponent("\(name).\(format)").path
            let r = try TestSupport.formwright(["render", Self.template, "--data", Self.example, "--locale", "bg", "-o", out])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].count > 1000)
    }

    @Test func dataIsEscapedNeverMarkup() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let hostile = "<b>&amp;\"'</b> Ștefănescu Țîrîâ Иванова"
        var json = try String(contentsOfFile: TestSupport.repositoryRoot.appendingPathComponent(Self.example).path, encoding: .utf8)
        let data = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        var guardians = data["guardians"] as! [[String: Any]]
        guardians[0]["name"] = hostile
        var changed = data
        changed["guardians"] = guardians
        json = String(decoding: try JSONSerialization.data(withJSONObject: changed), as: UTF8.self)
        let dataURL = dir.appendingPathComponent("hostile.json")
        try json.write(to: dataURL, atomically: true, encoding: .utf8)
        for format in ["odt", "docx"] {
            let out = dir.appendingPathComponent("h.\(format)")
            let r = try TestSupport.formwright(["render", Self.template, "--data", dataURL.path, "--locale", "ro", "-o", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let entries = try ZipReader.entries(of: Array(try Data(contentsOf: out)))
            let main = entries.first { $0.path == (format == "odt" ? "content.xml" : "word/document.xml") }!
            let xml = String(decoding: main.data, as: UTF8.self)
            #expect(xml.contains("&lt;b&gt;&amp;amp;"))
            #expect(!xml.contains("<b>&amp;"))
            let roundtrip = try TestSupport.runSharedTool("office-roundtrip", [out.path, "--outdir", dir.path])
            #expect(roundtrip.status == 0, "\(roundtrip.output)")
            let text = try pdfText(roundtrip.stdout)
            #expect(text.contains(hostile), "LibreOffice text lacks the data verbatim")
        }
    }

    @Test func messageFormatsOneMessage() throws {
        let r = try TestSupport.formwright([
            "message", "--locale", "ro", "--args", #"{"n": 20}"#, "{n, plural, one {# copil} few {# copii} other {# de copii}}",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "20 de copii\n")
    }

    @Test func messageReportsASyntaxErrorWithItsPosition() throws {
        let r = try TestSupport.formwright(["message", "--locale", "it", "--args", "{}", "{n, plural, one {x}}"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("other"), "\(r.stderr)")
        #expect(r.stderr.contains("^"))
    }

    @Test func messageRunsTheConformanceVectors() throws {
        let vectors = TestSupport.sharedDirectory.appendingPathComponent("conformance/messageformat.json").path
        let r = try TestSupport.formwright(["message", "--cases", vectors])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.hasSuffix("120 passed, 0 failed\n"), "\(r.stdout.suffix(200))")
    }

    @Test func unknownLocaleIsRefused() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.odt")
        let r = try TestSupport.formwright(["render", Self.template, "--data", Self.example, "--locale", "de", "-o", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("unknown locale 'de'"))
        #expect(r.stderr.contains("bg, ro, ro-MD, it"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func invalidTemplateIsLocatedAndWritesNothing() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let templateDir = dir.appendingPathComponent("templates/broken")
        try FileManager.default.createDirectory(at: templateDir, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locales"), withIntermediateDirectories: true)
        try """
            <document xmlns="urn:formwright:template:1" id="broken">
              <body>
                <p><t id="x">Hello</p>
              </body>
            </document>
            """.write(to: templateDir.appendingPathComponent("template.xml"), atomically: true, encoding: .utf8)
        try "{}".write(to: dir.appendingPathComponent("d.json"), atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("x.odt")
        let r = try TestSupport.formwright(["render", templateDir.path, "--data", dir.appendingPathComponent("d.json").path, "--locale", "en", "-o", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("template.xml:3:"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func dataFailingTheSchemaIsLocatedAndWritesNothing() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        try "{\n  \"guardian\": 42\n}\n".write(to: bad, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("x.docx")
        let r = try TestSupport.formwright(["render", Self.template, "--data", bad.path, "--locale", "it", "-o", out.path])
        #expect(r.status != 0)
        #expect(r.stderr.contains("bad.json:2:"), "\(r.stderr)")
        #expect(r.stderr.contains("/guardian"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func unwritableOutputIsReported() throws {
        let r = try TestSupport.formwright(["render", Self.template, "--data", Self.example, "--locale", "en", "-o", "/nonexistent-folder/x.odt"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("cannot write /nonexistent-folder/x.odt"))
    }

    @Test func demoWritesEveryLocaleAndFormatAndAllValidate() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TestSupport.formwright(["demo", "--out", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let written = r.stdout.split(separator: "\n").map(String.init)
        let consent = written.filter { $0.contains("consent-data-sharing-") }
        #expect(consent.count == LocaleID.supported.count * 2)
        // The protocol and the minutes on each bundled letterhead, every locale, both formats.
        let onLetterhead = written.filter { $0.contains("/on-letterhead/") }
        #expect(onLetterhead.count == 2 * 2 * LocaleID.supported.count * 2)
        #expect(onLetterhead.contains { $0.hasSuffix("/on-letterhead/regional-administration/operational-protocol-ro.docx") })
        #expect(onLetterhead.contains { $0.hasSuffix("/on-letterhead/municipality/session-minutes-it.odt") })
        // Office templates are checked (without --strict: LibreOffice's own extensions) in OfficeTemplateLibraryTests.
        let office = try Project.found(from: TestSupport.repositoryRoot).templates().filter { $0.office != nil }.map { "/\($0.definition.id)/" }
        #expect(!office.isEmpty && written.contains { path in office.contains { path.contains($0) } })
        let generated = written.filter { path in !office.contains { path.contains($0) } }
        let odts = generated.filter { $0.hasSuffix(".odt") }, docxs = generated.filter { $0.hasSuffix(".docx") }
        let odt = try TestSupport.runSharedTool("validate-odt", ["--strict"] + odts)
        #expect(odt.status == 0, "\(odt.output)")
        let docx = try TestSupport.runSharedTool("validate-docx", ["--strict"] + docxs)
        #expect(docx.status == 0, "\(docx.output)")
    }

    /// The consent form opens in LibreOffice in every locale and format, showing that
    /// locale's title and footer from the catalogs.
    @Test(arguments: LocaleID.supported)
    func opensInLibreOfficeWithTheLocaleText(locale: LocaleID) throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let title = try expectedText(id: "consent.title", locale: locale)
        for format in ["odt", "docx"] {
            let out = dir.appendingPathComponent("c-\(locale).\(format)")
            let r = try TestSupport.formwright(["render", Self.template, "--data", Self.example, "--locale", locale.identifier, "-o", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let roundtrip = try TestSupport.runSharedTool("office-roundtrip", [out.path, "--outdir", dir.path])
            #expect(roundtrip.status == 0, "\(roundtrip.output)")
            let text = try pdfText(roundtrip.stdout).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains(title), "\(format) \(locale): title '\(title)' not in the PDF text")
        }
    }

    /// The text a message has in `locale`, from the shipped catalogs (ro-MD falls back to ro,
    /// en is the template source).
    func expectedText(id: String, locale: LocaleID) throws -> String {
        let catalogs = try CatalogSet(directory: TestSupport.repositoryRoot.appendingPathComponent("locales"))
        if let resolved = catalogs.lookup(id: id, domains: ["consent-data-sharing", "common"], locale: locale), locale != .en {
            return resolved.text
        }
        let template = try String(contentsOfFile: TestSupport.repositoryRoot.appendingPathComponent(Self.template + "/template.xml").path, encoding: .utf8)
        let start = try #require(template.range(of: "<t id=\"\(id)\">"))
        let end = try #require(template.range(of: "</t>", range: start.upperBound..<template.endIndex))
        return String(template[start.upperBound..<end.lowerBound]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Reads the TEXT file named in office-roundtrip's output.
    func pdfText(_ output: String) throws -> String {
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("TEXT") || $0.contains("TEXT") })
        let path = String(line.split(separator: " ", maxSplits: 1).last ?? "").trimmingCharacters(in: .whitespaces)
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
