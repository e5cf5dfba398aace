/// Where a template uses an expression, as the path analysis needs it: printed, tested, or
/// looped over with a body. Both kinds of template (`template.xml` and office documents)
/// describe themselves this way, so one analysis serves both.
public indirect enum ExpressionUse: Sendable {
    case value(Expression, NodeLocation)
    case condition(Expression, NodeLocation)
    case loop(variable: String, source: Expression, NodeLocation, body: [ExpressionUse])
}

/// A data path a template reads, with loop variables resolved: `attendees[].name` for
/// `{{ a.name }}` inside `{% for a in attendees %}`.
public struct DataPathUse: Sendable, Hashable {
    public enum Use: String, Sendable, Hashable {
        /// Printed: `{{ path }}`, a message argument.
        case value
        /// Tested: `{% if path %}`.
        case condition
        /// Looped over, or given to a list filter (`count`, `join`, `sum`, …).
        case list
    }

    /// Object keys, `"[]"` for the items of a list.
    public let keys: [String]
    public let use: Use
    /// The filter applied directly to the path, if any (`date`, `number`, `count`, …).
    public let filter: String?
    /// Where it is used (a line, or a place of an office template).
    public let location: NodeLocation

    public init(keys: [String], use: Use, filter: String?, location: NodeLocation) {
        self.keys = keys
        self.use = use
        self.filter = filter
        self.location = location
    }

    /// `attendees[].name`
    public var dotted: String {
        var text = ""
        for key in keys {
            if key == "[]" { text += "[]" } else { text += text.isEmpty ? key : ".\(key)" }
        }
        return text
    }

    /// Every data path read by `uses`, in order, loop variables resolved to their lists.
    public static func paths(in uses: [ExpressionUse]) -> [DataPathUse] {
        var result: [DataPathUse] = []
        var scopes: [(variable: String, keys: [String])] = []
        func resolve(_ path: [String]) -> [String]? {
            guard let head = path.first, head != "loop" else { return nil }
            if let scope = scopes.last(where: { $0.variable == head }) { return scope.keys + ["[]"] + path.dropFirst() }
            return path
        }
        func visit(_ expression: Expression, use: Use, filter: String? = nil, at location: NodeLocation) {
            switch expression {
            case .path(let p):
                if let keys = resolve(p) { result.append(DataPathUse(keys: keys, use: use, filter: filter, location: location)) }
            case .not(let e): visit(e, use: use, at: location)
            case .and(let a, let b), .or(let a, let b):
                visit(a, use: use, at: location)
                visit(b, use: use, at: location)
            case .compare(let a, _, let b):
                visit(a, use: .value, at: location)
                visit(b, use: .value, at: location)
            case .arithmetic(let a, _, let b, _):
                visit(a, use: .value, filter: "number", at: location)
                visit(b, use: .value, filter: "number", at: location)
            case .filter(let input, let name, let arguments, _):
                let listFilters: Set<String> = ["count", "join", "sum", "where", "distinct"]
                visit(input, use: listFilters.contains(name) ? .list : use, filter: name, at: location)
                for argument in arguments { visit(argument, use: .value, at: location) }
            default:
                break
            }
        }
        func walk(_ uses: [ExpressionUse]) {
            for use in uses {
                switch use {
                case .value(let e, let location): visit(e, use: .value, at: location)
                case .condition(let e, let location): visit(e, use: .condition, at: location)
                case .loop(let variable, let source, let location, let body):
                    visit(source, use: .list, at: location)
                    if case .path(let p) = source, let keys = resolve(p) { scopes.append((variable, keys)) } else { scopes.append((variable, ["?"])) }
                    walk(body)
                    scopes.removeLast()
                }
            }
        }
        walk(uses)
        return result
    }
}

extension TemplateDefinition {
    /// Every expression of the template, with its directives, for path analysis.
    public var expressionUses: [ExpressionUse] {
        func directed<T>(_ nodes: [Directed<T>], _ body: (T) -> [ExpressionUse]) -> [ExpressionUse] {
            nodes.flatMap { node -> [ExpressionUse] in
                var inner = body(node.node)
                if let condition = node.directives.condition { inner = [.condition(condition.value, condition.location)] + inner }
                if let loop = node.directives.loop {
                    return [.loop(variable: loop.variable, source: loop.source.value, loop.source.location, body: inner)]
                }
                return inner
            }
        }
        func interpolation(_ i: Interpolation?, _ location: NodeLocation) -> [ExpressionUse] {
            (i?.segments ?? []).compactMap { if case .expression(let e, _) = $0 { .value(e, location) } else { nil } }
        }
        func inlines(_ nodes: [Directed<InlineNode>]) -> [ExpressionUse] {
            directed(nodes) { node in
                switch node {
                case .text(let i, let location): interpolation(i, location)
                case .message(let m): m.arguments.map { .value($0.expression, m.location) } + m.links.flatMap { interpolation($0.href.value, $0.href.location) }
                case .marked(_, let children), .footnote(let children): inlines(children)
                case .link(let href, let children): interpolation(href.value, href.location) + inlines(children)
                case .checkbox(let e): [.condition(e.value, e.location)]
                case .lineBreak, .tab, .field, .reference: []
                case .image(let image): imageUses(image)
                }
            }
        }
        func imageUses(_ node: ImageNode) -> [ExpressionUse] {
            var uses: [ExpressionUse] = []
            if case .reference(let src) = node.source { uses += interpolation(src.value, src.location) }
            switch node.alternativeText {
            case .attribute(let text): uses += interpolation(text, node.location)
            case .content(let nodes): uses += inlines(nodes)
            }
            return uses
        }
        func flow(_ content: FlowContent) -> [ExpressionUse] {
            content.flatMap { part -> [ExpressionUse] in
                switch part {
                case .inline(let nodes): inlines(nodes)
                case .block(let node): blocks([node])
                }
            }
        }
        func clauses(_ nodes: [Directed<ClauseNode>]) -> [ExpressionUse] {
            directed(nodes) { clause in
                clause.content.flatMap { part -> [ExpressionUse] in
                    switch part {
                    case .inline(let nodes): inlines(nodes)
                    case .points(let points): directed([points]) { clauses($0) }
                    }
                }
            }
        }
        func blocks(_ nodes: [Directed<BlockNode>]) -> [ExpressionUse] {
            directed(nodes) { node in
                switch node {
                case .heading(_, let content), .paragraph(_, _, _, let content): inlines(content)
                case .list(_, let items): directed(items) { flow($0.content) }
                case .table(let table): directed(table.rows) { row in directed(row.cells) { flow($0.content) } }
                case .pageBreak: []
                case .image(let node, _): imageUses(node)
                case .section(_, let children): blocks(children)
                case .articles(let articles): directed(articles) { article in (article.title.map(inlines) ?? []) + clauses(article.clauses) }
                case .signatures(_, let signatures, _):
                    directed(signatures) { s in
                        func text(_ t: SignatureText?) -> [ExpressionUse] {
                            switch t {
                            case .attribute(let i)?: interpolation(i, NodeLocation(line: 0, column: 0))
                            case .content(let nodes)?: inlines(nodes)
                            case nil: []
                            }
                        }
                        let location = NodeLocation(line: 0, column: 0)
                        return interpolation(s.name, location) + text(s.role) + text(s.institution) + interpolation(s.date, location) + interpolation(s.seal, location)
                    }
                }
            }
        }
        return inlines(title) + inlines(subject) + blocks(header) + blocks(footer) + blocks(firstPageHeader ?? []) + blocks(firstPageFooter ?? [])
            + blocks(body)
    }
}
