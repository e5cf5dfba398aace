public import DocumentModel
import Foundation
import Localization
public import TemplateData

extension CompiledTemplate {
    /// Renders one record of data to a document. Every problem found while rendering is
    /// reported at once, located in the template.
    public func render(_ data: Value) throws(TemplateErrors) -> Document {
        var context = RenderContext(template: self, data: data)
        return try render(data, in: &context)
    }

    /// What would print badly in the document `data` renders to, though it renders: a column
    /// whose declared width (`<table widths>`) cannot hold a number, amount or code that may
    /// not break. Empty when the data do not render (``render(_:)`` reports why).
    ///
    /// ```swift
    /// for warning in compiled.layoutWarnings(example) { print(warning.description) }
    /// // template.xml:42:19: warning: column 3 of this table is 18mm wide, …
    /// ```
    public func layoutWarnings(_ data: Value) -> [TemplateError] {
        var context = RenderContext(template: self, data: data)
        guard (try? render(data, in: &context)) != nil else { return [] }
        return context.warnings
    }

    private func render(_ data: Value, in context: inout RenderContext) throws(TemplateErrors) -> Document {
        if definition.usesReferences { context.articles.citations = citations(for: data) }
        let header = context.blocks(definition.header)
        let footer = context.blocks(definition.footer)
        let firstPageHeader = definition.firstPageHeader.map { context.blocks($0) }
        let firstPageFooter = definition.firstPageFooter.map { context.blocks($0) }
        let body = context.blocks(definition.body)
        let title = context.inlines(definition.title).plainText
        let subject = context.inlines(definition.subject).plainText
        if !context.errors.isEmpty { throw TemplateErrors(context.errors) }
        let metadata = Metadata(
            title: title.isEmpty ? definition.id : title, subject: subject,
            language: LanguageTag(locale.documentLanguage), generator: "Formwright", keywords: [definition.id])
        return Document(
            metadata: metadata, page: definition.page, styles: definition.styles, header: header, footer: footer,
            firstPageHeader: firstPageHeader, firstPageFooter: firstPageFooter, body: body)
    }
}

/// Per-render state: the variable scopes of loops and the errors found.
struct RenderContext {
    let template: CompiledTemplate
    let data: Value
    var scopes: [Scope] = []
    var errors: [TemplateError] = []
    /// What renders but prints badly (``CompiledTemplate/layoutWarnings(_:)``), each once.
    var warnings: [TemplateError] = []
    private var reported: Set<TemplateError> = []
    var iterations = 0
    /// UTF-8 bytes of text produced so far, against ``RenderLimits/maxTextSize``.
    var textBytes = 0
    var articles = ArticleNumbering()
    /// Images placed so far, against ``RenderLimits/maxImages``.
    var imageCount = 0
    /// Images read while rendering, by reference: a logo in every row of a table is read once.
    var loadedImages: [String: ImageData] = [:]
    /// The page of the `<section>` being rendered, whose text width sizes its tables.
    var sectionPage: PageSetup?
    /// `sum:"…"` item expressions parsed in this render, by text.
    var itemExpressions: [String: Expression] = [:]

    init(template: CompiledTemplate, data: Value) {
        self.template = template
        self.data = data
    }

    var formatter: LocaleFormatter { template.formatter }
    var textWidth: Length { (sectionPage ?? template.definition.page).textWidth }

    // Private-use characters stand for fields inside formatted messages.
    static let pageSentinel: Character = "\u{E000}"
    static let pagesSentinel: Character = "\u{E001}"

    mutating func fail(_ code: String, _ message: String, at location: NodeLocation, suggestion: String? = nil) {
        guard errors.count < TemplateError.maximumReported else {
            if errors.count == TemplateError.maximumReported {
                errors.append(TemplateError(code: "render.too-many-errors", file: template.definition.file, line: location.line,
                                            column: location.column, message: "more than \(TemplateError.maximumReported) problems; the rest are not reported",
                                            suggestion: "fix these first"))
            }
            return
        }
        let definition = template.definition
        var error: TemplateError
        if !definition.places.isEmpty {
            let place = location.line >= 1 && location.line <= definition.places.count ? definition.places[location.line - 1] : nil
            error = TemplateError(code: code, file: definition.file, line: location.line, column: location.column,
                                  message: message, suggestion: suggestion, sourceLine: place?.text)
            error.place = place?.description ?? "unknown place"
        } else {
            let lines = definition.sourceLines
            let line = location.line >= 1 && location.line <= lines.count ? String(lines[location.line - 1]) : nil
            error = TemplateError(code: code, file: definition.file, line: location.line, column: location.column,
                                  message: message, suggestion: suggestion, sourceLine: line)
        }
        // A set beside the list: a search of the list per error was quadratic in the errors.
        if reported.insert(error).inserted { errors.append(error) }
    }

    /// The items of an `each` (or office `for`) loop, counted against the limits; nil after
    /// reporting an error.
    mutating func loopItems(_ source: Located<Expression>, at location: NodeLocation) -> [Value]? {
        let value = evaluate(source.value, at: source.location)
        let items: [Value]
        switch value {
        case .array(let a): items = a
        case .null: items = []
        default:
            fail("render.each-not-list", "each: '\(describe(source.value))' is \(value.typeName), not a list", at: source.location)
            return nil
        }
        guard scopes.count < template.limits.maxLoopDepth else {
            fail("limit.loop-depth", "loops are nested more than \(template.limits.maxLoopDepth) deep", at: location)
            return nil
        }
        iterations += items.count
        guard iterations <= template.limits.maxLoopIterations else {
            fail("limit.loop-iterations", "the document needs more than \(template.limits.maxLoopIterations) loop iterations",
                 at: source.location, suggestion: "raise Limits.maxLoopIterations if the data is really that large")
            return nil
        }
        return items
    }

    // MARK: directives

    /// Expands `if`/`each` around `nodes`, calling `body` once per rendered instance.
    mutating func expand<T, R>(_ nodes: [Directed<T>], _ body: (inout RenderContext, T) -> [R]) -> [R] {
        var result: [R] = []
        for node in nodes {
            // Over the text limit (reported once): stop building a document that will not be written.
            guard textBytes <= template.limits.maxTextSize else { return result }
            guard let loop = node.directives.loop else {
                if let condition = node.directives.condition, !evaluate(condition).isTruthy { continue }
                result += body(&self, node.node)
                continue
            }
            guard let items = loopItems(loop.source, at: node.location) else {
                if errors.last?.code == "limit.loop-iterations" { return result }
                continue
            }
            for (index, item) in items.enumerated() {
                guard textBytes <= template.limits.maxTextSize else { return result }
                scopes.append(Scope(variable: loop.variable, item: item, index: index, count: items.count))
                defer { scopes.removeLast() }
                if let condition = node.directives.condition, !evaluate(condition).isTruthy { continue }
                result += body(&self, node.node)
            }
        }
        return result
    }

    mutating func evaluate(_ located: Located<Expression>) -> Value {
        evaluate(located.value, at: located.location)
    }

    // MARK: blocks

    mutating func blocks(_ nodes: [Directed<BlockNode>]) -> [Block] {
        expand(nodes) { context, node in context.block(node) }
    }

    mutating func block(_ node: BlockNode) -> [Block] {
        switch node {
        case .heading(let level, let content):
            return [.heading(Heading(level: level, normalized(inlines(content))))]
        case .paragraph(let style, let alignment, let keep, let content):
            return [.paragraph(Paragraph(normalized(inlines(content)), style: style, alignment: alignment, keepWithNext: keep))]
        case .list(let kind, let items):
            let rendered = expand(items) { context, item in [ListItem(context.flow(item.content, style: .body))] }
            return rendered.isEmpty ? [] : [.list(List(kind, items: rendered))]
        case .table(let table):
            return self.table(table).map { [.table($0)] } ?? []
        case .pageBreak:
            return [.pageBreak]
        case .section(nil, let children):
            return blocks(children)
        case .section(let settings?, let children):
            let page = settings.applied(to: template.definition.page)
            let outer = sectionPage
            sectionPage = page
            defer { sectionPage = outer }
            let body = blocks(children)
            return body.isEmpty ? [] : [.section(Section(page: page, body: body))]
        case .articles(let nodes):
            return articleBlocks(nodes)
        case .signatures(let perRow, let signatures, let sealRoom):
            let blocks = expand(signatures) { context, node in [context.signature(node)] }
            return blocks.isEmpty
                ? [] : [.signatures(SignatureGrid(blocks, perRow: perRow, sealRoom: sealRoom ?? SignatureGrid.defaultSealRoom))]
        case .image(let node, let alignment):
            return image(node).map { [.image($0, alignment: alignment)] } ?? []
        }
    }

    mutating func flow(_ content: FlowContent, style: StyleName) -> [Block] {
        var out: [Block] = []
        for part in content {
            switch part {
            case .inline(let nodes): out.append(.paragraph(Paragraph(normalized(inlines(nodes)), style: style)))
            case .block(let node): out += blocks([node])
            }
        }
        return out.isEmpty ? [.paragraph(Paragraph([], style: style))] : out
    }

    mutating func table(_ node: TableNode) -> Table? {
        var rows: [TableRow] = []
        var rowIndex = 0
        let rendered: [(row: RowNode, cells: [(CellNode, [Block])])] = expand(node.rows) { context, row in
            let style: StyleName = rowIndex < node.headerRows ? .tableHeader : .tableCell
            rowIndex += 1
            let cells = context.expand(row.cells) { context, cell in [(cell, context.flow(cell.content, style: style))] }
            return [(row, cells)]
        }
        for (index, (row, cells)) in rendered.enumerated() {
            let isHeader = index < node.headerRows
            var column = 0
            rows.append(TableRow(cells.map { cell, blocks in
                // A cell's own align wins over its column's (a paragraph's own over both, in the writers).
                let columnAlignment = column < node.columnAlignments.count ? node.columnAlignments[column] : nil
                column += cell.span
                // A number or amount the template did not align goes to the end, where digits
                // line up (Arial's and Liberation Sans's figures are all one width: tabular).
                let numeric = !isHeader && TableCell.holdsOnlyANumber(blocks) ? Alignment.end : nil
                return TableCell(
                    blocks, shading: cell.shading ?? (isHeader ? StyleSheet.standard.headerShading : nil), columnSpan: cell.span,
                    alignment: cell.alignment ?? columnAlignment ?? numeric, verticalAlignment: cell.verticalAlignment)
            }, maySplit: row.maySplit))
        }
        guard !rows.isEmpty else { return nil }
        let columnCount = node.widths?.count ?? rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 1
        let columns: [Length]
        if let widths = node.widths {
            let fixed = widths.compactMap { $0 }.reduce(Length(hundredthsOfMillimetre: 0), +)
            let stars = widths.filter { $0 == nil }.count
            let share = stars > 0 ? max(Length.mm(5).hundredthsOfMillimetre, (textWidth - fixed).hundredthsOfMillimetre / stars) : 0
            columns = widths.map { $0 ?? Length(hundredthsOfMillimetre: share) }
        } else {
            columns = Table.equalColumns(max(1, columnCount), width: textWidth)
        }
        // Numbers and amounts never break: a column too narrow for one takes room from the
        // columns the template left to share the width (`*`, or all when none is given).
        let flexible = node.widths.map { $0.map { $0 == nil } } ?? Array(repeating: true, count: columns.count)
        let table = Table(
            columns: columns, headerRows: min(node.headerRows, rows.count), rows: rows, borders: node.borders,
            cellPadding: node.padding ?? Table.defaultCellPadding, rowsMaySplit: node.rowsMaySplit
        ).fittingUnbreakableTokens(flexible: flexible, styles: template.definition.styles)
        if let declared = node.widths, let location = node.widthsLocation {
            warnAboutNarrowColumns(table, declared: declared, at: location)
        }
        return table
    }

    /// A declared column width too narrow for its longest unbreakable word (an amount, a
    /// number, a code): a warning with the width it needs.
    mutating func warnAboutNarrowColumns(_ table: Table, declared: [Length?], at location: NodeLocation) {
        let words = table.longestUnbreakableWords(styles: template.definition.styles)
        for index in declared.indices where index < words.count && index < table.columns.count {
            guard let width = declared[index], let word = words[index] else { continue }
            let need = word.width + table.unbreakablePadding
            // Against the declared width, even where a `*` column gave room: the template
            // should say what its content needs.
            guard need > width else { continue }
            let needed = Length.mm(Double((need.hundredthsOfMillimetre + 99) / 100))
            let warning = TemplateError(
                code: "template.column-too-narrow", file: template.definition.file, line: location.line, column: location.column,
                message: "column \(index + 1) of this table is \(width) wide, too narrow for \u{201C}\(word.word)\u{201D}, which cannot break across lines (it needs \(needed) with the cell padding)",
                suggestion: "declare at least \(needed) for column \(index + 1) in widths, or * so that it takes room from the other columns")
            if !warnings.contains(where: { $0.line == warning.line && $0.column == warning.column && $0.message.hasPrefix("column \(index + 1) ") }) {
                warnings.append(warning)
            }
        }
    }

    mutating func signature(_ node: SignatureNode) -> SignatureBlock {
        func text(_ t: SignatureText?, _ context: inout RenderContext) -> String {
            switch t {
            case .none: ""
            case .attribute(let i): context.string(i, location: NodeLocation(line: 0, column: 0))
            case .content(let nodes): context.normalized(context.inlines(nodes)).plainText
            }
        }
        let seal: Bool
        if let s = node.seal {
            let value = string(s, location: NodeLocation(line: 0, column: 0))
            seal = value == "true"
        } else {
            seal = false
        }
        return SignatureBlock(
            name: node.name.map { string($0, location: NodeLocation(line: 0, column: 0)) } ?? "",
            role: text(node.role, &self), institution: text(node.institution, &self),
            dateLabel: format(id: "common.signature.date", [:]), signatureLabel: format(id: "common.signature.signature", [:]),
            date: node.date.map { string($0, location: NodeLocation(line: 0, column: 0)) }.flatMap { $0.isEmpty ? nil : $0 },
            sealMark: seal ? format(id: "common.seal-mark", [:]) : nil)
    }

    // MARK: inline content

    mutating func inlines(_ nodes: [Directed<InlineNode>], marks: Marks = []) -> [Inline] {
        expand(nodes) { context, node in context.inline(node, marks: marks) }
    }

    /// Counts text against ``RenderLimits/maxTextSize``; false (after reporting it once) when over.
    mutating func countText(_ text: String, at location: NodeLocation) -> Bool {
        let before = textBytes
        textBytes += text.utf8.count
        guard textBytes > template.limits.maxTextSize else { return true }
        if before <= template.limits.maxTextSize {
            fail("limit.output-size", "the document holds more than \(template.limits.maxTextSize) bytes of text", at: location,
                 suggestion: "raise Limits.maxOutputSize if the data is really that large")
        }
        return false
    }

    mutating func inline(_ node: InlineNode, marks: Marks) -> [Inline] {
        switch node {
        case .text(let interpolation, let location):
            var out: [Inline] = []
            // A value's own full stop (`2029 г.`) stands for the one the text puts after it.
            var valueText: String?
            for segment in interpolation.segments {
                switch segment {
                case .literal(var s):
                    if let value = valueText { s = FullStop.literal(s, after: value) }
                    valueText = nil
                    guard !s.isEmpty else { continue }
                    guard countText(s, at: location) else { return out }
                    out.append(.text(s, marks: marks))
                case .expression(let e, _):
                    let text = display(evaluate(e, at: location), expression: e, at: location)
                    valueText = text.isEmpty ? valueText : text
                    guard countText(text, at: location) else { return out }
                    out += dataText(text, marks: marks)
                }
            }
            return out
        case .message(let message):
            var values: [String: MessageValue] = [:]
            let used = template.messages[message.id]?.arguments ?? []
            for (name, expression) in message.arguments {
                let kind = used.first { $0.name == name && $0.kind != .plain }?.kind
                values[name] = messageValue(expression, at: message.location, kind: kind)
            }
            guard let compiled = template.messages[message.id], compiled.hasTags else {
                let text = format(id: message.id, values, location: message.location)
                guard countText(text, at: message.location) else { return [] }
                return split(text, marks: marks)
            }
            return richMessage(message, compiled, values, marks: marks)
        case .marked(let extra, let children):
            return inlines(children, marks: marks.union(extra))
        case .lineBreak: return [.lineBreak]
        case .tab: return [.tab]
        case .field(let field): return [.field(field)]
        case .checkbox(let expression):
            return [.checkbox(checked: evaluate(expression).isTruthy)]
        case .reference(let name):
            return [.text(citation(name.value, at: name.location), marks: marks)]
        case .link(let href, let children):
            let content = inlines(children, marks: marks)
            guard let target = linkTarget(href) else { return content }
            return [.link(Link(target, content: content))]
        case .footnote(let children):
            // The note is a paragraph of its own: spaces at its ends go, as in any paragraph.
            return [.footnote(Footnote(normalized(inlines(children))))]
        case .image(let node):
            return image(node).map { [.image($0)] } ?? []
        }
    }

    /// The target of an `href`, or nil after reporting a value `LinkTarget` refuses.
    mutating func linkTarget(_ href: Located<Interpolation>) -> LinkTarget? {
        let url = string(href.value, location: href.location)
        if let target = LinkTarget(url) { return target }
        fail("render.link-target", "the link '\(url.prefix(200))' is not one a document may hold", at: href.location,
             suggestion: TemplateParser.linkSuggestion)
        return nil
    }

    /// A message with rich-text tags: `<b>`, `<i>`, `<u>` add marks, `<a>` (`<a1>` …) links
    /// the text to the `href` the template gave that tag.
    mutating func richMessage(_ message: MessageSource, _ compiled: MessageFormat, _ values: [String: MessageValue], marks: Marks) -> [Inline] {
        let spans: [MessageSpan]
        do {
            spans = try compiled.formatSpans(values, locale: template.locale)
        } catch {
            fail("render.message-format", "message '\(message.id)' for \(template.locale): \(error)", at: message.location)
            return []
        }
        var out: [Inline] = []
        var link: (tag: String, target: LinkTarget?, content: [Inline])?
        var targets: [String: LinkTarget?] = [:]
        func endLink() {
            guard let finished = link else { return }
            if let target = finished.target { out.append(.link(Link(target, content: finished.content))) } else { out += finished.content }
            link = nil
        }
        for span in spans {
            guard countText(span.text, at: message.location) else { return out }
            var spanMarks = marks
            var linkTag: String?
            for tag in span.tags {
                switch tag {
                case "b": spanMarks.insert(.bold)
                case "i": spanMarks.insert(.italic)
                case "u": spanMarks.insert(.underline)
                default: if message.links.contains(where: { $0.tag == tag }) { linkTag = tag }
                }
            }
            let pieces = split(span.text, marks: spanMarks)
            if link?.tag != linkTag { endLink() }
            if let linkTag {
                if link == nil {
                    if targets[linkTag] == nil, let href = message.links.first(where: { $0.tag == linkTag })?.href {
                        targets[linkTag] = .some(linkTarget(href))
                    }
                    link = (linkTag, targets[linkTag] ?? nil, [])
                }
                link!.content += pieces
            } else {
                out += pieces
            }
        }
        endLink()
        return out
    }

    /// Data text: newlines become line breaks; the private-use field sentinels are removed.
    func dataText(_ string: String, marks: Marks) -> [Inline] {
        // Most data has neither: skip the character-by-character walk (U+E000/E001 start with 0xEE).
        if !string.utf8.contains(where: { $0 == 0x0A || $0 == 0xEE }) {
            return string.isEmpty ? [] : [.text(string, marks: marks)]
        }
        let cleaned = string.filter { $0 != Self.pageSentinel && $0 != Self.pagesSentinel }
        var out: [Inline] = []
        for (i, line) in cleaned.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out.append(.lineBreak) }
            if !line.isEmpty { out.append(.text(String(line), marks: marks)) }
        }
        return out
    }

    /// A formatted message: sentinels become page fields.
    func split(_ text: String, marks: Marks) -> [Inline] {
        // The sentinels are U+E000 and U+E001, whose UTF-8 starts with 0xEE: a byte scan rules
        // out nearly every message without decoding characters.
        guard text.utf8.contains(0xEE), text.contains(where: { $0 == Self.pageSentinel || $0 == Self.pagesSentinel })
        else { return [.text(text, marks: marks)] }
        var out: [Inline] = []
        var run = ""
        for c in text {
            if c == Self.pageSentinel || c == Self.pagesSentinel {
                if !run.isEmpty { out.append(.text(run, marks: marks)); run = "" }
                out.append(.field(c == Self.pageSentinel ? .pageNumber : .pageCount))
            } else {
                run.append(c)
            }
        }
        if !run.isEmpty { out.append(.text(run, marks: marks)) }
        return out
    }

    mutating func format(id: String, _ values: [String: MessageValue], location: NodeLocation = NodeLocation(line: 1, column: 1)) -> String {
        guard let message = template.messages[id] else {
            fail("render.message", "no message '\(id)'", at: location)
            return ""
        }
        do {
            return try message.format(values, locale: template.locale)
        } catch {
            fail("render.message-format", "message '\(id)' for \(template.locale): \(error)", at: location)
            return ""
        }
    }

    /// Trims space at the ends of a paragraph and folds spaces where runs meet.
    ///
    /// Adjacent runs with the same marks are joined into one growing string appended in
    /// place: rebuilding the joined run for every sibling (`p + s`) copied it again each time,
    /// quadratic in a paragraph of many inline siblings.
    func normalized(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        var run: (text: String, marks: Marks)?
        func flush() {
            if let finished = run { out.append(.text(finished.text, marks: finished.marks)) }
            run = nil
        }
        for inline in inlines {
            guard case .text(var s, let marks) = inline else {
                flush()
                out.append(inline)
                continue
            }
            let previousEndsInSpace: Bool
            if let current = run {
                previousEndsInSpace = current.text.utf8.last == 0x20 && current.text.last == " "
            } else {
                switch out.last {
                case nil, .lineBreak?: previousEndsInSpace = true
                default: previousEndsInSpace = false
                }
            }
            // The byte test first: comparing `Character`s is costly for non-ASCII text.
            if previousEndsInSpace { while s.utf8.first == 0x20 && s.first == " " { s.removeFirst() } }
            if s.isEmpty { continue }
            if run?.marks == marks {
                run!.text += s
            } else {
                flush()
                run = (s, marks)
            }
        }
        flush()
        while case .text(var s, let marks) = out.last, s.utf8.last == 0x20, s.last == " " {
            while s.last == " " { s.removeLast() }
            out.removeLast()
            if !s.isEmpty { out.append(.text(s, marks: marks)); break }
        }
        return Self.withNoBreaks(out, language: template.locale.documentLanguage)
    }

    /// The no-break rules of ``Typography`` applied to text that reads as one (runs of
    /// different marks next to each other, `чл. ` then a bold `3`): the rules replace
    /// characters one for one, so the joined text is split back at the same places.
    static func withNoBreaks(_ inlines: [Inline], language: String) -> [Inline] {
        var out = inlines
        var start = 0
        while start < out.count {
            var end = start
            var joined = ""
            while end < out.count, case .text(let text, _) = out[end] {
                joined += text
                end += 1
            }
            if end > start {
                let fixed = Typography.withNoBreaks(joined, language: language)
                if fixed != joined {
                    var scalars = fixed.unicodeScalars[...]
                    for index in start..<end {
                        guard case .text(let text, let marks) = out[index] else { continue }
                        let count = text.unicodeScalars.count
                        out[index] = .text(String(String.UnicodeScalarView(scalars.prefix(count))), marks: marks)
                        scalars = scalars.dropFirst(count)
                    }
                }
            }
            start = end + 1
        }
        return out
    }

    // MARK: expressions

    mutating func string(_ interpolation: Interpolation, location: NodeLocation) -> String {
        var text = ""
        var valueText: String?
        for segment in interpolation.segments {
            switch segment {
            case .literal(let s):
                text += valueText.map { FullStop.literal(s, after: $0) } ?? s
                valueText = nil
            case .expression(let e, _):
                let value = display(evaluate(e, at: location), expression: e, at: location)
                text += value
                valueText = value.isEmpty ? valueText : value
            }
        }
        return countText(text, at: location) ? text : ""
    }

    func lookup(_ path: [String]) -> Value {
        guard let head = path.first else { return .null }
        for scope in scopes.reversed() {
            if let value = scope[head] { return value[path: path.dropFirst()] ?? .null }
        }
        return data[path: path[...]] ?? .null
    }

    mutating func evaluate(_ expression: Expression, at location: NodeLocation) -> Value {
        switch expression {
        case .path(let p): return lookup(p)
        case .string(let s): return .string(s)
        case .number(let n): return .number(Decimal(string: n, locale: Locale(identifier: "en_US_POSIX")) ?? 0)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .reference(let name): return .string(citation(name, at: location))
        case .field:
            fail("render.field", "$page and $pages can only be message arguments", at: location,
                 suggestion: "use <page-number/> and <page-count/> in text")
            return .null
        case .not(let e): return .bool(!evaluate(e, at: location).isTruthy)
        case .and(let a, let b): return .bool(evaluate(a, at: location).isTruthy && evaluate(b, at: location).isTruthy)
        case .or(let a, let b): return .bool(evaluate(a, at: location).isTruthy || evaluate(b, at: location).isTruthy)
        case .compare(let a, let op, let b):
            return .bool(compare(evaluate(a, at: location), op, evaluate(b, at: location), at: location))
        case .arithmetic(let a, let op, let b, _):
            return arithmetic(a, op, b, at: location)
        case .filter(let input, let name, let arguments, _):
            let value = evaluate(input, at: location)
            let args = arguments.map { evaluate($0, at: location) }
            return applyFilter(name, to: value, arguments: args, expression: expression, at: location)
        }
    }

    mutating func compare(_ a: Value, _ op: Expression.Comparison, _ b: Value, at location: NodeLocation) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        default: break
        }
        let ordered: ComparisonResult
        switch (a, b) {
        case (.number(let x), .number(let y)): ordered = x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
        case (.string(let x), .string(let y)): ordered = x < y ? .orderedAscending : x > y ? .orderedDescending : .orderedSame
        case (.null, _), (_, .null): return false
        default:
            fail("render.compare", "cannot compare \(a.typeName) with \(b.typeName) using \(op.rawValue)", at: location)
            return false
        }
        switch op {
        case .less: return ordered == .orderedAscending
        case .lessOrEqual: return ordered != .orderedDescending
        case .greater: return ordered == .orderedDescending
        default: return ordered != .orderedAscending
        }
    }

    /// How a value is printed by `{expression}`.
    mutating func display(_ value: Value, expression: Expression, at location: NodeLocation) -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return Typography.unbreakable(formatter.number(d))
        case .array(let items): return displayList(items, expression: expression, at: location)
        case .object:
            if let money = Self.money(value) { return formatMoney(money.amount, currency: money.currency) }
            fail("render.object", "'\(describe(expression))' is an object and cannot be printed", at: location,
                 suggestion: "print one of its fields, e.g. {\(describe(expression)).name}")
            return ""
        }
    }

    /// A list printed as its items joined by ", ", nested lists flattened the same way.
    ///
    /// An explicit stack rather than recursion: data may nest up to
    /// ``DataLimits/maximumSupportedDepth`` levels, which recursion here would not survive.
    mutating func displayList(_ items: [Value], expression: Expression, at location: NodeLocation) -> String {
        var out = ""
        var stack: [(items: [Value], next: Int)] = [(items, 0)]
        while let (list, index) = stack.last {
            guard index < list.count else {
                stack.removeLast()
                continue
            }
            stack[stack.count - 1].next += 1
            if index > 0 { out += ", " }
            if case .array(let inner) = list[index] {
                stack.append((inner, 0))
            } else {
                out += display(list[index], expression: expression, at: location)
            }
        }
        return out
    }

    /// `{amount, currency}` objects are money; the amount may be a number or a decimal string.
    static func money(_ value: Value) -> (amount: Decimal, currency: String)? {
        guard case .string(let currency)? = value["currency"], currency.count == 3 else { return nil }
        switch value["amount"] {
        case .number(let d)?: return (d, currency)
        case .string(let s)?: return Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")).map { ($0, currency) }
        default: return nil
        }
    }

    /// The value of a message argument. Data keeps its type; a string is a date only where the
    /// message formats that argument as a date or time (`{d, date, long}`), so an ISO date in
    /// plain `{d}` prints exactly as the data has it.
    mutating func messageValue(_ expression: Expression, at location: NodeLocation, kind: MessageArgument.Kind? = nil) -> MessageValue {
        switch expression {
        case .field(.pageNumber): return .string(String(Self.pageSentinel))
        case .field(.pageCount): return .string(String(Self.pagesSentinel))
        default: break
        }
        let value = evaluate(expression, at: location)
        switch value {
        case .number(let d): return .number(d)
        case .string(let s):
            let clean = s.utf8.contains(0xEE) ? s.filter { $0 != Self.pageSentinel && $0 != Self.pagesSentinel } : s
            if kind == .date || kind == .time, let date = CalendarDate(isoDateOrDateTime: clean) { return .date(date) }
            return .string(clean)
        case .object:
            if let money = Self.money(value) { return .money(amount: Self.roundedMoney(money.amount, currency: money.currency), currency: money.currency) }
            return .string(display(value, expression: expression, at: location))
        default:
            return .string(display(value, expression: expression, at: location))
        }
    }

    func describe(_ e: Expression) -> String {
        switch e {
        case .path(let p): p.joined(separator: ".")
        case .filter(let inner, let name, _, _): "\(describe(inner)) | \(name)"
        default: "expression"
        }
    }
}
