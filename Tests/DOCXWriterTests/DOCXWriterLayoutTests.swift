import DOCXWriter
import DocumentModel
import Foundation
import TestSupport
import Testing

/// Page sizes, landscape sections, a distinct first page, fonts and colours, cell alignment
/// and padding: golden parts per sample of ``LayoutSamples`` (`Golden/layout/<name>/`,
/// re-record with `RECORD_GOLDEN=1 swift test --filter DOCXWriterLayoutTests`), strict
/// ECMA-376 validation, and the markup each feature needs.
@Suite struct DOCXWriterLayoutTests {
    static let goldenDirectory = DOCXWriterGoldenTests.goldenDirectory.appendingPathComponent("layout")

    @Test(arguments: LayoutSamples.all.map(\.name))
    func matchesGoldenParts(_ name: String) throws {
        let document = try #require(LayoutSamples.all.first { $0.name == name }?.document)
        let package = try WrittenPackage(document)
        let parts = ["[Content_Types].xml", "word/_rels/document.xml.rels", "word/document.xml", "word/styles.xml", "word/fontTable.xml",
                     "word/header2.xml", "word/footer2.xml"].filter { package.partNames.contains($0) }
        let problems = try TestSupport.compareWithGolden(
            package: package.bytes, parts: parts, directory: Self.goldenDirectory.appendingPathComponent(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everySamplePassesStrictValidation() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (name, document) in LayoutSamples.all {
            let file = directory.appendingPathComponent("\(name).docx")
            try Data(try DOCXWriter().write(document)).write(to: file)
            files.append(file.path)
        }
        let result = try TestSupport.runSharedTool("validate-docx", ["--strict"] + files)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("OK ") }.count == files.count, "\(result.output)")
    }

    @Test(arguments: [
        ("a3", "<w:pgSz w:w=\"16838\" w:h=\"23811\"/>"), ("letter", "<w:pgSz w:w=\"12240\" w:h=\"15840\"/>"),
        ("landscape", "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"),
    ])
    func pageSizeAndOrientation(_ name: String, _ expected: String) throws {
        let document = try #require(LayoutSamples.all.first { $0.name == name }?.document)
        let xml = try #require(try WrittenPackage(document).text(of: "word/document.xml"))
        #expect(xml.contains(expected), "\(xml)")
    }

    /// Section breaks: the portrait pages before the annex, the landscape annex, then the
    /// body's own `w:sectPr` for the portrait pages after it; headers repeated in each.
    @Test func landscapeSectionEndsWithItsOwnSectionProperties() throws {
        let package = try WrittenPackage(LayoutSamples.landscapeSection)
        let xml = try #require(package.text(of: "word/document.xml"))
        let doc = try #require(package.parsed("word/document.xml"))
        #expect(doc.count(of: "w:sectPr") == 3)
        #expect(doc.count(of: "w:headerReference") == 3)
        #expect(doc.attributeValues("w:val", of: "w:type") == ["nextPage", "nextPage"])
        #expect(doc.attributeValues("w:orient", of: "w:pgSz") == ["landscape"])
        let landscape = try #require(xml.range(of: "w:orient=\"landscape\""))
        #expect(xml[..<landscape.lowerBound].contains("Anexa 1. Buget estimat"))
        #expect(!xml[landscape.upperBound...].contains("Anexa 1. Buget estimat"))
        // The annex table spans the landscape text width (257 mm).
        #expect(doc.attributeValues("w:w", of: "w:tblW") == [String(Length.mm(257).twips)])
    }

    @Test func aSectionAtTheEndIsTheLastSection() throws {
        var document = LayoutSamples.landscapeSection
        document.body.removeLast(2)
        let doc = try #require(try WrittenPackage(document).parsed("word/document.xml"))
        #expect(doc.count(of: "w:sectPr") == 2)
        #expect(doc.attributeValues("w:orient", of: "w:pgSz") == ["landscape"])
    }

    @Test func distinctFirstPageHasTitlePgAndItsOwnParts() throws {
        let package = try WrittenPackage(LayoutSamples.firstPage)
        let doc = try #require(package.parsed("word/document.xml"))
        #expect(doc.count(of: "w:titlePg") == 1)
        #expect(doc.attributeValues("w:type", of: "w:headerReference") == ["default", "first"])
        #expect(doc.attributeValues("w:type", of: "w:footerReference") == ["default", "first"])
        #expect(package.text(of: "word/header2.xml")?.contains("ANTET") == true)
        #expect(package.text(of: "word/footer2.xml")?.contains("Document emis pe prima pagină") == true)
        #expect(package.text(of: "word/header1.xml")?.contains("ANTET") == false)
        // Without a distinct first page there are no first-page parts.
        let plain = try WrittenPackage(LayoutSamples.a3)
        #expect(!plain.partNames.contains("word/header2.xml"))
        #expect(plain.parsed("word/document.xml")?.count(of: "w:titlePg") == 0)
    }

    /// A body that opens with a landscape section prints page 1 in the section's layout,
    /// without the first-page bands, as the ODT writer does.
    @Test func aBodyOpeningWithASectionHasNoFirstPageBands() throws {
        var document = LayoutSamples.landscapeSection
        document.firstPageHeader = [.paragraph(Paragraph([.text("ANTET")], style: .header))]
        document.body.removeFirst(2)
        let doc = try #require(try WrittenPackage(document).parsed("word/document.xml"))
        #expect(doc.count(of: "w:titlePg") == 0)
        #expect(doc.count(of: "w:sectPr") == 2)
        #expect(doc.attributeValues("w:orient", of: "w:pgSz") == ["landscape"])
    }

    @Test func fontAndColourAreDeclaredAndUsed() throws {
        let package = try WrittenPackage(LayoutSamples.fontAndColour)
        let styles = try #require(package.text(of: "word/styles.xml"))
        #expect(styles.contains("<w:rFonts w:ascii=\"Liberation Serif\" w:hAnsi=\"Liberation Serif\" w:eastAsia=\"Liberation Serif\" w:cs=\"Liberation Serif\"/><w:color w:val=\"1F3864\"/>"))
        let fonts = try #require(package.parsed("word/fontTable.xml"))
        #expect(fonts.attributeValues("w:name", of: "w:font") == ["Liberation Serif", "DejaVu Sans"])
        // The checkbox glyph is in the symbol font.
        let document = try #require(package.text(of: "word/document.xml"))
        #expect(document.contains("<w:rFonts w:ascii=\"DejaVu Sans\" w:hAnsi=\"DejaVu Sans\" w:eastAsia=\"DejaVu Sans\" w:cs=\"DejaVu Sans\"/></w:rPr><w:t>\u{2612}</w:t>"))
    }

    @Test func cellsCarryAlignmentVerticalAlignmentAndPadding() throws {
        let doc = try #require(try WrittenPackage(LayoutSamples.cellAlignment).parsed("word/document.xml"))
        #expect(doc.attributeValues("w:val", of: "w:vAlign") == ["center", "bottom"])
        #expect(Set(doc.attributeValues("w:val", of: "w:jc")).isSuperset(of: ["center", "end", "both", "start"]))
        let padding = doc.attributeValues("w:w", of: "w:top")
        #expect(padding == [String(Table.defaultCellPadding.twips), String(Length.mm(3).twips)])
    }
}
