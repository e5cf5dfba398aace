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

    /// LibreOffice lays the document out: the notes are at the foot of the page, after the
    /// body text and the table, numbered 1–3, and the links are live in the PDF. Set
    /// `ODT_KEEP_RENDERING=1` to keep the PDF and a PNG of the page (their paths are printed).
    @Test func libreOfficePutsNotesAtTheFootOfThePage() throws {
        let directory = try TestSupport.temporaryDirectory()
        let keep = ProcessInfo.processInfo.environment["ODT_KEEP_RENDERING"] == "1"
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let file = directory.appendingPathComponent("links.odt")
        try Data(try ODTWriter().write(LinkSamples.linksAndNotes)).write(to: file)
        let result = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", directory.path] + (keep ? ["--png"] : []))
        try #require(result.status == 0, "\(result.output)")
        if keep { print(result.stdout) }
        let lines = result.stdout.split(separator: "\n")
        let textPath = try #require(lines.first { $0.hasPrefix("TEXT: ") }).dropFirst("TEXT: ".count)
        let pdfPath = try #require(lines.first { $0.hasPrefix("PDF: ") }).dropFirst("PDF: ".count)
        let text = try String(contentsOfFile: String(textPath), encoding: .utf8)
        let table = try #require(text.range(of: "+40 21 000 0000"))
        for note in ["Regulation (EU) 2016/679", "Съгласието може да бъде", "Luni–vineri"] {
            let found = try #require(text.range(of: note), "\(text)")
            #expect(found.lowerBound > table.upperBound, "the note '\(note)' is not below the table:\n\(text)")
        }
        #expect(text.contains("Agency – example.org"))
        let pdf = String(decoding: try Data(contentsOf: URL(fileURLWithPath: String(pdfPath))), as: UTF8.self)
        for url in ["https://example.org/terms?a=1&b=2", "mailto:dpo@example.org", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"] {
            #expect(pdf.contains("/URI(\(url))") || pdf.contains("/URI (\(url))"), "no link to \(url) in the PDF")
        }
    }
}
