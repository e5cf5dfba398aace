import DocumentModel
import Foundation
import Localization
import Testing
import TemplateData
@testable import Template

/// The `words` filter (amounts in words, checked against given words) and one full stop where
/// a value that ends with one meets the text after it.
@Suite struct WordsAndFullStopTests {
    static func errors(_ body: String, locale: LocaleID, data: Value) throws -> [TemplateError] {
        let template = try Fixtures.template(body)
        do {
            _ = try CompiledTemplate(template, locale: locale, catalogs: CatalogSet(catalogs: [])).render(data)
            return []
        } catch {
            return error.errors
        }
    }

    static func render(_ body: String, locale: LocaleID, data: Value) throws -> [String] {
        let template = try Fixtures.template(body)
        let document = try CompiledTemplate(template, locale: locale, catalogs: CatalogSet(catalogs: [])).render(data)
        return document.body.compactMap { if case .paragraph(let p) = $0 { p.content.plainText } else { nil } }
    }

    @Test func bulgarianDateInTextKeepsOneFullStop() throws {
        let texts = try Self.render("""
            <p>Дата: {d | date:"long"}.</p><p>Дата: {d | date:"numeric"}. Следва.</p><p>До {d | date:"long"}?</p>
            """, locale: .bg, data: ["d": "2029-01-19"])
        #expect(texts == ["Дата: 19 януари 2029\u{202F}г.", "Дата: 19.01.2029\u{202F}г. Следва.", "До 19 януари 2029\u{202F}г.?"])
    }

    @Test func englishDatesAreBritish() throws {
        let texts = try Self.render("""
            <p>{d | date}</p><p>{d | date:"short"}</p><p>{d | date:"medium"}</p><p>{d | date:"numeric"}</p>
            """, locale: .en, data: ["d": "2029-01-19"])
        #expect(texts == ["19 January 2029", "19/01/2029", "19 Jan 2029", "19/01/2029"])
    }

    @Test(arguments: [
        (LocaleID.roMD, "MDL", "63570.00", "șaizeci și trei de mii cinci sute șaptezeci de lei"),
        (LocaleID.bg, "EUR", "2000.50", "две хиляди евро и петдесет цента"),
        (LocaleID.it, "EUR", "12480", "dodicimilaquattrocentoottanta euro"),
        (LocaleID.en, "EUR", "12480.50", "twelve thousand four hundred and eighty euros and fifty cents"),
    ])
    func amountsInWords(locale: LocaleID, currency: String, amount: String, expected: String) throws {
        let data: Value = ["total": ["amount": .string(amount), "currency": .string(currency)], "n": 3]
        let texts = try Self.render("<p>{total | words}</p><p>{total | words:given}</p>", locale: locale, data: data)
        #expect(texts == [expected, expected])
        // Words given that agree (ignoring case, spaces and a final full stop) pass.
        let agreeing: Value = ["total": ["amount": .string(amount), "currency": .string(currency)], "given": .string(expected.uppercased() + ".")]
        #expect(try Self.render("<p>{total | words:given}</p>", locale: locale, data: agreeing) == [expected])
    }

    @Test func givenWordsThatDisagreeFailWithThePointer() throws {
        let data: Value = ["total": ["amount": "20", "currency": "RON"], "amount_in_words": "douăzeci și unu de lei"]
        let errors = try Self.errors("<p>{total | words:amount_in_words}</p>", locale: .ro, data: data)
        #expect(errors.count == 1)
        #expect(errors.first?.code == "data.amount-in-words")
        #expect(errors.first?.message == "/amount_in_words: the amount in words does not match the total: expected \"douăzeci de lei\", found \"douăzeci și unu de lei\"")
        #expect(errors.first?.suggestion == "leave /amount_in_words out (the words are computed from the total), or write \"douăzeci de lei\"")
        #expect(errors.first?.line == 3)
    }

    @Test func wordsErrors() throws {
        let data: Value = ["usd": ["amount": "5", "currency": "USD"], "half": "1.5", "text": ["a": 1]]
        let errors = try Self.errors("<p>{usd | words}</p><p>{half | words}</p><p>{text | words}</p>", locale: .en, data: data)
        #expect(errors.map(\.message) == [
            "words: amounts in USD cannot be written in words",
            "words needs a whole number from 0 to 999999999999, or an amount {amount, currency}; found \"1.5\"",
            "words needs a number or an amount {amount, currency}, found object",
        ])
        #expect(try Self.render("<p>{n | words}</p><p>{missing | words}</p>", locale: .bg, data: ["n": 2]) == ["два", ""])
    }
}
