import DocumentModel
import Foundation
import TestSupport
import Testing

/// Legal articles as the template renderer builds them (see ``NumberLabel``): the labels
/// are text followed by a tab, the indents hang, and no Word numbering is involved.
@Suite struct DOCXWriterArticleTests {
    static func point(_ label: String, _ text: String, level: Int = 1) -> Block {
        .paragraph(Paragraph([.text(text)], label: NumberLabel(label, level: level)))
    }

    static let document = Document(
        metadata: Metadata(title: "Protocol de colaborare", language: LanguageTag("ro-RO")),
        body: [
            .paragraph(Paragraph([.text("Art. 1. Obiectul protocolului", marks: .bold)], alignment: .start, keepWithNext: true)),
            .paragraph(Paragraph([.text("(1) Părțile cooperează în domeniul protecției copilului.")])),
            .paragraph(Paragraph([.text("(2) Cooperarea cuprinde:")], keepWithNext: true)),
            point("a)", "referirea cazurilor între instituții, cu notificarea scrisă a direcției generale în termen de 24 de ore de la primirea sesizării;"),
            point("b)", "vizite comune;"),
            point("1.", "în familie;", level: 2),
            .paragraph(Paragraph([.text("după caz;")], label: NumberLabel("", level: 1))),
            .paragraph(Paragraph([.text("Art. 2.", marks: .bold), .text(" Datele se transmit conform art. 1 alin. (2).")])),
        ])

    @Test func passesStrictValidation() throws {
        let file = try WrittenPackage(Self.document).save(named: "articles")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let result = try TestSupport.runSharedTool("validate-docx", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }

    @Test func labelsAreTextWithATabAndHangingIndents() throws {
        let package = try WrittenPackage(Self.document)
        let body = try #require(package.text(of: "word/document.xml"))
        #expect(body.contains("<w:t>a)</w:t></w:r><w:r><w:tab/></w:r>"))
        // 7 mm = 397 twips; level 2 text at 14 mm = 794 twips.
        #expect(body.contains("<w:ind w:left=\"397\" w:hanging=\"397\"/>"))
        #expect(body.contains("<w:ind w:left=\"794\" w:hanging=\"397\"/>"))
        #expect(body.contains("<w:ind w:left=\"397\"/>"), "continuation text aligns with the item's text")
        #expect(!body.contains("w:numPr"), "legal numbering is not Word list numbering")
    }

    @Test func libreOfficeShowsTheComputedNumbers() throws {
        let file = try WrittenPackage(Self.document).save(named: "articles")
        let directory = file.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", directory.appendingPathComponent("out").path])
        try #require(result.status == 0, "\(result.output)")
        let textLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("TEXT: ") })
        let text = try String(contentsOfFile: String(textLine.dropFirst("TEXT: ".count)).trimmingCharacters(in: .whitespaces), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Art. 1. Obiectul protocolului"), "\(text)")
        #expect(lines.contains { $0.hasPrefix("(2) Cooperarea cuprinde:") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("b)") && $0.hasSuffix("vizite comune;") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("1.") && $0.hasSuffix("în familie;") }, "\(text)")
        #expect(lines.contains("Art. 2. Datele se transmit conform art. 1 alin. (2)."), "\(text)")
    }
}
