import DocumentModel
import Foundation
import ODTWriter
import TestSupport
import Testing

/// Legal articles as the template renderer builds them: bold article labels run into the
/// first paragraph, `(1)` paragraph numbers as text, lettered points as ``NumberLabel``s
/// with a hanging indent.
enum ArticleSample {
    static func point(_ label: String, _ text: String, level: Int = 1) -> Block {
        .paragraph(Paragraph([.text(text)], label: NumberLabel(label, level: level)))
    }

    static let bulgarian = Document(
        metadata: Metadata(title: "Протокол за взаимодействие", language: LanguageTag("bg-BG")),
        body: [
            .paragraph(Paragraph([.text("ПРОТОКОЛ ЗА ВЗАИМОДЕЙСТВИЕ")], style: .title)),
            .paragraph(Paragraph([.text("Чл. 1. Предмет", marks: .bold)], alignment: .start, keepWithNext: true)),
            .paragraph(Paragraph([.text("(1) Страните си сътрудничат при закрилата на децата в риск.")])),
            .paragraph(Paragraph([.text("(2) Сътрудничеството обхваща:")], keepWithNext: true)),
            point("а)", "насочване на случаи между институциите, с писмено уведомление до отдел „Закрила на детето“ в срок от 24 часа от получаването на сигнала;"),
            point("б)", "съвместни посещения;"),
            point("1.", "в семейството;", level: 2),
            point("2.", "в училището;", level: 2),
            .paragraph(Paragraph([.text("когато е необходимо;")], label: NumberLabel("", level: 1))),
            point("в)", "случайни конференции."),
            .paragraph(Paragraph([.text("Чл. 2.", marks: .bold), .text(" (1) Данните се обменят само по реда на чл. 1, ал. 2.")])),
            .paragraph(Paragraph([.text("(2) Нарушение се съобщава в срок от 24 часа.")])),
        ])
}

@Suite struct ODTWriterArticleTests {
    @Test func passesStrictValidation() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("articles.odt")
        try Data(try ODTWriter().write(ArticleSample.bulgarian)).write(to: file)
        let result = try TestSupport.runSharedTool("validate-odt", ["--strict", file.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.stdout.hasPrefix("OK "), "\(result.output)")
    }

    @Test func labelsAreTextWithATabAndHangingIndents() throws {
        let entries = try ODTWriter().parts(of: ArticleSample.bulgarian)
        let content = String(decoding: try #require(entries.first { $0.path == "content.xml" }).data, as: UTF8.self)
        #expect(content.contains(">а)<text:tab/>насочване на случаи"))
        #expect(content.contains(">1.<text:tab/>в семейството;"))
        // Level 1: text at 7 mm, label one step out; level 2: text at 14 mm.
        #expect(content.contains("fo:margin-left=\"7mm\" fo:text-indent=\"-7mm\""))
        #expect(content.contains("fo:margin-left=\"14mm\" fo:text-indent=\"-7mm\""))
        #expect(content.contains("fo:margin-left=\"7mm\" fo:text-indent=\"0mm\""), "continuation text aligns with the item's text")
        #expect(content.contains("<style:tab-stop style:position=\"0mm\"/>"))
        #expect(!content.contains("text:list"), "legal numbering is not the office suite's list numbering")
    }

    @Test func libreOfficeShowsTheComputedNumbers() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("articles.odt")
        try Data(try ODTWriter().write(ArticleSample.bulgarian)).write(to: file)
        let result = try TestSupport.runSharedTool("office-roundtrip", [file.path, "--outdir", directory.path])
        try #require(result.status == 0, "\(result.output)")
        let textLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("TEXT: ") })
        let text = try String(contentsOfFile: String(textLine.dropFirst("TEXT: ".count)), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("Чл. 1. Предмет"), "\(text)")
        #expect(lines.contains { $0.hasPrefix("Чл. 2. (1) Данните") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("(2) Сътрудничеството") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("а)") && $0.hasSuffix("насочване на случаи между институциите, с писмено") }
                || lines.contains { $0.hasPrefix("а)") && $0.contains("насочване") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("б)") && $0.hasSuffix("съвместни посещения;") }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("2.") && $0.hasSuffix("в училището;") }, "\(text)")
    }
}
