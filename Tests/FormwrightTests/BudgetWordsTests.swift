import Foundation
import DocumentModel
import Formwright
import Localization
import TemplateData
import TestSupport
import Testing

/// The personalised budget prints its total in words, computed from the lines; words given in
/// the data are only a check.
@Suite struct BudgetWordsTests {
    static let directory = TestSupport.repositoryRoot.appendingPathComponent("templates/personalised-budget")

    static func document(_ edit: (inout String) -> Void, locale: LocaleID) throws -> Result<String, FormwrightError> {
        let package = try TemplatePackage(directory: directory)
        let catalogs = try TemplateLibraryTests.workspace.catalogs()
        var json = try String(contentsOf: directory.appendingPathComponent("example.json"), encoding: .utf8)
        edit(&json)
        let file = try TestSupport.temporaryDirectory().appendingPathComponent("data.json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        let data = try package.loadData(file)
        let renderer = try Renderer(package: package, catalogs: catalogs, locale: locale)
        do {
            let result = try renderer.render(data: data, format: .odt)
            let text = result.document?.body.compactMap { if case .paragraph(let p) = $0 { p.content.plainText } else { nil } }.joined(separator: "\n") ?? ""
            return .success(text)
        } catch {
            return .failure(error)
        }
    }

    static func adding(_ words: String) -> (inout String) -> Void {
        { json in json = json.replacingOccurrences(of: "\n  \"monitoring\":", with: "\n  \"amount_in_words\": \"\(words)\",\n  \"monitoring\":") }
    }

    @Test(arguments: [
        (LocaleID.roMD, "Suma în litere: șaizeci și trei de mii cinci sute șaptezeci de lei"),
        (.it, "Importo in lettere: sessantatremilacinquecentosettanta lei"),
        (.en, "Amount in words: sixty-three thousand five hundred and seventy lei"),
    ])
    func totalInWordsIsComputed(locale: LocaleID, expected: String) throws {
        let text = try Self.document({ _ in }, locale: locale).get()
        #expect(text.contains(expected))
    }

    @Test func givenWordsThatAgreePass() throws {
        let text = try Self.document(Self.adding("Șaizeci și trei de mii cinci sute șaptezeci de lei"), locale: .roMD).get()
        #expect(text.contains("șaizeci și trei de mii cinci sute șaptezeci de lei"))
    }

    @Test func givenWordsThatDisagreeStopTheRender() throws {
        let result = try Self.document(Self.adding("șaizeci și trei de mii de lei"), locale: .roMD)
        guard case .failure(let error) = result else {
            Issue.record("a budget whose amount in words disagrees with the total was rendered")
            return
        }
        let text = error.description
        #expect(text.contains("template.xml:99:"))
        #expect(text.contains("/amount_in_words: the amount in words does not match the total: expected \"șaizeci și trei de mii cinci sute șaptezeci de lei\", found \"șaizeci și trei de mii de lei\""))
        #expect(text.contains("hint: leave /amount_in_words out"))
    }
}
