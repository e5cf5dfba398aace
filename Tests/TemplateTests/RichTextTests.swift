import DocumentModel
import Foundation
import Localization
import TemplateData
import Testing
@testable import Template

/// `<b>`, `<i>`, `<u>` and `<a href>` inside `<t>` (FormatJS tags in the message), `<a href>`
/// in any inline content, and `<footnote>`.
@Suite struct RichTextTests {
    let data: Value = [
        "guardian": "Ana <b>Pop</b>",
        "agency": ["site": "https://example.org/ro", "email": "dpo@example.org", "bad": "javascript:alert(1)"],
        "n": 2,
    ]

    func content(_ body: String, locale: LocaleID = .en, catalogs: CatalogSet = CatalogSet(catalogs: [])) throws -> [Inline] {
        let template = try Fixtures.template("<p>\(body)</p>")
        let document = try CompiledTemplate(template, locale: locale, catalogs: catalogs).render(data)
        guard case .paragraph(let p) = try #require(document.body.first) else { Issue.record("no paragraph"); return [] }
        return p.content
    }

    @Test func markupInsideAMessageBecomesTags() throws {
        let t = try Fixtures.template("""
            <p><t id="m" name="guardian">I, <b>{name}</b>, agree to <a href="https://example.org">the <i>terms</i></a>.</t></p>
            <p><t id="two">Write to <a href="mailto:{agency.email}">us</a> or <u>see</u> <a href="{agency.site}">the site</a>.</t></p>
            <p><t id="q">Less &lt;b&gt; than</t></p>
            """)
        #expect(t.messages.map(\.source) == [
            "I, <b>{name}</b>, agree to <a>the <i>terms</i></a>.",
            "Write to <a1>us</a1> or <u>see</u> <a2>the site</a2>.",
            "Less '<'b> than",
        ])
        #expect(t.messages[1].links.map(\.tag) == ["a1", "a2"])
    }

    @Test func richMessageRendersMarksAndLinks() throws {
        let inlines = try content("""
            <t id="m" name="guardian">I, <b>{name}</b>, agree to <a href="https://example.org/t">the <i>terms</i></a>.</t>
            """)
        // The value is text: its <b> is printed, not applied.
        #expect(inlines == [
            .text("I, "), .text("Ana <b>Pop</b>", marks: .bold), .text(", agree to "),
            .link(Link(LinkTarget("https://example.org/t")!, content: [.text("the "), .text("terms", marks: .italic)])),
            .text("."),
        ])
    }

    @Test func translationMovesTagsAndKeepsTheTemplatesLinks() throws {
        let catalogs = try Fixtures.catalogs([(
            "ro", "t",
            Fixtures.po([("m", "Write to <a1>us</a1> or see <a2>the site</a2>.", "Vedeți <a2>site-ul</a2> sau <b>scrieți-ne</b> <a1>aici</a1>.")])
        )])
        let inlines = try content(
            #"<t id="m">Write to <a href="mailto:{agency.email}">us</a> or see <a href="{agency.site}">the site</a>.</t>"#,
            locale: LocaleID("ro")!, catalogs: catalogs)
        #expect(inlines == [
            .text("Vedeți "), .link(Link(LinkTarget("https://example.org/ro")!, content: [.text("site-ul")])),
            .text(" sau "), .text("scrieți-ne", marks: .bold), .text(" "),
            .link(Link(LinkTarget("mailto:dpo@example.org")!, content: [.text("aici")])), .text("."),
        ])
    }

    @Test func translationWithATagTheSourceLacksIsRefused() throws {
        // <b>, <i> and <u> a translation may add (catalog check reports it); a link it may not.
        let catalogs = try Fixtures.catalogs([("ro", "t", Fixtures.po([("m", "See <b>this</b>.", "Vedeți <a>asta</a>.")]))])
        let template = try Fixtures.template(#"<p><t id="m">See <b>this</b>.</t></p>"#)
        let error = try #require(throws: TemplateErrors.self) { try CompiledTemplate(template, locale: LocaleID("ro")!, catalogs: catalogs) }
        #expect(error.errors.first?.code == "catalog.message-tags")
        #expect(error.errors.first?.file == "locales/ro/t.po")
        #expect(error.errors.first?.message.contains("<a>") == true)
    }

    @Test func linksAndFootnotesOutsideMessages() throws {
        let inlines = try content("""
            Call <a href="tel:+40210000000"><b>021</b></a><footnote>Open <a href="{agency.site}">weekdays</a>.</footnote> now.
            """)
        #expect(inlines == [
            .text("Call "), .link(Link(LinkTarget("tel:+40210000000")!, content: [.text("021", marks: .bold)])),
            .footnote(Footnote([.text("Open "), .link(Link(LinkTarget("https://example.org/ro")!, content: [.text("weekdays")])), .text(".")])),
            .text(" now."),
        ])
    }

    @Test func footnoteHoldsMessages() throws {
        let inlines = try content(#"Text<footnote> <t id="f" n="n">{n, plural, one {# day} other {<b>#</b> days}}</t> </footnote>"#)
        #expect(inlines == [.text("Text"), .footnote(Footnote([.text("2", marks: .bold), .text(" days")]))])
    }

    @Test(arguments: [
        (#"<a href="http://example.org">x</a>"#, "template.link-target"),
        (#"<a href="file:///etc/passwd">x</a>"#, "template.link-target"),
        (#"<a href="javascript:alert(1)">x</a>"#, "template.link-target"),
        (#"<a>x</a>"#, "template.link-href"),
        (#"<a href="https://a.org"><a href="https://b.org">x</a></a>"#, "template.link-in-link"),
        (#"<footnote>a<footnote>b</footnote></footnote>"#, "template.footnote-in-footnote"),
        (#"<footnote/>"#, "template.footnote-empty"),
        (#"<t id="m">Hi <a href="ftp://x.org">x</a></t>"#, "template.link-target"),
        (#"<t id="m">Hi <checkbox checked="a"/></t>"#, "message.markup"),
        (#"<t id="m">Hi <b if="a">x</b></t>"#, "template.unknown-attribute"),
    ])
    func badLinksAndNotesAreLocatedErrors(body: String, code: String) throws {
        let errors = Fixtures.errors("<p>\(body)</p>")
        let error = try #require(errors.first { $0.code == code }, "\(errors)")
        #expect(error.line == 3)
        #expect(error.column > 1)
        if code == "template.link-target" { #expect(error.suggestion?.contains("https://, mailto:, tel:") == true) }
    }

    @Test func footnoteInTheFooterIsAnError() throws {
        let source = #"<document xmlns="urn:formwright:template:1" id="t"><footer><p>x<footnote>y</footnote></p></footer><body/></document>"#
        let error = try #require(throws: TemplateErrors.self) { try TemplateParser.parse(source: Array(source.utf8), file: "t.xml") }
        #expect(error.errors.map(\.code) == ["template.footnote-in-header"])
        #expect(error.errors.first?.column == 64)  // the name of <footnote>, as for every element
    }

    @Test func refusedLinkFromDataIsARenderError() throws {
        let template = try Fixtures.template(#"<p>See <a href="{agency.bad}">this</a>.</p>"#)
        let error = try #require(throws: TemplateErrors.self) {
            try CompiledTemplate(template, locale: .en, catalogs: CatalogSet(catalogs: [])).render(data)
        }
        let first = try #require(error.errors.first)
        #expect(first.code == "render.link-target")
        #expect(first.line == 3 && first.column > 10)
        #expect(first.message.contains("javascript:alert(1)"))
        #expect(first.suggestion?.contains("mailto:") == true)
    }

    @Test func linkAndNoteExpressionsAreDataPaths() throws {
        let t = try Fixtures.template(#"<p><a href="{agency.site}">x</a><footnote>{agency.email}</footnote><t id="m"><a href="{agency.bad}">y</a></t></p>"#)
        let paths = t.expressionUses.description
        for name in ["site", "email", "bad"] { #expect(paths.contains("[\"agency\", \"\(name)\"]"), "\(paths)") }
    }

    @Test func pseudoLocaleKeepsTagsAndLinks() throws {
        let inlines = try content(#"<t id="m">Read <a href="https://example.org">this</a></t>"#, locale: .pseudo)
        #expect(inlines.contains { if case .link(let l) = $0 { l.target.url == "https://example.org" } else { false } })
    }
}
