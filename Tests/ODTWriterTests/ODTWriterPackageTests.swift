import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing
import ZipSupport

@Suite struct ODTWriterPackageTests {
    @Test func sameDocumentGivesIdenticalBytes() throws {
        let first = try ODTWriter().write(SampleDocuments.full)
        let second = try ODTWriter().write(SampleDocuments.full)
        #expect(first == second)
        #expect(try ODTWriter().write(SampleDocuments.minimal) == ODTWriter().write(SampleDocuments.minimal))
    }

    @Test func mimetypeIsFirstAndStored() throws {
        let entries = try ZipReader.entries(of: ODTWriter().write(SampleDocuments.full))
        let first = try #require(entries.first)
        #expect(first.path == "mimetype")
        #expect(first.compression == .stored)
        #expect(first.text == "application/vnd.oasis.opendocument.text")
        #expect(entries.map(\.path) == ["mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml"])
    }

    @Test func manifestListsEveryPart() throws {
        let entries = try ZipReader.entries(of: ODTWriter().write(SampleDocuments.minimal))
        let manifest = try #require(entries.first { $0.path == "META-INF/manifest.xml" }).text
        for entry in entries where entry.path != "mimetype" && !entry.path.hasPrefix("META-INF/") {
            #expect(manifest.contains("manifest:full-path=\"\(entry.path)\""))
        }
        #expect(manifest.contains("manifest:version=\"1.3\""))
    }

    @Test func creationDateOnlyWhenGiven() throws {
        let withDate = try ODTWriter().parts(of: SampleDocuments.full).first { $0.path == "meta.xml" }
        #expect(try #require(withDate).text.contains("<meta:creation-date>2026-03-12T00:00:00</meta:creation-date>"))
        let without = try ODTWriter().parts(of: SampleDocuments.minimal).first { $0.path == "meta.xml" }
        #expect(try !#require(without).text.contains("creation-date"))
    }

    @Test(arguments: ["12.03.2026", "2026-13-01", "yesterday", "2026-03-12T10:00"])
    func malformedCreationDateIsReported(_ created: String) throws {
        var document = SampleDocuments.minimal
        document.metadata.created = created
        let error = try #require(throws: ODTWriterError.self) { try ODTWriter().write(document) }
        #expect(error.message.contains(created))
        #expect(error.suggestion != nil)
    }

    @Test func invalidShadingIsReportedWithItsCell() throws {
        var document = SampleDocuments.minimal
        document.body = [.table(Table(columns: [.mm(50)], rows: [TableRow([TableCell([], shading: "light grey")])]))]
        let error = try #require(throws: ODTWriterError.self) { try ODTWriter().write(document) }
        #expect(error.location == "table, row 1, cell 1")
        #expect(error.description.contains("D9D9D9"))
    }

    @Test func signatureGridIsBorderlessWithUnsplittableRows() throws {
        let content = try contentXML(of: SampleDocuments.full)
        #expect(content.contains("<style:table-row-properties style:min-row-height=\""), "a row with a seal mark has room for the seal")
        #expect(content.contains("style:may-break-between-rows=\"false\""), "the grid stays on one page")
        #expect(content.contains("fo:border=\"none\""))
        #expect(content.contains("Ioana Rusu"))
        #expect(content.contains(">М.П.<"))
    }

    @Test func tablesHaveWidthsHeaderRowsShadingAndSpans() throws {
        let content = try contentXML(of: SampleDocuments.full)
        #expect(content.contains("<style:table-column-properties style:column-width=\"60mm\"/>"))
        #expect(content.contains("<table:table-header-rows><table:table-row table:style-name=\"Row1\">"))
        #expect(content.contains("<style:style style:name=\"Row1\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"always\"/>"))
        #expect(content.contains("fo:background-color=\"#D9D9D9\""))
        #expect(content.contains("fo:background-color=\"#FFF2CC\""))
        #expect(content.contains("fo:border-left=\"0.5pt solid #000000\" fo:border-right=\"none\""))
        #expect(!content.contains("fo:border=\"0.5pt solid #000000\""), "inner borders would be drawn twice")
        #expect(content.contains("table:number-columns-spanned=\"2\"><text:p text:style-name=\"Table_20_Contents\">"))
        #expect(content.contains("<table:covered-table-cell/>"))
    }

    @Test func pageBreakIsCarriedByTheNextParagraph() throws {
        let content = try contentXML(of: SampleDocuments.full)
        #expect(content.contains("fo:break-before=\"page\""))
        // The heading after the break uses the automatic style that carries it.
        #expect(content.contains("text:outline-level=\"1\">Подписи</text:h>"))
        #expect(!content.contains("text:style-name=\"Heading_20_1\" text:outline-level=\"1\">Подписи"))
    }

    @Test func pageBreakBeforeAListGetsItsOwnParagraph() throws {
        var document = SampleDocuments.minimal
        document.body = [.pageBreak, .list(List(.numbered, items: [ListItem([.paragraph(Paragraph([.text("x")]))])]))]
        let content = try contentXML(of: document)
        #expect(content.contains("<text:p text:style-name=\"P1\"/><text:list xml:id=\"list1\" text:style-name=\"List_20_Number\">"))
    }

    @Test func tableInsideListItemInterruptsAndContinuesTheList() throws {
        let content = try contentXML(of: SampleDocuments.tablesInList)
        // Both open lists close before the table and reopen as continuations after it.
        #expect(content.contains(
            "</text:p></text:list-item></text:list></text:list-item></text:list><table:table table:name=\"Table1\""))
        #expect(content.contains(
            "</table:table><text:list xml:id=\"list3\" text:continue-list=\"list1\" text:style-name=\"List_20_Number\"><text:list-header>"
                + "<text:list xml:id=\"list4\" text:continue-list=\"list2\" text:style-name=\"List_20_Bullet\"><text:list-header>"
                + "<text:p text:style-name=\"Text_20_body\">След таблицата</text:p>"))
        #expect(content.contains("fo:margin-left=\"12.7mm\""), "the table sits at the list's indentation")
    }

    @Test func pageBreaksInHeaderAndCellsAreDropped() throws {
        var document = SampleDocuments.minimal
        document.header = [.paragraph(Paragraph([.text("h")], style: .header)), .pageBreak]
        document.body = [.table(Table(columns: [.mm(50)], rows: [TableRow([TableCell([.pageBreak, .paragraph(Paragraph([.text("c")]))])])]))]
        let parts = try ODTWriter().parts(of: document)
        for part in parts where part.path.hasSuffix(".xml") {
            #expect(!part.text.contains("break-before"), "\(part.path)")
        }
    }

    @Test(arguments: [
        ([Inline.text("a  b")], "a <text:s/>b"),
        ([Inline.text("  lead")], "<text:s text:c=\"2\"/>lead"),
        ([Inline.text("trail ")], "trail<text:s/>"),
        ([Inline.text("a b")], "a b"),
        ([Inline.text("x\ty\nz")], "x<text:tab/>y<text:line-break/>z"),
        ([Inline.text("a "), .text(" b", marks: .bold)], "a<text:s/><text:span text:style-name=\"T1\"><text:s/>b</text:span>"),
        ([Inline.text("p. "), .field(.pageNumber)], "p. <text:page-number text:select-page=\"current\">1</text:page-number>"),
        ([Inline.checkbox(checked: true), .text(" "), .checkbox(checked: false)],
         "<text:span text:style-name=\"Symbol\">\u{2612}</text:span> <text:span text:style-name=\"Symbol\">\u{2610}</text:span>"),
    ])
    func whitespaceSurvivesODFCollapsing(_ inlines: [Inline], _ expected: String) throws {
        var document = SampleDocuments.minimal
        document.body = [.paragraph(Paragraph(inlines, style: .body))]
        let content = try contentXML(of: document)
        #expect(content.contains("<text:p text:style-name=\"Text_20_body\">\(expected)</text:p>"), "\(content)")
    }

    @Test func headingsListsAndMarks() throws {
        let content = try contentXML(of: SampleDocuments.full)
        for level in 1...3 {
            #expect(content.contains("<text:h text:style-name=\"Heading_20_\(level)\" text:outline-level=\"\(level)\">"))
        }
        #expect(content.contains("<text:list xml:id=\"list1\" text:style-name=\"List_20_Bullet\"><text:list-item>"))
        #expect(content.contains("<text:list xml:id=\"list2\" text:style-name=\"List_20_Number\"><text:list-item>"))
        #expect(content.contains("<text:list xml:id=\"list3\" text:style-name=\"List_20_Bullet\"><text:list-item>"))
        #expect(content.contains("style:text-underline-style=\"solid\""))
        #expect(content.contains("fo:font-style=\"italic\""))
        #expect(content.contains("fo:font-weight=\"bold\""))
    }

    @Test func masterPageHoldsHeaderFooterAndPageFields() throws {
        let styles = try #require(ODTWriter().parts(of: SampleDocuments.full).first { $0.path == "styles.xml" }).text
        #expect(styles.contains("<style:master-page style:name=\"Standard\" style:page-layout-name=\"pm1\"><style:header>"))
        #expect(styles.contains("<text:page-number text:select-page=\"current\">1</text:page-number> от <text:page-count>1</text:page-count>"))
        #expect(styles.contains("fo:page-width=\"210mm\" fo:page-height=\"297mm\""))
        #expect(styles.contains("<text:list-level-style-number text:level=\"6\""))
        #expect(styles.contains("<text:list-level-style-bullet text:level=\"6\""))
        #expect(styles.contains("style:name=\"Heading_20_1\" style:display-name=\"Heading 1\""))
        #expect(styles.contains("style:default-outline-level=\"1\""))
    }

    /// The body keeps the page margins whether or not there is a header or footer: those
    /// sit inside the margin, as in DOCX.
    @Test(arguments: [false, true])
    func headerAndFooterSitInsideTheMargins(_ withHeaderAndFooter: Bool) throws {
        var document = SampleDocuments.minimal
        document.page = .a4(margins: Margins(top: .mm(25), bottom: .mm(15), left: .mm(30), right: .mm(20)))
        if withHeaderAndFooter {
            document.header = [.paragraph(Paragraph([.text("h")], style: .header))]
            document.footer = [.paragraph(Paragraph([.text("f")], style: .footer))]
        }
        let styles = try #require(ODTWriter().parts(of: document).first { $0.path == "styles.xml" }).text
        if withHeaderAndFooter {
            #expect(styles.contains("fo:margin-top=\"12.5mm\" fo:margin-bottom=\"7.5mm\" fo:margin-left=\"30mm\" fo:margin-right=\"20mm\""))
            #expect(styles.contains("<style:header-style><style:header-footer-properties fo:min-height=\"12.5mm\" fo:margin-bottom=\"6.25mm\"/>"))
            #expect(styles.contains("<style:footer-style><style:header-footer-properties fo:min-height=\"7.5mm\" fo:margin-top=\"3.75mm\"/>"))
        } else {
            #expect(styles.contains("fo:margin-top=\"25mm\" fo:margin-bottom=\"15mm\" fo:margin-left=\"30mm\" fo:margin-right=\"20mm\""))
            #expect(!styles.contains("<style:header"))
            #expect(!styles.contains("<style:footer"))
        }
    }

    private func contentXML(of document: Document) throws -> String {
        try #require(ODTWriter().parts(of: document).first { $0.path == "content.xml" }).text
    }
}

extension ZipEntry {
    var text: String { String(decoding: data, as: UTF8.self) }
}
