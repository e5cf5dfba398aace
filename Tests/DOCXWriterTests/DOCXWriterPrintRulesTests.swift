import DocumentModel
import DOCXWriter
import TestSupport
import Testing

/// The same print rules as ``ODTWriterPrintRulesTests``, in WordprocessingML.
@Suite struct DOCXWriterPrintRulesTests {
    @Test func rowsStayWholeUnlessTheyOptOut() throws {
        let package = try WrittenPackage(LayoutSamples.printRules)
        let document = try #require(package.text(of: "word/document.xml"))
        // Header, first body row and the signature row; not the opted-out row.
        #expect(document.components(separatedBy: "<w:cantSplit/>").count - 1 == 3, "\(document)")
        #expect(document.contains("<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"))
    }

    @Test func signaturesKeepTogetherWithTheParagraphBefore() throws {
        let package = try WrittenPackage(LayoutSamples.printRules)
        let document = try #require(package.text(of: "word/document.xml"))
        #expect(document.contains("<w:pStyle w:val=\"BodyText\"/><w:keepNext/></w:pPr><w:r><w:t>Настоящият протокол"), "\(document)")
        #expect(!document.contains("<w:pStyle w:val=\"Signature\"/><w:keepNext/>"), "a grid of one row has nothing to keep with")
        #expect(document.contains("<w:trHeight w:val=\""), "a row with a seal mark has room for the seal")
        #expect(document.contains("w:hRule=\"atLeast\"/>"))
    }

    /// A grid of several rows: the paragraphs of every row but the last keep with the next.
    @Test func rowsOfAGridKeepWithTheNext() throws {
        var document = LayoutSamples.printRules
        guard case .signatures(var grid) = document.body.last else { Issue.record("no grid"); return }
        grid.perRow = 1
        document.body[document.body.count - 1] = .signatures(grid)
        let xml = try #require(try WrittenPackage(document).text(of: "word/document.xml"))
        let rows = xml.components(separatedBy: "<w:tr>").suffix(2)
        #expect(rows.first?.contains("<w:pStyle w:val=\"Signature\"/><w:keepNext/>") == true)
        #expect(rows.last?.contains("<w:keepNext/>") == false)
    }

    @Test func hyphenationAndWidowsInTheDocumentLanguage() throws {
        let package = try WrittenPackage(LayoutSamples.printRules)
        let settings = try #require(package.text(of: "word/settings.xml"))
        let styles = try #require(package.text(of: "word/styles.xml"))
        #expect(settings.contains("<w:autoHyphenation/>"))
        #expect(styles.contains("<w:lang w:val=\"bg-BG\"/>"))
        #expect(styles.contains("<w:pPrDefault><w:pPr><w:widowControl/>"), "\(styles)")
    }

    /// The same room for the seal as in ODT: one model, two writers.
    @Test func sealRoomIsTheModelsInBothFormats() throws {
        let grid = SignatureGrid([SignatureBlock(name: "A", dateLabel: "D", signatureLabel: "S", sealMark: "L.S.")], sealRoom: .mm(30))
        let table = grid.table(width: .mm(170))
        let height = try #require(table.rows.first?.minimumHeight)
        #expect(height > .mm(30 + 10) && height < .mm(30 + 20))
        #expect(table.keepTogether)
        let unsealed = SignatureGrid([SignatureBlock(name: "A", dateLabel: "D", signatureLabel: "S")]).table(width: .mm(170))
        #expect(unsealed.rows[0].minimumHeight == nil)
    }
}
