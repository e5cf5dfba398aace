import DocumentModel
import ODTWriter
import TestSupport
import Testing

/// Rows that do not split, signature grids kept on one page with the paragraph before them
/// and room for a seal, hyphenation and widow/orphan control (``LayoutSamples/printRules``).
@Suite struct ODTWriterPrintRulesTests {
    static func part(_ name: String, of document: Document) throws -> String {
        try #require(try ODTWriter().parts(of: document).first { $0.path == name }).text
    }

    @Test func rowsStayWholeUnlessTheyOptOut() throws {
        let content = try Self.part("content.xml", of: LayoutSamples.printRules)
        #expect(content.contains(
            "<style:style style:name=\"Row1\" style:family=\"table-row\"><style:table-row-properties fo:keep-together=\"always\"/>"),
            "\(content)")
        // The opted-out row has no row style at all; the others carry Row1.
        #expect(content.components(separatedBy: "<table:table-row table:style-name=\"Row1\">").count - 1 == 2, "\(content)")
        #expect(content.contains("</table:table-row><table:table-row><table:table-cell"), "\(content)")
    }

    @Test func allRowsMaySplitWhenTheTableSaysSo() throws {
        var document = LayoutSamples.printRules
        guard case .table(var table) = document.body[1] else { Issue.record("no table"); return }
        table.rowsMaySplit = true
        document.body[1] = .table(table)
        let content = try Self.part("content.xml", of: document)
        // Only the header row is kept whole.
        #expect(content.components(separatedBy: "<table:table-row table:style-name=\"Row1\">").count - 1 == 1, "\(content)")
    }

    @Test func signaturesKeepTogetherWithTheParagraphBefore() throws {
        let content = try Self.part("content.xml", of: LayoutSamples.printRules)
        #expect(content.contains("style:may-break-between-rows=\"false\""), "\(content)")
        #expect(content.contains("fo:keep-with-next=\"always\""), "\(content)")
        #expect(content.contains("<text:p text:style-name=\"P1\">Настоящият протокол"), "\(content)")
        #expect(content.contains("<text:p text:style-name=\"Signature_20_Line\">Подпис: "), "\(content)")
    }

    /// Four lines above the signature line (name, role, institution, date), then the 40 mm
    /// of room for the seal, and the cell padding.
    @Test func aRowWithASealHasRoomForIt() throws {
        let content = try Self.part("content.xml", of: LayoutSamples.printRules)
        let height = try #require(content.components(separatedBy: "style:min-row-height=\"").dropFirst().first?.prefix { $0 != "\"" })
        let millimetres = try #require(Double(height.dropLast(2)))
        #expect(height.hasSuffix("mm"))
        #expect(millimetres > 40 + 18 && millimetres < 40 + 30, "\(height)")
    }

    @Test func hyphenationAndWidowsInTheDocumentLanguage() throws {
        let styles = try Self.part("styles.xml", of: LayoutSamples.printRules)
        #expect(styles.contains("fo:hyphenation-ladder-count=\"no-limit\" fo:orphans=\"2\" fo:widows=\"2\""), "\(styles)")
        #expect(styles.contains(
            "fo:language=\"bg\" fo:country=\"BG\" fo:hyphenate=\"true\" fo:hyphenation-remain-char-count=\"3\" fo:hyphenation-push-char-count=\"3\""),
            "\(styles)")
    }

    @Test func noBreakCharactersAreWrittenAsTheyAre() throws {
        let content = try Self.part("content.xml", of: LayoutSamples.printRules)
        #expect(content.contains("19.01.2029\u{A0}г."))
        #expect(content.contains("чл.\u{A0}3, ал.\u{A0}2."))
    }
}
