import Foundation
import TestSupport
import Testing
import ZipSupport

/// A rich message, links and a footnote from template to file: `formwright render` of a
/// small template in Romanian, whose translation moves the tags, to ODT and DOCX. The body
/// parts are compared with `Golden/rich-message/` (re-record with `RECORD_GOLDEN=1`), and
/// both files pass the strict validators.
@Suite struct RichMessageTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden").appendingPathComponent("rich-message")

    static let template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <document xmlns="urn:formwright:template:1" id="rich-message">
          <meta><title><t id="rich.title">Consent</t></title></meta>
          <body>
            <p><t id="rich.consent" name="guardian.name">I, <b>{name}</b>, agree to the <a href="{agency.terms}">terms of the agency</a> and to <i>all</i> of them.</t><footnote><t id="rich.note">Published at</t> <a href="{agency.terms}">{agency.terms}</a>; questions: <a href="mailto:{agency.email}">{agency.email}</a>, <a href="tel:+40210000000">021 000 0000</a>.</footnote></p>
          </body>
        </document>
        """

    static let data = #"{"guardian": {"name": "Ana <b>Pop</b>"}, "agency": {"terms": "https://example.org/terms?x=1&y=2", "email": "dpo@example.org"}}"#

    static let romanian = """
        msgid ""
        msgstr ""
        "Language: ro\\n"
        "Content-Type: text/plain; charset=UTF-8\\n"

        msgctxt "rich.title"
        msgid "Consent"
        msgstr "Consimțământ"

        msgctxt "rich.consent"
        msgid "I, <b>{name}</b>, agree to the <a>terms of the agency</a> and to <i>all</i> of them."
        msgstr "Sunt de acord cu <a>condițiile instituției</a>, <i>toate</i>; subsemnatul/subsemnata <b>{name}</b>."

        msgctxt "rich.note"
        msgid "Published at"
        msgstr "Publicate la"

        """

    /// Writes the project, renders both formats, returns the folder with the outputs.
    static func render() throws -> URL {
        let root = try TestSupport.temporaryDirectory()
        let templateDirectory = root.appendingPathComponent("templates/rich-message")
        let locales = root.appendingPathComponent("locales/ro")
        try FileManager.default.createDirectory(at: templateDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: locales, withIntermediateDirectories: true)
        try Data(template.utf8).write(to: templateDirectory.appendingPathComponent("template.xml"))
        try Data(data.utf8).write(to: root.appendingPathComponent("data.json"))
        try Data(romanian.utf8).write(to: locales.appendingPathComponent("rich-message.po"))
        let result = try TestSupport.formwright([
            "render", templateDirectory.path, "--data", root.appendingPathComponent("data.json").path, "--locale", "ro",
            "--format", "both", "--out-dir", root.appendingPathComponent("out").path,
        ], in: root)
        try #require(result.status == 0, "\(result.output)")
        return root.appendingPathComponent("out")
    }

    @Test func bothFormatsMatchGoldenAndValidate() throws {
        let out = try Self.render()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let odt = out.appendingPathComponent("rich-message-ro.odt"), docx = out.appendingPathComponent("rich-message-ro.docx")
        var problems = try TestSupport.compareWithGolden(
            package: Array(try Data(contentsOf: odt)), parts: ["content.xml"], directory: Self.goldenDirectory.appendingPathComponent("odt"))
        problems += try TestSupport.compareWithGolden(
            package: Array(try Data(contentsOf: docx)), parts: ["word/document.xml", "word/footnotes.xml", "word/_rels/document.xml.rels"],
            directory: Self.goldenDirectory.appendingPathComponent("docx"))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        let odtCheck = try TestSupport.runSharedTool("validate-odt", ["--strict", odt.path])
        #expect(odtCheck.status == 0, "\(odtCheck.output)")
        let docxCheck = try TestSupport.runSharedTool("validate-docx", ["--strict", docx.path])
        #expect(docxCheck.status == 0, "\(docxCheck.output)")
    }

    @Test func translatedOrderAndEscapedValues() throws {
        let out = try Self.render()
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let entries = try ZipReader.entries(of: Array(try Data(contentsOf: out.appendingPathComponent("rich-message-ro.odt"))))
        let content = TestSupport.prettyXML(try #require(entries.first { $0.path == "content.xml" }).data)
        // The translation's order: the link first, then the bold name; the value's <b> is text.
        let link = try #require(content.range(of: "condițiile instituției"))
        let name = try #require(content.range(of: "Ana &lt;b&gt;Pop&lt;/b&gt;"))
        #expect(link.lowerBound < name.lowerBound)
        #expect(content.contains("xlink:href=\"https://example.org/terms?x=1&amp;y=2\""))
        #expect(!content.contains("<b>"))
    }
}
