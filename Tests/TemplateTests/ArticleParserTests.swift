import Testing
@testable import Template

/// `<articles>` and citations: what the parser accepts and how it reports misuse.
@Suite struct ArticleParserTests {
    @Test func acceptsArticlesWithTitlesClausesPointsAndCitations() throws {
        let t = try Fixtures.template("""
            <articles>
              <article ref="scope"><title>Scope</title>
                <clause ref="scope-parties">The parties cooperate.</clause>
                <clause>It covers:<points><point>referral;</point><point each="s in services">{s};</point></points></clause>
              </article>
              <article ref="data">Data is shared as in <ref to="scope-parties"/>.</article>
            </articles>
            <p><t id="see" where="ref:data">See {where}.</t></p>
            """)
        #expect(t.referenceNames == ["scope", "scope-parties", "data"])
        #expect(t.usesReferences)
        guard case .articles(let articles) = t.body.first?.node else { Issue.record("no <articles>"); return }
        #expect(articles.count == 2)
        #expect(articles[0].node.clauses.count == 2)
        #expect(articles[1].node.clauses.count == 1, "plain content is one clause")
    }

    /// Messages are recorded in the order they are written (`catalog extract` keeps it): a
    /// clause's text before its points, a cell's text before a block inside it.
    @Test func messagesAreInDocumentOrder() throws {
        let t = try Fixtures.template("""
            <articles><article><clause><t id="intro">For this protocol:</t>
              <points><point><t id="point">a point;</t></point></points> <t id="after">and after.</t></clause></article></articles>
            <table><row><cell><t id="cell">Text</t><ul><li><t id="item">item</t></li></ul></cell></row></table>
            """)
        #expect(t.messages.map(\.id) == ["intro", "point", "after", "cell", "item"])
    }

    @Test func templatesWithoutCitationsNeedNoFirstPass() throws {
        let t = try Fixtures.template("<articles><article><clause>a</clause></article></articles>")
        #expect(!t.usesReferences)
    }

    @Test(arguments: [
        ("<clause>x</clause>", "template.clause-outside-article", "wrap it in <articles><article>…</article></articles>"),
        ("<article>x</article>", "template.article-outside-articles", "wrap the articles in <articles>…</articles>, which numbers them"),
        ("<p>a <point>x</point></p>", "template.point-outside-points", "wrap the points in <points>…</points>"),
        ("<ul><li><points><point>x</point></points></li></ul>", "template.points-outside-clause", "for a list outside articles use <ol> or <ul>"),
    ])
    func misplacedElementsAreLocatedWithAHint(body: String, code: String, hint: String) {
        let found = Fixtures.errors(body)
        #expect(found.map(\.code) == [code])
        #expect(found.first?.line == 3)
        #expect(found.first?.suggestion == hint)
        #expect(found.first?.description.contains("^") == true)
    }

    @Test func unknownCitationSuggestsTheClosestRef() {
        let found = Fixtures.errors("""
            <articles><article ref="data-sharing">x</article></articles>
            <p><t id="see" where="ref:data-sharng">See {where}.</t></p>
            <p>As in <ref to="dta"/>.</p>
            """)
        #expect(found.map(\.code) == ["template.unknown-ref", "template.unknown-ref"])
        #expect(found[0].message == "no article or clause has ref=\"data-sharng\"")
        #expect(found[0].line == 4)
        #expect(found[0].suggestion == "did you mean 'data-sharing'?")
        #expect(found[1].line == 5)
        #expect(found[1].column == 19)
        #expect(found[1].suggestion == "refs in this template: data-sharing")
    }

    @Test func citationWithoutAnyArticleSaysHowToDeclareOne() {
        let found = Fixtures.errors("<p>{ref:scope}</p>")
        #expect(found.first?.code == "template.unknown-ref")
        #expect(found.first?.suggestion == "declare it on an article: <article ref=\"scope\">")
    }

    @Test func duplicateRefPointsToTheFirst() {
        let found = Fixtures.errors("""
            <articles>
              <article ref="scope"><clause>a</clause></article>
              <article><clause ref="scope">b</clause></article>
            </articles>
            """)
        #expect(found.map(\.code) == ["template.duplicate-ref"])
        #expect(found.first?.line == 5)
        #expect(found.first?.column == 25)
        #expect(found.first?.message == "ref=\"scope\" is already used at line 4")
    }

    @Test func refOnARepeatedArticleIsRejected() {
        let found = Fixtures.errors("<articles><article ref=\"party\" each=\"p in parties\">{p}</article></articles>")
        #expect(found.map(\.code) == ["template.ref-in-loop"])
    }

    @Test func badRefNamesAndMixedContentAreRejected() {
        let found = Fixtures.errors("""
            <articles>
              <article ref="1st">text <clause>a</clause></article>
            </articles>
            """)
        #expect(Set(found.map(\.code)) == ["template.ref-name", "template.article-content"])
        #expect(found.first { $0.code == "template.article-content" }?.suggestion == "put this text in its own <clause>…</clause>")
    }

    @Test func clausesHoldNoBlocks() {
        let found = Fixtures.errors("<articles><article><clause><table><row><cell>x</cell></row></table></clause></article></articles>")
        #expect(found.map(\.code) == ["template.block-in-clause"])
    }

    @Test func refExpressionSyntax() throws {
        #expect(try Expression.parse("ref:data-protection") == .reference("data-protection"))
        #expect(try Expression.parse("ref:a | upper") == .filter(.reference("a"), name: "upper", arguments: [], offset: 8))
        #expect(try Expression.parse("ref") == .path(["ref"]), "a data field named ref still works")
        #expect(throws: ExpressionSyntaxError.self) { try Expression.parse("ref:\"x\"") }
    }
}
