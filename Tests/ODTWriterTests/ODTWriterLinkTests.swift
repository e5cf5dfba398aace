import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing

/// Links (`text:a`) and footnotes (`text:note`): golden parts, strict validation, and the
/// styles and namespace that only documents with them declare.
@Suite struct ODTWriterLinkTests {
    static let goldenDirectory = ODTWriterGoldenTests.goldenDirectory.appendingPathComponent("links")

    @Test func linksAndNotesMatchGoldenParts() throws {
        let bytes = try ODTWriter().write(LinkSamples.linksAndNotes)
        let problems = try TestSupport.compareWithGolden(package: bytes, parts: ["content.xml", "styles.xml"], directory: Self.goldenDirectory)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func linksAndNotesPassStrictValidation() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("links.odt")
        try Data(try ODTWriter().write(LinkSamples.linksAndNotes)).write(to: file)
        let result = try TestSupport.runSharedTool("validate-odt", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }

    @Test func writesLinksAndNumberedNotes() throws {
        let entries = try ODTWriter().parts(of: LinkSamples.linksAndNotes)
        let content = try #require(entries.first { $0.path == "content.xml" }).text
        let styles = try #require(entries.first { $0.path == "styles.xml" }).text
        #expect(content.contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\""))
        #expect(content.contains("<text:a xlink:type=\"simple\" xlink:href=\"https://example.org/terms?a=1&amp;b=2\""))
        #expect(content.contains("xlink:href=\"mailto:dpo@example.org\""))
        #expect(content.contains("<text:note text:id=\"ftn3\" text:note-class=\"footnote\"><text:note-citation>3</text:note-citation>"))
        // The header's link is in styles.xml, and the header holds no note.
        #expect(styles.contains("xlink:href=\"https://example.org/agency\""))
        #expect(!styles.contains("<text:note "))
        #expect(styles.contains("text:footnotes-position=\"page\""))
        #expect(styles.contains("style:name=\"Internet_20_link\""))
    }

    @Test func documentsWithoutLinksDeclareNothingNew() throws {
        let entries = try ODTWriter().parts(of: SampleDocuments.full)
        let content = try #require(entries.first { $0.path == "content.xml" }).text
        let styles = try #require(entries.first { $0.path == "styles.xml" }).text
        #expect(!content.contains("xmlns:xlink"))
        #expect(!styles.contains("Internet_20_link"))
        #expect(!styles.contains("notes-configuration"))
    }
}
