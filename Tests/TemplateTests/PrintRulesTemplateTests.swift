import DocumentModel
import Foundation
import Localization
@testable import Template
import TemplateData
import Testing

/// The template side of the print rules: `split-rows`, `split` and `seal-height`, and the
/// no-break rules applied to rendered text and formatted values.
@Suite struct PrintRulesTemplateTests {
    static func render(_ body: String, locale: LocaleID = .en, data: Value = [:]) throws -> Document {
        try CompiledTemplate(try Fixtures.template(body), locale: locale, catalogs: CatalogSet(catalogs: [])).render(data)
    }

    @Test func rowsStayWholeUnlessTheTemplateLetsThemSplit() throws {
        let doc = try Self.render("""
            <table><row><cell>a</cell></row><row split="true"><cell>long</cell></row></table>
            <table split-rows="true"><row><cell>b</cell></row></table>
            """)
        guard case .table(let kept) = doc.body[0], case .table(let free) = doc.body[1] else { Issue.record("\(doc.body)"); return }
        #expect(kept.rowKeepsTogether(0))
        #expect(!kept.rowKeepsTogether(1))
        #expect(free.rowsMaySplit && !free.rowKeepsTogether(0))
    }

    @Test func sealHeightIsTheTemplatesOrFortyMillimetres() throws {
        let doc = try Self.render("""
            <signatures><signature name="A" seal="true"/></signatures>
            <signatures seal-height="25mm"><signature name="B" seal="true"/></signatures>
            """)
        guard case .signatures(let standard) = doc.body[0], case .signatures(let small) = doc.body[1] else { Issue.record("\(doc.body)"); return }
        #expect(standard.sealRoom == .mm(40))
        #expect(small.sealRoom == .mm(25))
    }

    @Test(arguments: [
        (#"<signatures seal-height="big"><signature name="A"/></signatures>"#, "template.length", "40mm"),
        (#"<table split-rows="yes"><row><cell>a</cell></row></table>"#, "template.boolean", "true or false"),
        (#"<table><row split="1"><cell>a</cell></row></table>"#, "template.boolean", "true or false"),
    ])
    func badValuesAreLocatedErrors(_ body: String, code: String, hint: String) {
        let errors = Fixtures.errors(body)
        #expect(errors.map(\.code) == [code], "\(errors)")
        #expect(errors.first.map { $0.line > 0 && $0.column > 0 } == true)
        #expect(errors.first?.description.contains(hint) == true, "\(errors)")
    }

    /// Text from the template and from the data gets the rules, across runs of other marks.
    @Test func renderedTextGetsTheNoBreakRules() throws {
        let doc = try Self.render(
            #"<p>съгласно чл. <b>{n}</b> от {year} г. – {code}</p>"#, locale: .bg,
            data: ["n": .number(3), "year": .string("2029"), "code": .string("DI-2026-014")])
        guard case .paragraph(let p) = doc.body.first else { Issue.record("\(doc.body)"); return }
        #expect(p.content.plainText == "съгласно чл.\u{A0}3 от 2029\u{A0}г.\u{A0}– DI\u{2011}2026\u{2011}014")
        #expect(p.content.count == 3, "the bold run stays a run of its own")
    }

    @Test(arguments: [LocaleID.bg, .ro, .roMD, .it, .en])
    func amountsAreOneUnbreakableToken(_ locale: LocaleID) throws {
        let doc = try Self.render(#"<p>{total | money}</p>"#, locale: locale, data: ["total": ["amount": "12480", "currency": "MDL"]])
        guard case .paragraph(let p) = doc.body.first else { Issue.record("\(doc.body)"); return }
        let text = p.content.plainText
        #expect(!text.contains(" "), "\(text)")
        #expect(text.contains("12"), "\(text)")
    }
}
