import DocumentModel
import Localization
import TemplateData

/// The number of an article, and of a clause in it when the article has several, that a
/// `ref` names.
struct Citation: Sendable, Hashable {
    let article: Int
    let clause: Int?
}

/// Article numbering of one render. Articles count through the whole document (every
/// `<articles>` continues the count), clauses restart in each article, letters in each
/// `<points>`.
///
/// Citations are resolved in two passes: a citation may come before the article it cites
/// (“as provided in art. 7”), and which articles exist depends on the data (`if`, `each`).
/// The first pass renders everything with empty citations and records where each `ref`
/// landed; the second renders with those numbers. Templates that cite nothing render once.
struct ArticleNumbering: Sendable {
    /// The numbers found by the first pass; nil during the first pass (and when nothing is cited).
    var citations: [String: Citation]?
    /// The numbers found by this pass.
    var found: [String: Citation] = [:]
    var articleCount = 0
}

extension CompiledTemplate {
    /// The first pass: where every `ref` lands for this data.
    func citations(for data: Value) -> [String: Citation] {
        var pass = RenderContext(template: self, data: data)
        _ = pass.blocks(definition.header)
        _ = pass.blocks(definition.footer)
        _ = definition.firstPageHeader.map { pass.blocks($0) }
        _ = definition.firstPageFooter.map { pass.blocks($0) }
        _ = pass.blocks(definition.body)
        return pass.articles.found
    }
}

/// A clause or point rendered, before its label is known: the paragraph it opens with, and
/// the points and continuing text after it.
struct RenderedClause {
    let ref: Located<String>?
    let lead: [Inline]
    let rest: [Block]
}

extension RenderContext {
    /// `<articles>`: each article becomes a heading paragraph (when it has a title) and one
    /// paragraph per clause; without a title the article's label runs into its first clause
    /// (`Чл. 1. (1) …`). A single clause is not numbered.
    mutating func articleBlocks(_ nodes: [Directed<ArticleNode>]) -> [Block] {
        expand(nodes) { context, node in context.article(node) }
    }

    mutating func article(_ node: ArticleNode) -> [Block] {
        articles.articleCount += 1
        let number = articles.articleCount
        let numberValue = MessageValue.string(String(number))
        recordCitation(node.ref, Citation(article: number, clause: nil))
        let clauses = expand(node.clauses) { context, clause in [context.clause(clause, level: 0)] }
        let numbered = clauses.count > 1
        var blocks: [Block] = []
        var runIn: [Inline] = []
        if let title = node.title {
            let titleText = normalized(inlines(title)).plainText
            let heading = format(id: "common.legal.article-heading", ["number": numberValue, "title": .string(titleText)])
            blocks.append(.paragraph(Paragraph([.text(heading, marks: .bold)], alignment: .start, keepWithNext: true)))
        } else {
            runIn = [.text(format(id: "common.legal.article", ["number": numberValue]), marks: .bold)]
        }
        for (index, clause) in clauses.enumerated() {
            if numbered {
                recordCitation(clause.ref, Citation(article: number, clause: index + 1))
                let label = format(id: "common.legal.clause", ["number": .string(String(index + 1))])
                runIn.append(.text(runIn.isEmpty ? label : " " + label, marks: []))
            } else {
                recordCitation(clause.ref, Citation(article: number, clause: nil))
            }
            var content = runIn
            if !content.isEmpty && !clause.lead.isEmpty { content.append(.text(" ")) }
            content += clause.lead
            runIn = []
            blocks.append(.paragraph(Paragraph(normalized(content), keepWithNext: !clause.rest.isEmpty)))
            blocks += clause.rest
        }
        if !runIn.isEmpty { blocks.append(.paragraph(Paragraph(runIn))) }
        return blocks
    }

    /// A clause (level 0) or a point (level 1, 2, … for points in points).
    mutating func clause(_ node: ClauseNode, level: Int) -> RenderedClause {
        var lead: [Inline] = []
        var rest: [Block] = []
        for (index, part) in node.content.enumerated() {
            switch part {
            case .inline(let nodes):
                let content = normalized(inlines(nodes))
                if index == 0 {
                    lead = content
                } else if !content.isEmpty {
                    // Text after a nested list continues the item, aligned with its text.
                    rest.append(.paragraph(Paragraph(content, label: level == 0 ? nil : NumberLabel("", level: level))))
                }
            case .points(let points):
                rest += self.points(points, level: level + 1)
            }
        }
        return RenderedClause(ref: node.ref, lead: lead, rest: rest)
    }

    /// `<points>`: lettered items (`а)`, `a)`, `(a)`); points inside a point use
    /// `common.legal.subpoint` (`1.`, `(i)`).
    mutating func points(_ node: Directed<[Directed<ClauseNode>]>, level: Int) -> [Block] {
        expand([node]) { context, items in
            var count = 0
            return context.expand(items) { context, item in
                count += 1
                let label = context.pointLabel(count, level: level)
                let rendered = context.clause(item, level: level)
                return [.paragraph(Paragraph(rendered.lead, label: NumberLabel(label, level: level)))] + rendered.rest
            }
        }
    }

    mutating func pointLabel(_ number: Int, level: Int) -> String {
        if level == 1 {
            let alphabet = format(id: "common.legal.point-letters", [:]).filter { !$0.isWhitespace }
            return format(id: "common.legal.point", ["letter": .string(NumberingSystem.letters(alphabet).format(number))])
        }
        return format(id: "common.legal.subpoint", [
            "number": .string(String(number)), "roman": .string(NumberingSystem.lowerRoman.format(number)),
        ])
    }

    mutating func recordCitation(_ ref: Located<String>?, _ citation: Citation) {
        guard let ref else { return }
        if let earlier = articles.found[ref.value], earlier.article != citation.article {
            fail("render.ref-repeated", "ref=\"\(ref.value)\" names more than one article in this document", at: ref.location,
                 suggestion: "it is inside a repeated <section> or loop; put the ref on an element that is not repeated")
        }
        articles.found[ref.value] = citation
    }

    /// `ref:NAME` and `<ref to="NAME"/>`: the computed number in the locale's citation form,
    /// with no-break spaces so a line never ends between `чл.` and `3` (it may after a comma).
    mutating func citation(_ name: String, at location: NodeLocation) -> String {
        guard let citations = articles.citations else { return "" }
        guard let citation = citations[name] else {
            fail("render.ref-absent", "ref:\(name) cites an article or clause that is not in this document for this data", at: location,
                 suggestion: "its if condition is false; put the same condition on the text that cites it")
            return ""
        }
        let article = MessageValue.string(String(citation.article))
        let text = if let clause = citation.clause {
            format(id: "common.legal.ref-clause", ["article": article, "clause": .string(String(clause))], location: location)
        } else {
            format(id: "common.legal.ref", ["article": article], location: location)
        }
        var kept = ""
        for character in text {
            kept.append(character == " " && kept.last != "," ? "\u{00A0}" : character)
        }
        return kept
    }
}

extension Expression {
    /// The names cited with `ref:NAME` anywhere in the expression.
    var referenceNames: [String] {
        switch self {
        case .reference(let name): [name]
        case .not(let e): e.referenceNames
        case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b): a.referenceNames + b.referenceNames
        case .filter(let input, _, let arguments, _): input.referenceNames + arguments.flatMap(\.referenceNames)
        default: []
        }
    }
}
