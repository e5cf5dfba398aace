import DocumentModel
import Localization
import TemplateData
import Testing
@testable import Template

/// Pages and sections, a distinct first page, the font and text colour, and alignment in
/// tables: what templates say, what the evaluator makes of it, and how mistakes are reported.
@Suite struct LayoutTemplateTests {
    func parse(_ body: String, head: String = "", attributes: String = "") throws -> TemplateDefinition {
        let source = """
            <document xmlns="urn:formwright:template:1" id="t"\(attributes)>
            \(head)<body>
            \(body)
            </body>
            </document>
            """
        return try TemplateParser.parse(source: Array(source.utf8), file: "t/template.xml")
    }

    func render(_ body: String, head: String = "", attributes: String = "", data: Value = [:]) throws -> Document {
        try CompiledTemplate(try parse(body, head: head, attributes: attributes), locale: .en, catalogs: CatalogSet(catalogs: [])).render(data)
    }

    func errors(_ body: String, head: String = "", attributes: String = "") -> [TemplateError] {
        Fixtures.errors { try parse(body, head: head, attributes: attributes) }
    }

    @Test(arguments: [
        ("<page size=\"A3\"/>", PageSetup(.a3)),
        ("<page size=\"letter\" margins=\"1in\"/>", PageSetup(.letter, margins: Margins(all: .mm(25.4)))),
        ("<page orientation=\"landscape\"/>", PageSetup(.a4, orientation: .landscape)),
        ("<page size=\"A3\" orientation=\"landscape\" margin-left=\"30mm\"/>",
         PageSetup(.a3, orientation: .landscape, margins: Margins(top: .mm(20), bottom: .mm(20), left: .mm(30), right: .mm(20)))),
    ])
    func pageSizesAndOrientations(_ head: String, _ expected: PageSetup) throws {
        #expect(try parse("<p>x</p>", head: head).page == expected)
    }

    /// A `<section>` with page settings becomes pages of their own, inheriting what it does
    /// not set from `<page>`; its tables are laid out at its text width. Without page
    /// settings it stays a plain group.
    @Test func sectionsWithPageSettingsBecomeSections() throws {
        let doc = try render("""
            <p>before</p>
            <section orientation="landscape" margin-top="10mm"><table><row><cell>a</cell><cell>b</cell></row></table></section>
            <section><p>grouped</p></section>
            <section size="A3" if="false"><p>never</p></section>
            """, head: "<page margins=\"25mm\"/>")
        #expect(doc.body.count == 3)
        guard case .section(let section) = doc.body[1] else { Issue.record("no section: \(doc.body)"); return }
        #expect(section.page == PageSetup(
            .a4, orientation: .landscape, margins: Margins(top: .mm(10), bottom: .mm(25), left: .mm(25), right: .mm(25))))
        guard case .table(let table) = section.body.first else { Issue.record("no table"); return }
        #expect(table.columns == Table.equalColumns(2, width: .mm(297 - 50)))
        guard case .paragraph = doc.body[2] else { Issue.record("a plain section is a group: \(doc.body[2])"); return }
    }

    @Test func firstPageHeaderAndFooter() throws {
        let doc = try render("<p>x</p>", head: """
            <header><p>every page</p></header>
            <first-page-header><p>letterhead</p></first-page-header>
            <first-page-footer/>
            """)
        #expect(doc.header.count == 1)
        #expect(doc.firstPageHeader?.count == 1)
        #expect(doc.firstPageFooter == [])
        #expect(doc.hasDistinctFirstPage)
        let plain = try render("<p>x</p>", head: "<header><p>h</p></header>")
        #expect(!plain.hasDistinctFirstPage)
    }

    @Test func fontAndTextColour() throws {
        let doc = try render("<p>x</p>", attributes: " font=\"Liberation Serif\" text-color=\"#1f3864\"")
        #expect(doc.styles.fontFamily == "Liberation Serif")
        #expect(doc.styles.textColor == "1F3864")
        let plain = try render("<p>x</p>")
        #expect(plain.styles.fontFamily == StyleSheet.defaultFontFamily)
        #expect(plain.styles.textColor == nil)
    }

    /// Column alignment goes to every cell of the column (spans count), a cell's own wins,
    /// and the paragraph's own alignment stays on the paragraph.
    @Test func columnAndCellAlignment() throws {
        let doc = try render("""
            <table widths="30mm * 30mm" align="start,center,end" padding="3mm">
              <row><cell>a</cell><cell align="justify" valign="bottom">b</cell><cell valign="center">c</cell></row>
              <row><cell span="2">wide</cell><cell><p align="start">own</p></cell></row>
            </table>
            """)
        guard case .table(let table) = doc.body.first else { Issue.record("no table"); return }
        #expect(table.cellPadding == .mm(3))
        #expect(table.rows[0].cells.map(\.alignment) == [.start, .justify, .end])
        #expect(table.rows[0].cells.map(\.verticalAlignment) == [nil, .bottom, .center])
        #expect(table.rows[1].cells.map(\.alignment) == [.start, .end])
        guard case .paragraph(let own) = table.rows[1].cells[1].alignedBlocks.first else { Issue.record("no paragraph"); return }
        #expect(own.alignment == .start)
        guard case .paragraph(let inherited) = table.rows[0].cells[2].alignedBlocks.first else { Issue.record("no paragraph"); return }
        #expect(inherited.alignment == .end)
    }

    @Test(arguments: [
        ("", "<page size=\"A5\"/>", "template.page-size", "did you mean 'A4'? sizes: A4, A3, Letter"),
        ("", "<page orientation=\"landscap\"/>", "template.orientation", "did you mean 'landscape'? use one of: portrait, landscape"),
        ("<section size=\"Legal\"><p>x</p></section>", "", "template.page-size", "sizes: A4, A3, Letter"),
        ("<table><row><cell align=\"right\">x</cell></row></table>", "", "template.align",
         "use one of: start, center, end, justify"),
        ("<table><row><cell valign=\"middle\">x</cell></row></table>", "", "template.valign", "use one of: top, center, bottom"),
        ("<table widths=\"10mm 10mm\" align=\"start,centre\"><row><cell>x</cell></row></table>", "", "template.align",
         "did you mean 'center'? use one of: start, center, end, justify"),
        ("<table widths=\"10mm 10mm\" align=\"start\"><row><cell>x</cell></row></table>", "", "template.align",
         "give one alignment per column, separated by commas, for example align=\"start,end,end\""),
        ("<table><row><cell><section orientation=\"landscape\"><p>x</p></section></cell></row></table>", "", "template.section-page",
         "move it to the top level of <body>, or remove size, orientation and margins"),
        ("<p>x</p>", "<first-page-headr/>", "template.unknown-element", "did you mean <first-page-header>?"),
        // Found by fuzz-template: a width past Int's range in twips trapped the DOCX writer.
        ("<table widths=\"777777777777777777777777740mm *\"><row><cell>x</cell><cell>y</cell></row></table>", "",
         "template.length", "write widths like \"70mm 30mm *\""),
    ])
    func mistakesAreLocatedWithTheAllowedValues(_ body: String, _ head: String, _ code: String, _ suggestion: String) {
        let found = errors(body, head: head)
        #expect(found.map(\.code) == [code], "\(found)")
        #expect(found.first?.suggestion == suggestion)
        #expect(found.first?.line == (head.isEmpty ? 3 : 2))
        #expect(found.first?.sourceLine?.isEmpty == false)
    }

    @Test(arguments: [" font=\"Arial, sans-serif\"", " font=\"\"", " text-color=\"blue\""])
    func badFontsAndColoursAreErrors(_ attributes: String) {
        let found = errors("<p>x</p>", attributes: attributes)
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(["template.font", "template.colour"].contains(found.first?.code ?? ""))
    }

    @Test func sectionsInTheHeaderCannotHavePageSettings() {
        let found = errors("<p>x</p>", head: "<header><section orientation=\"landscape\"><p>h</p></section></header>")
        #expect(found.map(\.code) == ["template.section-page"])
    }
}
