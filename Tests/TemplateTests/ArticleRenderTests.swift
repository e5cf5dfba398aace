import DocumentModel
import Foundation
import Localization
import TemplateData
import Testing
@testable import Template

/// Legal numbering rendered with the repository's `common` catalogs, per locale.
@Suite struct ArticleRenderTests {
    /// The catalogs shipped in `locales/`, found from this file's location.
    static func catalogs() throws -> CatalogSet {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try CatalogSet(directory: root.appendingPathComponent("locales"))
    }

    static let protocolBody = """
        <articles>
          <article ref="scope">
            <title>Object</title>
            <clause>The parties cooperate.</clause>
            <clause ref="cover">Cooperation covers:
              <points>
                <point>referral of cases;</point>
                <point each="s in services">{s};</point>
              </points>
            </clause>
          </article>
          <article ref="data">
            <clause>Data is shared only as provided in <ref to="cover"/>.</clause>
            <clause>Partners are told of a breach within {hours} hours.</clause>
          </article>
          <article ref="final">This protocol enters into force on signature.</article>
        </articles>
        <p><t id="t.see" art="ref:data">See {art}.</t></p>
        """

    static let data: Value = ["services": ["case conferences", "joint visits"], "hours": 24]

    func render(_ body: String, locale: LocaleID, data: Value = ArticleRenderTests.data) throws -> Document {
        let template = try Fixtures.template(body)
        return try CompiledTemplate(template, locale: locale, catalogs: try Self.catalogs()).render(data)
    }

    /// Each paragraph as its label (if any), a tab, and its text; no-break spaces (which keep
    /// citations on one line) shown as `~`.
    func lines(_ document: Document) -> [String] {
        document.body.compactMap { block -> String? in
            guard case .paragraph(let p) = block else { return nil }
            let text = p.content.plainText.replacingOccurrences(of: "\u{00A0}", with: "~")
            guard let label = p.label else { return text }
            return String(repeating: "  ", count: label.level - 1) + label.text + "\t" + text
        }
    }

    @Test(arguments: [
        (LocaleID.en, [
            "Article 1. Object", "(1) The parties cooperate.", "(2) Cooperation covers:",
            "(a)\treferral of cases;", "(b)\tcase conferences;", "(c)\tjoint visits;",
            "Article 2. (1) Data is shared only as provided in Article~1(2).", "(2) Partners are told of a breach within 24 hours.",
            "Article 3. This protocol enters into force on signature.", "See Article~2.",
        ]),
        (.bg, [
            "Чл. 1. Object", "(1) The parties cooperate.", "(2) Cooperation covers:",
            "а)\treferral of cases;", "б)\tcase conferences;", "в)\tjoint visits;",
            "Чл. 2. (1) Data is shared only as provided in чл.~1, ал.~2.", "(2) Partners are told of a breach within 24 hours.",
            "Чл. 3. This protocol enters into force on signature.", "See чл.~2.",
        ]),
        (.ro, [
            "Art. 1. Object", "(1) The parties cooperate.", "(2) Cooperation covers:",
            "a)\treferral of cases;", "b)\tcase conferences;", "c)\tjoint visits;",
            "Art. 2. (1) Data is shared only as provided in art.~1~alin.~(2).", "(2) Partners are told of a breach within 24 hours.",
            "Art. 3. This protocol enters into force on signature.", "See art.~2.",
        ]),
        (.roMD, [
            "Art. 1. Object", "(1) The parties cooperate.", "(2) Cooperation covers:",
            "a)\treferral of cases;", "b)\tcase conferences;", "c)\tjoint visits;",
            "Art. 2. (1) Data is shared only as provided in art.~1~alin.~(2).", "(2) Partners are told of a breach within 24 hours.",
            "Art. 3. This protocol enters into force on signature.", "See art.~2.",
        ]),
        (.it, [
            "Art. 1 – Object", "1. The parties cooperate.", "2. Cooperation covers:",
            "a)\treferral of cases;", "b)\tcase conferences;", "c)\tjoint visits;",
            "Art. 2~– 1. Data is shared only as provided in art.~1, comma~2.", "2. Partners are told of a breach within 24 hours.",
            "Art. 3~– This protocol enters into force on signature.", "See art.~2.",
        ]),
    ])
    func labelsAndCitationsPerLocale(locale: LocaleID, expected: [String]) throws {
        let document = try render(Self.protocolBody, locale: locale)
        #expect(lines(document) == expected)
    }

    @Test func articleLabelsAreBoldAndHeadingsKeepWithTheirText() throws {
        let document = try render(Self.protocolBody, locale: .bg)
        guard case .paragraph(let heading) = document.body[0], case .paragraph(let runIn) = document.body[6] else {
            Issue.record("expected paragraphs"); return
        }
        #expect(heading.keepWithNext)
        #expect(heading.content == [.text("Чл. 1. Object", marks: .bold)])
        #expect(runIn.content.first == .text("Чл. 2.", marks: .bold))
        #expect(runIn.label == nil)
    }

    @Test func citationsFollowTheArticlesWhenTheyMoveOrDisappear() throws {
        // The cited article comes after the citation, and an earlier article is conditional:
        // its absence renumbers everything after it, and the citation follows.
        let body = """
            <p>See <ref to="data"/> and <ref to="breach"/>.</p>
            <articles>
              <article if="urgent"><title>Urgent cases</title>Call 112.</article>
              <article each="p in parties"><title>{p}</title>Duties of {p}.</article>
            </articles>
            <h2>Data</h2>
            <articles>
              <article ref="data"><clause>Shared.</clause><clause ref="breach">Breaches.</clause></article>
            </articles>
            """
        let withUrgent = try render(body, locale: .bg, data: ["urgent": true, "parties": ["ДСП", "РЗИ"]])
        #expect(lines(withUrgent).first == "See чл.~4 and чл.~4, ал.~2.")
        #expect(lines(withUrgent).contains("Чл. 4. (1) Shared."), "numbering continues across <articles>")
        let without = try render(body, locale: .bg, data: ["urgent": false, "parties": ["ДСП", "РЗИ", "ОЗД"]])
        #expect(lines(without).first == "See чл.~4 and чл.~4, ал.~2.")
        let fewer = try render(body, locale: .bg, data: ["urgent": false, "parties": ["ДСП"]])
        #expect(lines(fewer).first == "See чл.~2 and чл.~2, ал.~2.")
        #expect(lines(fewer).contains("Чл. 1. ДСП"))
    }

    @Test func aSingleRemainingClauseIsNotNumberedAndItsCitationIsTheArticle() throws {
        let body = """
            <articles><article ref="a">
              <clause if="extra">Extra.</clause>
              <clause ref="main">Main.</clause>
            </article></articles>
            <p><ref to="main"/> / {ref:a}</p>
            """
        #expect(lines(try render(body, locale: .ro, data: ["extra": true])) == ["Art. 1. (1) Extra.", "(2) Main.", "art.~1~alin.~(2) / art.~1"])
        #expect(lines(try render(body, locale: .ro, data: ["extra": false])) == ["Art. 1. Main.", "art.~1 / art.~1"])
    }

    @Test func nestedPointsAndTextAfterThem() throws {
        let body = """
            <articles><article><clause>Parties:
              <points>
                <point>public bodies:
                  <points><point>the municipality;</point><point>the directorate,</point></points>
                  each with a contact person;
                </point>
                <point>NGOs.</point>
              </points>
              as listed in the annex.
            </clause></article></articles>
            """
        let document = try render(body, locale: .en)
        #expect(lines(document) == [
            "Article 1. Parties:",
            "(a)\tpublic bodies:",
            "  (i)\tthe municipality;", "  (ii)\tthe directorate,",
            "\teach with a contact person;",
            "(b)\tNGOs.",
            "as listed in the annex.",
        ])
        let labels = document.body.compactMap { block -> NumberLabel? in
            if case .paragraph(let p) = block { return p.label } else { return nil }
        }
        #expect(labels.map(\.level) == [1, 2, 2, 1, 1])
        #expect(lines(try render(body, locale: .bg)).contains("  1.\tthe municipality;"))
        #expect(lines(try render(body, locale: .it)).contains("  2)\tthe directorate,"))
    }

    @Test func bulgarianLettersSkipTheLettersLegalTextsDoNotUse() throws {
        let body = "<articles><article><clause>x<points><point each=\"n in items\">{n}</point></points></clause></article></articles>"
        let document = try render(body, locale: .bg, data: ["items": Value.array((1...12).map { .number(Decimal($0)) })])
        let labels = document.body.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.label?.text } else { return nil }
        }
        #expect(labels == ["а)", "б)", "в)", "г)", "д)", "е)", "ж)", "з)", "и)", "к)", "л)", "м)"])
    }

    @Test func citingAnArticleLeftOutByItsConditionIsALocatedError() throws {
        let body = """
            <articles><article ref="urgent" if="urgent">Call 112.</article></articles>
            <p>See <ref to="urgent"/>.</p>
            """
        do {
            _ = try render(body, locale: .en, data: ["urgent": false])
            Issue.record("expected an error")
        } catch let error as TemplateErrors {
            #expect(error.errors.map(\.code) == ["render.ref-absent"])
            #expect(error.errors.first?.line == 4)
            #expect(error.errors.first?.suggestion == "its if condition is false; put the same condition on the text that cites it")
        }
    }

    @Test func aRefRepeatedByAnOuterLoopIsALocatedError() throws {
        let body = """
            <section each="p in parties"><articles><article ref="duties">{p}</article></articles></section>
            """
        do {
            _ = try render(body, locale: .en, data: ["parties": ["A", "B"]])
            Issue.record("expected an error")
        } catch let error as TemplateErrors {
            #expect(error.errors.map(\.code) == ["render.ref-repeated"])
        }
    }
}
