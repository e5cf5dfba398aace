import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing
import ZipSupport

/// Page sizes, landscape sections, a distinct first page, fonts and colours, cell alignment
/// and padding: golden parts per sample of ``LayoutSamples`` (`Golden/layout/<name>/`,
/// re-record with `RECORD_GOLDEN=1 swift test --filter ODTWriterLayoutTests`), plain ODF 1.3,
/// and the markup each feature needs.
@Suite struct ODTWriterLayoutTests {
    static let goldenDirectory = ODTWriterGoldenTests.goldenDirectory.appendingPathComponent("layout")

    static func part(_ name: String, of document: Document) throws -> String {
        try #require(try ODTWriter().parts(of: document).first { $0.path == name }).text
    }

    @Test(arguments: LayoutSamples.all.map(\.name))
    func matchesGoldenParts(_ name: String) throws {
        let document = try #require(LayoutSamples.all.first { $0.name == name }?.document)
        let problems = try TestSupport.compareWithGolden(
            package: try ODTWriter().write(document), parts: ["content.xml", "styles.xml"],
            directory: Self.goldenDirectory.appendingPathComponent(name))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everySamplePassesStrictValidation() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        for (name, document) in LayoutSamples.all {
            let file = directory.appendingPathComponent("\(name).odt")
            try Data(try ODTWriter().write(document)).write(to: file)
            files.append(file.path)
        }
        let result = try TestSupport.runSharedTool("validate-odt", ["--strict"] + files)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("OK ") }.count == files.count, "\(result.output)")
    }

    @Test(arguments: [
        ("a3", "297mm", "420mm", "portrait"), ("letter", "215.9mm", "279.4mm", "portrait"),
        ("landscape", "297mm", "210mm", "landscape"),
    ])
    func pageSizeAndOrientation(_ name: String, _ width: String, _ height: String, _ orientation: String) throws {
        let document = try #require(LayoutSamples.all.first { $0.name == name }?.document)
        let styles = try Self.part("styles.xml", of: document)
        #expect(styles.contains("fo:page-width=\"\(width)\" fo:page-height=\"\(height)\" style:print-orientation=\"\(orientation)\""), "\(styles)")
    }

    /// The section's first heading starts its landscape master page, the heading after it
    /// returns to Standard; both master pages have the header and footer.
    @Test func landscapeSectionHasItsOwnMasterPage() throws {
        let document = LayoutSamples.landscapeSection
        let styles = try Self.part("styles.xml", of: document), content = try Self.part("content.xml", of: document)
        #expect(styles.contains("<style:page-layout style:name=\"pm2\"><style:page-layout-properties fo:page-width=\"297mm\" fo:page-height=\"210mm\" style:print-orientation=\"landscape\""))
        #expect(styles.contains("<style:master-page style:name=\"Section1\" style:display-name=\"Section 1\" style:page-layout-name=\"pm2\"><style:header>"))
        #expect(content.contains("style:parent-style-name=\"Heading_20_2\" style:master-page-name=\"Section1\""), "\(content)")
        #expect(content.contains("style:parent-style-name=\"Heading_20_2\" style:master-page-name=\"Standard\""), "\(content)")
        // The table is laid out at the landscape text width.
        #expect(content.contains("style:width=\"257mm\""), "\(content)")
        #expect(!content.contains("fo:break-before"))
    }

    /// A section that ends the document leaves no empty page after it.
    @Test func aSectionAtTheEndAddsNoPage() throws {
        var document = LayoutSamples.landscapeSection
        document.body.removeLast(2)
        let content = try Self.part("content.xml", of: document)
        #expect(!content.contains("style:master-page-name=\"Standard\""), "\(content)")
        #expect(content.contains("style:master-page-name=\"Section1\""))
    }

    @Test func distinctFirstPageIsAMasterPageFollowedByStandard() throws {
        let document = LayoutSamples.firstPage
        let styles = try Self.part("styles.xml", of: document), content = try Self.part("content.xml", of: document)
        #expect(styles.contains("<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\" style:page-layout-name=\"pm1\" style:next-style-name=\"Standard\"><style:header>"))
        #expect(styles.contains("ANTET"))
        #expect(content.contains("style:parent-style-name=\"Heading_20_1\" style:master-page-name=\"First_20_Page\""), "\(content)")
        // An empty first-page header leaves page 1 without one, on a layout without a header band.
        var bare = document
        bare.firstPageHeader = []
        let bareStyles = try Self.part("styles.xml", of: bare)
        #expect(bareStyles.contains("<style:master-page style:name=\"First_20_Page\" style:display-name=\"First Page\" style:page-layout-name=\"pm2\" style:next-style-name=\"Standard\"><style:footer>"))
    }

    @Test func aBodyOpeningWithASectionStartsOnItsMasterPage() throws {
        var document = LayoutSamples.landscapeSection
        document.firstPageHeader = [.paragraph(Paragraph([.text("ANTET")], style: .header))]
        document.body.removeFirst(2)
        let content = try Self.part("content.xml", of: document)
        #expect(!content.contains("First_20_Page"), "\(content)")
        #expect(content.contains("style:parent-style-name=\"Heading_20_2\" style:master-page-name=\"Section1\""))
    }

    @Test func fontAndColourAreDeclaredAndUsed() throws {
        let document = LayoutSamples.fontAndColour
        for part in ["styles.xml", "content.xml"] {
            let xml = try Self.part(part, of: document)
            #expect(xml.contains("<style:font-face style:name=\"Liberation Serif\" svg:font-family=\"'Liberation Serif'\" style:font-family-generic=\"roman\""), "\(part)")
            #expect(xml.contains("<style:font-face style:name=\"DejaVu Sans\""), "\(part)")
        }
        let styles = try Self.part("styles.xml", of: document)
        #expect(styles.contains("style:font-name=\"Liberation Serif\" fo:font-size=\"10.5pt\" fo:language=\"ro\" fo:country=\"RO\" fo:color=\"#1F3864\""))
        var bad = document
        bad.styles.textColor = "navy"
        #expect(throws: ODTWriterError.self) { try ODTWriter().write(bad) }
    }

    @Test func cellsCarryAlignmentVerticalAlignmentAndPadding() throws {
        let content = try Self.part("content.xml", of: LayoutSamples.cellAlignment)
        #expect(content.contains("style:vertical-align=\"middle\""))
        #expect(content.contains("style:vertical-align=\"bottom\""))
        #expect(!content.contains("style:vertical-align=\"top\""))
        #expect(content.contains("fo:padding=\"3mm\""))
        #expect(content.contains("fo:padding=\"1.5mm\""))
        for alignment in ["center", "end", "justify"] {
            #expect(content.contains("fo:text-align=\"\(alignment)\""), "\(alignment)")
        }
        // The paragraph's own alignment (start, its style's) wins over its cell's (end).
        #expect(content.contains("<text:p text:style-name=\"Table_20_Contents\">jos, dar paragraful are alinierea lui</text:p>"), "\(content)")
    }
}
