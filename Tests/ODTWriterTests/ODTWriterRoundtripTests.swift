import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing

/// LibreOffice opens the sample and lays it out: the Cyrillic heading is in the PDF and
/// the page-number field renders as a number. Set `ODT_KEEP_RENDERING=1` to keep the PDF
/// and a PNG of page 1 for looking at the page (their paths are printed).
@Suite struct ODTWriterRoundtripTests {
    /// Renders `document` with LibreOffice; returns the PDF's text and page count.
    private func render(_ document: Document, name: String) throws -> (text: String, pages: Int) {
        let directory = try TestSupport.temporaryDirectory()
        let keep = ProcessInfo.processInfo.environment["ODT_KEEP_RENDERING"] == "1"
        defer { if !keep { try? FileManager.default.removeItem(at: directory) } }
        let file = directory.appendingPathComponent("\(name).odt")
        try Data(try ODTWriter().write(document)).write(to: file)

        var arguments = [file.path, "--outdir", directory.path]
        if keep { arguments.append("--png") }
        let result = try TestSupport.runSharedTool("office-roundtrip", arguments)
        try #require(result.status == 0, "\(result.output)")
        if keep { print(result.stdout) }

        let lines = result.stdout.split(separator: "\n")
        let textLine = try #require(lines.first { $0.hasPrefix("TEXT: ") })
        let pagesLine = try #require(lines.first { $0.hasPrefix("PAGES: ") })
        let text = try String(contentsOfFile: String(textLine.dropFirst("TEXT: ".count)), encoding: .utf8)
        return (text, try #require(Int(pagesLine.dropFirst("PAGES: ".count))))
    }

    @Test func libreOfficeRendersTheSample() throws {
        let (text, pages) = try render(SampleDocuments.full, name: "sample")
        #expect(text.contains("Съгласие за обмен на информация между институции"))
        #expect(text.contains("Страница 1 от 2"), "\(text)")
        #expect(text.contains("ș ț ă â î"))
        #expect(text.contains("\u{2612}"))
        #expect(pages == 2)
    }

    /// A table inside a list item interrupts the list; numbering must go on after it.
    @Test func listNumberingContinuesAfterATable() throws {
        let (text, _) = try render(SampleDocuments.tablesInList, name: "tables-in-list")
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains { $0.hasPrefix("1.") && $0.hasSuffix("Първа мярка") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("2.") && $0.hasSuffix("Втора мярка") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("3.") && $0.hasSuffix("Трета мярка") }, "\(text)")
        #expect(lines.contains("След таблицата"), "\(text)")
        #expect(lines.contains { $0.hasPrefix("Мярка") && $0.hasSuffix("Срок") }, "\(text)")
    }

    /// Header rows are repeated on every page a long table spans.
    @Test func headerRowRepeatsOnEveryPage() throws {
        let header = TableRow([
            TableCell([.paragraph(Paragraph([.text("Заглавен ред")], style: .tableHeader))]),
            TableCell([.paragraph(Paragraph([.text("Колона")], style: .tableHeader))]),
        ])
        let rows = (1...120).map { n in
            TableRow([TableCell([.paragraph(Paragraph([.text("ред \(n)")], style: .tableCell))]), TableCell([])])
        }
        let document = Document(
            metadata: Metadata(title: "Дълга таблица", language: LanguageTag("bg-BG")),
            body: [.table(Table(columns: [.mm(85), .mm(85)], headerRows: 1, rows: [header] + rows))])
        let (text, pages) = try render(document, name: "long-table")
        #expect(pages >= 2)
        #expect(text.components(separatedBy: "Заглавен ред").count - 1 == pages)
    }
}
