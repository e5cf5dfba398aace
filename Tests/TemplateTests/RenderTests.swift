import DocumentModel
import Foundation
import Localization
import Testing
import TemplateData
@testable import Template

@Suite struct RenderTests {
    let data: Value = [
        "guardian": ["name": "Мария Иванова"],
        "child": ["code": "BG-VT-2026-014", "age": 15],
        "agencies": [
            ["name": "ДСП Велико Търново", "shares": true],
            ["name": "РЗИ", "shares": false],
            ["name": "<b>&amp;\"'</b> ș ț ă â î", "shares": true],
        ],
        "date": "2026-11-22",
    ]

    func render(_ body: String, locale: LocaleID = .en, catalogs: CatalogSet = CatalogSet(catalogs: []), data: Value? = nil) throws -> Document {
        let template = try Fixtures.template(body)
        return try CompiledTemplate(template, locale: locale, catalogs: catalogs).render(data ?? self.data)
    }

    func paragraphs(_ blocks: [Block]) -> [String] {
        blocks.compactMap { if case .paragraph(let p) = $0 { p.content.plainText } else { nil } }
    }

    @Test func interpolatesAndKeepsDataAsText() throws {
        let doc = try render("<p each=\"a in agencies\">{loop.index}. {a.name}</p>")
        #expect(paragraphs(doc.body) == ["1. ДСП Велико Търново", "2. РЗИ", "3. <b>&amp;\"'</b> ș ț ă â î"])
    }

    @Test func loopVariablesAndConditions() throws {
        let doc = try render("""
            <p each="a in agencies" if="a.shares">{a.name}<b if="loop.last"> (last)</b></p>
            <p if="child.age >= 14 and not child.missing">assent</p>
            <p if="child.age &lt; 14">no assent</p>
            """)
        let texts = paragraphs(doc.body)
        #expect(texts.count == 3)
        #expect(texts[0] == "ДСП Велико Търново")
        #expect(texts[1] == "<b>&amp;\"'</b> ș ț ă â î (last)")
        #expect(texts[2] == "assent")
    }

    @Test func nestedLoops() throws {
        let doc = try render("""
            <ul><li each="g in groups">{g.name}<ul><li each="m in g.members">{m} {loop.index}/{loop.count}</li></ul></li></ul>
            """, data: ["groups": [["name": "A", "members": ["x", "y"]], ["name": "B", "members": ["z"]]]])
        guard case .list(let list) = doc.body.first else { Issue.record("no list"); return }
        #expect(list.items.count == 2)
        #expect(list.depth == 2)
        guard case .list(let inner) = list.items[0].blocks.last else { Issue.record("no inner list"); return }
        #expect(inner.items.flatMap(\.blocks).compactMap { if case .paragraph(let p) = $0 { p.content.plainText } else { nil } } == ["x 1/2", "y 2/2"])
    }

    @Test func sectionsRepeatWithAPageBreakBetweenItemsButNotAfterTheLast() throws {
        let doc = try render("""
            <section each="a in agencies"><h2>{a.name}</h2><p>x</p><page-break if="not loop.last"/></section>
            """)
        let kinds = doc.body.map { block -> String in
            switch block {
            case .heading: "h"
            case .paragraph: "p"
            case .pageBreak: "break"
            default: "other"
            }
        }
        #expect(kinds == ["h", "p", "break", "h", "p", "break", "h", "p"])
    }

    @Test func checkboxesFollowData() throws {
        let doc = try render("<p each=\"a in agencies\"><checkbox checked=\"a.shares\"/> {a.name}</p>")
        let boxes = doc.body.compactMap { block -> Bool? in
            if case .paragraph(let p) = block, case .checkbox(let c) = p.content.first { return c }
            return nil
        }
        #expect(boxes == [true, false, true])
    }

    @Test func messagesUseCatalogsWithFallbackAndReportMissingIds() throws {
        let body = """
            <h1><t id="t.title">Consent</t></h1>
            <p><t id="t.intro" name="guardian.name">I, {name}, agree.</t></p>
            <p><t id="t.only-en">Untranslated</t></p>
            """
        let catalogs = try Fixtures.catalogs([
            ("ro", "t", Fixtures.po([("t.title", "Consent", "Consimțământ"), ("t.intro", "I, {name}, agree.", "Subsemnatul(a) {name} sunt de acord.")])),
            ("ro-MD", "t", Fixtures.po([("t.title", "Consent", "Acord")])),
        ])
        let template = try Fixtures.template(body)
        let md = try CompiledTemplate(template, locale: .roMD, catalogs: catalogs)
        let doc = try md.render(data)
        guard case .heading(let h) = doc.body[0] else { Issue.record("no heading"); return }
        #expect(h.content.plainText == "Acord")
        #expect(paragraphs(doc.body) == ["Subsemnatul(a) Мария Иванова sunt de acord.", "Untranslated"])
        #expect(md.missingTranslations == ["t.only-en"])
        #expect(doc.metadata.language.description == "ro-MD")
    }

    @Test func isoDateStringsAreDatesOnlyWhereTheMessageFormatsADate() throws {
        let doc = try render("""
            <p><t id="a" d="date">From {d}</t></p>
            <p><t id="b" d="date">On {d, date, long}</t></p>
            """, locale: .it)
        // The string stays a string, printed as one token (non-breaking hyphens).
        #expect(paragraphs(doc.body) == ["From 2026\u{2011}11\u{2011}22", "On 22 novembre 2026"])
    }

    @Test func staleTranslationsAreReported() throws {
        let catalogs = try Fixtures.catalogs([("bg", "t", Fixtures.po([("t.a", "Old text", "Стар текст")]))])
        let template = try Fixtures.template("<p><t id=\"t.a\">New text</t></p>")
        let compiled = try CompiledTemplate(template, locale: .bg, catalogs: catalogs)
        #expect(compiled.staleTranslations == ["t.a"])
        #expect(paragraphs(try compiled.render(data).body) == ["Стар текст"])
    }

    @Test func invalidTranslationIsALocatedError() throws {
        let catalogs = try Fixtures.catalogs([("it", "t", Fixtures.po([("t.a", "Text", "{n, plural, one {x}}")]))])
        let template = try Fixtures.template("<p><t id=\"t.a\">Text</t></p>")
        do {
            _ = try CompiledTemplate(template, locale: .it, catalogs: catalogs)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.first?.file == "locales/it/t.po")
            #expect(error.errors.first?.code == "catalog.message-syntax")
        }
    }

    @Test(arguments: [
        (LocaleID.en, "3 children"), (.bg, "3 деца"), (.ro, "3 copii"), (.roMD, "3 copii"), (.it, "3 bambini"),
    ])
    func pluralMessagesPerLocale(locale: LocaleID, expected: String) throws {
        let source = "{n, plural, one {# child} other {# children}}"
        let translations: [String: String] = [
            "bg": "{n, plural, one {# дете} other {# деца}}",
            "ro": "{n, plural, one {# copil} few {# copii} other {# de copii}}",
            "it": "{n, plural, one {# bambino} many {# bambini} other {# bambini}}",
        ]
        let catalogs = try Fixtures.catalogs(translations.map { ($0.key, "t", Fixtures.po([("t.n", source, $0.value)])) })
        let template = try Fixtures.template("<p><t id=\"t.n\" n=\"n\">\(source)</t></p>")
        let doc = try CompiledTemplate(template, locale: locale, catalogs: catalogs).render(["n": 3])
        #expect(paragraphs(doc.body) == [expected])
    }

    @Test func pageFieldsInsideMessages() throws {
        let template = try Fixtures.template("<p/>", head: """
            <footer><p style="footer"><t id="common.page-of" page="$page" pages="$pages">Page {page} of {pages}</t></p></footer>
            """)
        let catalogs = try Fixtures.catalogs([("bg", "common", Fixtures.po([("common.page-of", "Page {page} of {pages}", "Стр. {page} от {pages}")]))])
        let doc = try CompiledTemplate(template, locale: .bg, catalogs: catalogs).render(data)
        guard case .paragraph(let p) = doc.footer.first else { Issue.record("no footer"); return }
        #expect(p.content == [.text("Стр. "), .field(.pageNumber), .text(" от "), .field(.pageCount)])
        #expect(p.style == .footer)
    }

    @Test func filtersFormatForTheLocale() throws {
        let doc = try render("""
            <p>{date | date:"numeric"}|{date | date}|{amount | number}|{fee | money}|{names | join:" / "}|{names | count}|{missing | default:"—"}|{city | upper}</p>
            """, locale: .bg, data: [
                "date": "2026-11-22", "amount": .number(Decimal(string: "12345.5")!), "fee": ["amount": "1234.50", "currency": "EUR"],
                "names": ["А", "Б"], "city": "велико търново",
            ])
        #expect(paragraphs(doc.body) == ["22.11.2026\u{202F}г.|22 ноември 2026\u{202F}г.|12\u{A0}345,5|1234,50\u{A0}€|А / Б|2|—|ВЕЛИКО ТЪРНОВО"])
    }

    @Test func tablesRepeatShadedHeaderRowsAndShareStarWidths() throws {
        let doc = try render("""
            <table widths="50mm *" header-rows="1">
              <row><cell>Agency</cell><cell>Shares</cell></row>
              <row each="a in agencies"><cell>{a.name}</cell><cell><checkbox checked="a.shares"/></cell></row>
            </table>
            """)
        guard case .table(let table) = doc.body.first else { Issue.record("no table"); return }
        #expect(table.rows.count == 4)
        #expect(table.headerRows == 1)
        #expect(table.columns == [.mm(50), .mm(120)])
        #expect(table.rows[0].cells[0].shading == StyleSheet.standard.headerShading)
        #expect(table.rows[1].cells[0].shading == nil)
        guard case .paragraph(let header) = table.rows[0].cells[0].blocks.first else { Issue.record("no header paragraph"); return }
        #expect(header.style == .tableHeader)
    }

    @Test func signaturesUseLocalizedLabelsAndSealMark() throws {
        let catalogs = try Fixtures.catalogs([("bg", "common", Fixtures.po([
            ("common.signature.date", "Date", "Дата"), ("common.signature.signature", "Signature", "Подпис"), ("common.seal-mark", "L.S.", "М.П."),
        ]))])
        let doc = try render("""
            <signatures><signature name="{guardian.name}" role="Родител" seal="true"/><signature name="X" date="{date | date:'numeric'}"/></signatures>
            """, locale: .bg, catalogs: catalogs)
        guard case .signatures(let grid) = doc.body.first else { Issue.record("no signatures"); return }
        #expect(grid.blocks.count == 2)
        #expect(grid.blocks[0].name == "Мария Иванова")
        #expect(grid.blocks[0].dateLabel == "Дата")
        #expect(grid.blocks[0].signatureLabel == "Подпис")
        #expect(grid.blocks[0].sealMark == "М.П.")
        #expect(grid.blocks[1].sealMark == nil)
        #expect(grid.blocks[1].date == "22.11.2026\u{202F}г.")
    }

    @Test func renderErrorsAreCollectedAndLocated() throws {
        do {
            _ = try render("""
                <p each="a in child">{a}</p>
                <p>{child | number}</p>
                <p>{guardian}</p>
                """)
            Issue.record("expected errors")
        } catch let error as TemplateErrors {
            #expect(error.errors.map(\.code) == ["render.each-not-list", "filter.number", "render.object"])
            #expect(error.errors.map(\.line) == [3, 4, 5])
        }
    }

    @Test func loopIterationLimit() throws {
        let template = try Fixtures.template("<p each=\"x in items\">{x}</p>")
        let compiled = try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: []), limits: RenderLimits(maxLoopIterations: 10))
        #expect(throws: TemplateErrors.self) { try compiled.render(["items": .array(Array(repeating: 1, count: 11))]) }
        #expect((try? compiled.render(["items": .array(Array(repeating: 1, count: 10))])) != nil)
    }

    @Test func whitespaceIsFoldedLikeHTML() throws {
        let doc = try render("""
            <p>
               <t id="a">Hello</t>
               <b>{guardian.name}</b>  ,
               <i if="false">hidden</i>
               end
            </p>
            """)
        guard case .paragraph(let p) = doc.body.first else { Issue.record("no paragraph"); return }
        #expect(p.content == [.text("Hello "), .text("Мария Иванова", marks: .bold), .text(" , end")])
    }
}
