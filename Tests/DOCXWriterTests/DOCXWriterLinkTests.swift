import DocumentModel
import Foundation
import TestSupport
import Testing

/// Hyperlinks (`w:hyperlink` with external relationships per part) and footnotes
/// (`word/footnotes.xml`): golden parts, strict validation, relationships and styles.
@Suite struct DOCXWriterLinkTests {
    static let goldenDirectory = DOCXWriterGoldenTests.goldenDirectory.appendingPathComponent("links")

    static let parts = [
        "[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/footnotes.xml",
        "word/header1.xml", "word/_rels/document.xml.rels", "word/_rels/header1.xml.rels", "word/_rels/footnotes.xml.rels",
    ]

    @Test func linksAndNotesMatchGoldenParts() throws {
        let package = try WrittenPackage(LinkSamples.linksAndNotes)
        let problems = try TestSupport.compareWithGolden(package: package.bytes, parts: Self.parts, directory: Self.goldenDirectory)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func linksAndNotesPassStrictValidation() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("links.docx")
        try Data(try WrittenPackage(LinkSamples.linksAndNotes).bytes).write(to: file)
        let result = try TestSupport.runSharedTool("validate-docx", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }

    @Test func externalRelationshipsPerPart() throws {
        let package = try WrittenPackage(LinkSamples.linksAndNotes)
        let rels = try #require(package.text(of: "word/_rels/document.xml.rels"))
        #expect(rels.contains("<Relationship Id=\"rIdLink1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/terms?a=1&amp;b=2\" TargetMode=\"External\"/>"))
        #expect(rels.contains("Target=\"tel:+40210000000\" TargetMode=\"External\""))
        #expect(rels.contains("Target=\"footnotes.xml\""))
        let headerRels = try #require(package.text(of: "word/_rels/header1.xml.rels"))
        #expect(headerRels.contains("Target=\"https://example.org/agency\" TargetMode=\"External\""))
        let noteRels = try #require(package.text(of: "word/_rels/footnotes.xml.rels"))
        #expect(noteRels.contains("Target=\"https://eur-lex.europa.eu/eli/reg/2016/679/oj\""))
        let document = try #require(package.text(of: "word/document.xml"))
        #expect(document.contains("<w:hyperlink r:id=\"rIdLink1\" w:history=\"1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr>"))
        #expect(document.contains("<w:footnoteReference w:id=\"3\"/>"))
    }

    @Test func footnotesPartHasSeparatorsThenNotes() throws {
        let package = try WrittenPackage(LinkSamples.linksAndNotes)
        let notes = try #require(package.text(of: "word/footnotes.xml"))
        let separator = try #require(notes.range(of: "w:type=\"separator\" w:id=\"-1\""))
        let continuation = try #require(notes.range(of: "w:type=\"continuationSeparator\" w:id=\"0\""))
        let first = try #require(notes.range(of: "<w:footnote w:id=\"1\">"))
        #expect(separator.lowerBound < continuation.lowerBound && continuation.lowerBound < first.lowerBound)
        #expect(notes.contains("<w:footnote w:id=\"3\">"))
        #expect(!notes.contains("<w:footnote w:id=\"4\">"))
        let types = try #require(package.text(of: "[Content_Types].xml"))
        #expect(types.contains("PartName=\"/word/footnotes.xml\""))
        let styles = try #require(package.text(of: "word/styles.xml"))
        #expect(styles.contains("w:styleId=\"FootnoteText\"") && styles.contains("w:styleId=\"FootnoteReference\"") && styles.contains("w:styleId=\"Hyperlink\""))
    }

    @Test func documentsWithoutLinksHaveNoNewParts() throws {
        let package = try WrittenPackage(SampleDocuments.everything)
        #expect(!package.partNames.contains("word/footnotes.xml"))
        #expect(!(package.text(of: "word/styles.xml") ?? "").contains("Hyperlink"))
        #expect(!(package.text(of: "word/_rels/document.xml.rels") ?? "").contains("External"))
    }

    /// LibreOffice lays the document out: the notes are at the foot of the page, after the
    /// body text and the table, numbered 1–3, and the links are live in the PDF. Set
    /// `DOCX_KEEP_RENDERING=1` to keep the PDF and a PNG of the page (their paths are printed).
    @Test func libreOfficePutsNotesAtTheFootOfThePage() throws {
        let directory = try TestSupport.temporaryDirectory()
        let keep = ProcessInfo.processInfo.environment["DOCX_KEEP_RENDERING"] == "1"
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let file = directory.appendingPathComponent("links.docx")
        try Data(try WrittenPackage(LinkSamples.linksAndNotes).bytes).write(to: file)
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
