import DocumentModel
import Localization
import Template
import TemplateData
import Testing

/// `formwright check` warns when a declared column width cannot hold a number, amount or code
/// of the data, which never breaks: the warning is located at `widths` and says what width
/// the column needs.
@Suite struct ColumnWidthWarningTests {
    static func warnings(widths: String, cell: String = "{code}", data: Value = ["code": "EM-EX-2026-000014"]) throws -> [TemplateError] {
        let template = try Fixtures.template("""
            <table widths="\(widths)"><row><cell>\(cell)</cell><cell>Name</cell></row></table>
            """)
        return try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: [])).layoutWarnings(data)
    }

    @Test func aDeclaredColumnTooNarrowForACodeIsWarnedAboutWithTheWidthItNeeds() throws {
        let warnings = try Self.warnings(widths: "15mm *")
        try #require(warnings.count == 1)
        let warning = warnings[0]
        #expect(warning.code == "template.column-too-narrow")
        #expect(warning.file == "t/template.xml")
        // The body starts on line 3 of the fixture; the value of widths at column 16.
        #expect(warning.line == 3 && warning.column == 16)
        // The code's hyphens do not break (U+2011); table cell text in Arial's metrics, the
        // cell padding on each side and 0.5 mm slack.
        let token = FontMetrics.width(of: "EM\u{2011}EX\u{2011}2026\u{2011}000014", size: StyleSheet.standard[.tableCell].fontSize)
        let needed = (token + Table.defaultCellPadding + Table.defaultCellPadding + .mm(0.5)).hundredthsOfMillimetre
        let wholeMillimetres = (needed + 99) / 100
        #expect(warning.message.contains("column 1 of this table is 15mm wide"))
        #expect(warning.message.contains("\u{201C}EM\u{2011}EX\u{2011}2026\u{2011}000014\u{201D}"))
        #expect(warning.message.contains("it needs \(wholeMillimetres)mm"), "\(warning.message)")
        #expect(warning.suggestion == "declare at least \(wholeMillimetres)mm for column 1 in widths, or * so that it takes room from the other columns")
    }

    @Test(arguments: [
        "60mm *",   // wide enough
        "* 60mm",   // the code is in a shared column, which takes the room it needs
    ])
    func noWarningWhenTheColumnCanHoldIt(widths: String) throws {
        #expect(try Self.warnings(widths: widths).isEmpty)
    }

    /// Words without a digit may be hyphenated: only numbers, amounts and codes count.
    @Test func wordsWithoutDigitsAreNotWarnedAbout() throws {
        #expect(try Self.warnings(widths: "10mm *", data: ["code": "Extraordinarily"]).isEmpty)
    }

    /// A table repeated by a loop is warned about once per column.
    @Test func aWarningIsGivenOnce() throws {
        let template = try Fixtures.template("""
            <table each="x in items" widths="12mm *"><row><cell>{x}</cell><cell>Name</cell></row></table>
            """)
        let compiled = try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: []))
        let warnings = compiled.layoutWarnings(["items": ["2026-000014", "2026-000015"]])
        #expect(warnings.count == 1)
    }

    /// Data that do not render give no layout warnings (the render reports the errors).
    @Test func dataThatDoNotRenderGiveNoWarnings() throws {
        let template = try Fixtures.template("<table widths=\"12mm *\"><row><cell>{a | date:\"short\"}</cell><cell>x</cell></row></table>")
        let compiled = try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: []))
        #expect(throws: TemplateErrors.self) { try compiled.render(["a": "not a date"]) }
        #expect(compiled.layoutWarnings(["a": "not a date"]).isEmpty)
    }
}
