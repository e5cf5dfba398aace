import Foundation
@testable import OfficeConversion
import Synchronization
import TestSupport
import Testing

/// The PDF text with positions (`pdftotext -bbox-layout`), and the print checks read from it.
@Suite struct PDFTextTests {
    /// What `pdftotext -bbox-layout` writes, for one page of two lines in one block.
    static func xhtml(pages: [[[String]]]) -> [UInt8] {
        var body = ""
        for page in pages {
            body += #"<page width="595.3" height="841.9"><flow>"#
            var y = 100.0
            for var block in page {
                if let first = block.first, first.hasPrefix("@"), let at = Double(first.dropFirst().prefix { $0 != " " }) {
                    y = at
                    block[0] = String(first.drop { $0 != " " }.dropFirst())
                }
                body += #"<block xMin="56" yMin="\#(y)" xMax="300" yMax="\#(y + 12 * Double(block.count))">"#
                for line in block {
                    body += #"<line xMin="56" yMin="\#(y)" xMax="300" yMax="\#(y + 12)">"#
                    for (i, word) in line.split(separator: " ").enumerated() {
                        body += #"<word xMin="\#(56 + 30 * i)" yMin="\#(y)" xMax="\#(80 + 30 * i)" yMax="\#(y + 12)">\#(word)</word>"#
                    }
                    body += "</line>"
                    y += 12
                }
                body += "</block>"
                y += 20
            }
            body += "</flow></page>"
        }
        return Array(#"""
            <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
            <head><title></title></head><body><doc>\#(body)</doc></body></html>
            """#.utf8)
    }

    @Test func readsPagesBlocksLinesAndWords() throws {
        let text = try PDFText.parse(Self.xhtml(pages: [[["Hello world", "second &amp; line"]], [["Page two"]]]), file: "x.pdf")
        #expect(text.pages.map(\.number) == [1, 2])
        #expect(text.pages[0].lines.map(\.text) == ["Hello world", "second & line"])
        #expect(text.pages[0].lines[1].words[0].box == PDFText.Box(xMin: 56, yMin: 112, xMax: 80, yMax: 124))
        #expect(text.words == ["Hello", "world", "second", "&", "line", "Page", "two"])
        #expect(text.pages[1].width == 595.3)
    }

    /// LibreOffice hangs the hyphen of a justified line in the margin, where pdftotext reads
    /// it as a word of its own (`the Coun -` / `cil’s`); a hyphen before a capital is kept.
    @Test(arguments: [
        (["Изпълне-", "нието на плана –", "Ана"], ["Изпълнението", "на", "плана", "–", "Ана"]),
        (["address the Coun -", "cil’s team"], ["address", "the", "Council’s", "team"]),
        (["за подк \u{AD}", "репа;"], ["за", "подкрепа;"]),
        (["Cluj-", "Napoca is"], ["Cluj-", "Napoca", "is"]),
        (["ends with a -", "Capital"], ["ends", "with", "a-", "Capital"]),
    ])
    func hyphenatedLineEndsAreJoined(_ lines: [String], _ joined: [String]) throws {
        let text = try PDFText.parse(Self.xhtml(pages: [[lines]]), file: "x.pdf")
        #expect(text.joinedWords == joined)
    }

    @Test func notTheOutputOfPdftotext() {
        #expect(throws: OfficeConversionError.self) { try PDFText.parse(Array("<html><body/></html>".utf8), file: "x.pdf") }
        #expect(throws: OfficeConversionError.self) { try PDFText.parse(Array("%PDF-1.6".utf8), file: "x.pdf") }
    }

    @Test(arguments: [
        (["Total", "12 480,00 M", "DL"], true),
        (["Total 12 480,00", "MDL"], true),
        (["Total", "12 480,00 MDL", "signed"], false),
        (["12 480,00 MDL and", "12 480,00 MDL"], false),
    ])
    func aMoneyValueBrokenOverTwoLinesIsFound(lines: [String], split: Bool) throws {
        let text = try PDFText.parse(Self.xhtml(pages: [[lines]]), file: "x.pdf")
        let findings = PrintCheck(moneyValues: ["12\u{A0}480,00\u{A0}MDL"]).findings(in: text, file: "budget.pdf")
        #expect(findings.map(\.kind) == (split ? [.splitMoney] : []), "\(findings)")
        if split { #expect(findings.first?.description.hasPrefix("budget.pdf: page 1: money split across lines: ") == true) }
    }

    @Test func aValueInAnotherCellIsNotSplit() throws {
        // Two blocks (two table cells): the end of one and the start of the next are not one value.
        let text = try PDFText.parse(Self.xhtml(pages: [[["Total 12"], ["480,00 MDL"]]]), file: "x.pdf")
        #expect(PrintCheck(moneyValues: ["12 480,00 MDL"]).findings(in: text, file: "x.pdf").isEmpty)
    }

    @Test func aTableRowBrokenAcrossPagesIsFound() throws {
        let cell = "The team visits the family every week and reports to the case manager."
        let split = try PDFText.parse(Self.xhtml(pages: [
            [["Activity", "Weekly visits"], ["The team visits the family every", "week and"]],
            [["reports to the case", "manager."], ["Responsible"]],
        ]), file: "x.pdf")
        let findings = PrintCheck(tableCells: [cell, "Weekly visits", "Responsible"]).findings(in: split, file: "plan.pdf")
        #expect(findings.map(\.description) == ["plan.pdf: page 1: table row split across pages: The team visits the family every week and | reports to the case manager."])
        #expect(PrintCheck.marked("Da se\nосигури  стойка", after: 6) == "Da se ос | игури стойка")
        let signature = PrintCheck(signatureBlocks: [cell]).findings(in: split, file: "plan.pdf")
        #expect(signature.map(\.kind) == [.splitSignature])
        // Whole on one page (a long text on page 2): nothing to report.
        let whole = try PDFText.parse(Self.xhtml(pages: [[["Activity"]], [["The team visits the family every", "week and reports to the case", "manager."]]]), file: "x.pdf")
        #expect(PrintCheck(tableCells: [cell]).findings(in: whole, file: "plan.pdf").filter { $0.kind == .splitRow }.isEmpty)
    }

    static let signature = ["Ana Popescu", "Date: ____________________________", "Signature: ____________________________", "L.S."]

    @Test func pagesWithNothingToSignAgainstAreFound() throws {
        let text = try PDFText.parse(Self.xhtml(pages: [
            [["The parties agree to the plan above.", "They sign it in two copies."]],
            [["Ana Popescu", "Date: ____________________________", "L.S."]],
            [["and the last words."]],
        ]), file: "x.pdf")
        let findings = PrintCheck(signatureTexts: Self.signature).findings(in: text, file: "plan.pdf")
        #expect(findings.map(\.kind) == [.signatureOnlyPage, .remainderPage], "\(findings)")
        #expect(findings.map(\.page) == [2, 3])
        #expect(findings[0].text == "Ana Popescu / Date: ____________________________ / L.S.")
    }

    @Test func runningFootersAreNotBody() throws {
        let full = (1...6).map { "Line \($0) of a page that is full of text and goes on" }
        // `@800` puts a block at that height: the footer, on every page.
        func page(_ n: Int, _ lines: [String]) -> [[String]] { (lines.isEmpty ? [] : [lines]) + [["@800 Page \(n) of 3"]] }
        let text = try PDFText.parse(Self.xhtml(pages: [page(1, full), page(2, ["The end."]), page(3, [])]), file: "x.pdf")
        let findings = PrintCheck().findings(in: text, file: "x.pdf")
        #expect(findings.map(\.kind) == [.remainderPage, .footerOnlyPage], "\(findings)")
        #expect(findings.map(\.text) == ["The end.", "Page 3 of 3"])
        #expect(PrintCheck.isPageNumber("Страница 2 от 3") && PrintCheck.isPageNumber("2/3") && PrintCheck.isPageNumber("- 2 -"))
        #expect(!PrintCheck.isPageNumber("Дата: ____") && !PrintCheck.isPageNumber("Total: 12 480,00 MDL"))
    }

    /// A real PDF from LibreOffice: two pages, the second with only a seal mark.
    @Test(.enabled(if: ExecutableLocator.find("soffice") != nil && ExecutableLocator.find("pdftotext") != nil,
                   "needs LibreOffice (soffice) and poppler-utils (pdftotext)"))
    func readsAPDFMadeByLibreOffice() throws {
        let dir = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("two-pages.odt")
        try Data(try Self.odt(["Total: 12\u{A0}480,00\u{A0}MDL", "L.S."])).write(to: file)
        let texts = Mutex<[PDFText]>([])
        let failures = Mutex<[String]>([])
        try OfficeConverter().convert([file], to: .pdf, workFolder: dir) { _, result in
            switch result {
            case .success(let pdf):
                do { let text = try PDFText.read(pdf.url); texts.withLock { $0.append(text) } } catch { failures.withLock { $0.append("\(error)") } }
            case .failure(let error): failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty, "\(failures.withLock { $0 })")
        let text = try #require(texts.withLock { $0.first })
        #expect(text.pages.count == 2)
        #expect(text.pages.first?.lines.first?.text == "Total: 12 480,00 MDL")
        #expect(text.pages.last?.lines.map(\.text) == ["L.S."])
        let findings = PrintCheck(moneyValues: ["12 480,00 MDL"], signatureTexts: ["L.S."]).findings(in: text, file: "two-pages.pdf")
        #expect(findings.map(\.description) == ["two-pages.pdf: page 2: signature-only page: L.S."])
    }

    /// A minimal ODT with one paragraph per page.
    static func odt(_ pages: [String]) throws -> [UInt8] {
        let paragraphs = pages.enumerated().map { #"<text:p text:style-name="\#($0.offset == 0 ? "P0" : "P1")">\#($0.element)</text:p>"# }.joined()
        return try MinimalODT.package(
            automaticStyles: #"<style:style style:name="P0" style:family="paragraph"/><style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>"#,
            text: paragraphs)
    }
}
