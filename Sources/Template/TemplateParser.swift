public import DocumentModel
public import Foundation
import Localization
public import XMLSupport

/// Reads a template's XML source into a ``TemplateDefinition``, reporting every problem it finds.
///
/// ```swift
/// let template = try TemplateParser.parse(source: bytes, file: "templates/x/template.xml")
/// ```
public enum TemplateParser {
    public static let namespace = "urn:formwright:template:1"

    /// Parses a template. Throws ``TemplateErrors`` listing every problem found.
    ///
    /// `folder` is the template folder: `<image src="assets/logo.png">` is read from it now
    /// (checked against `imageLimits`), and `src="{…}"` when rendering. Without a folder only
    /// `data:` URIs given by data can be images.
    public static func parse(
        source: [UInt8], file: String, limits: XMLReader.Limits = .init(), folder: URL? = nil,
        imageLimits: ImageData.Limits = .init()
    ) throws(TemplateErrors) -> TemplateDefinition {
        let lines = String(decoding: source, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let root: XMLElement
        do {
            root = try XMLReader(limits: limits).parse(source, file: file)
        } catch {
            throw TemplateErrors([TemplateError(
                code: "template.xml", file: file, line: error.line, column: error.column, message: error.message,
                sourceLine: error.line >= 1 && error.line - 1 < lines.count ? String(lines[error.line - 1]) : nil)])
        }
        var parser = Parser(file: file, lines: lines)
        parser.folder = folder
        parser.imageLimits = imageLimits
        let definition = parser.document(root)
        if !parser.errors.isEmpty { throw TemplateErrors(parser.errors) }
        return definition!
    }
}

private struct Parser {
    let file: String
    let lines: [Substring]
    var errors: [TemplateError] = []
    var messages: [MessageSource] = []
    var untranslated: [(text: String, location: NodeLocation)] = []
    /// `ref="…"` on articles and clauses, and `ref:NAME` / `<ref to>` citing them.
    var referenceDeclarations: [(name: String, location: NodeLocation)] = []
    var referenceUses: [(name: String, location: NodeLocation)] = []
    /// Inside `<a>` or `<footnote>`: neither nests in itself.
    var inLink = false
    var inFootnote = false
    /// Office suites place no footnotes in headers and footers.
    var inHeaderOrFooter = false
    var folder: URL?
    var imageLimits = ImageData.Limits()
    /// Pictures read so far, by `src`: a logo in the header and the body is read once.
    var images: [String: ImageData] = [:]
    /// Whether a `<section>` with page settings may appear here: directly in `<body>` (or
    /// in plain sections there), not in headers, tables, lists or another such section.
    var pageSectionsAllowed = false

    init(file: String, lines: [Substring]) {
        self.file = file
        self.lines = lines
    }

    // MARK: errors

    mutating func error(_ code: String, _ message: String, at location: NodeLocation, suggestion: String? = nil) {
        // Every problem at once, up to a bound: 100 000 bad elements must not print 100 000
        // messages (each with its source line).
        guard errors.count < TemplateError.maximumReported else {
            if errors.count == TemplateError.maximumReported {
                errors.append(TemplateError(code: "template.too-many-errors", file: file, line: location.line, column: location.column,
                                            message: "more than \(TemplateError.maximumReported) problems; the rest are not reported",
                                            suggestion: "fix these first"))
            }
            return
        }
        let line = location.line - 1 < lines.count && location.line >= 1 ? String(lines[location.line - 1]) : nil
        errors.append(TemplateError(code: code, file: file, line: location.line, column: location.column,
                                    message: message, suggestion: suggestion, sourceLine: line))
    }

    func loc(_ l: XMLLocation) -> NodeLocation { NodeLocation(line: l.line, column: l.column) }

    /// Position `offset` characters into a text that starts at `start`.
    func loc(_ start: XMLLocation, advancedBy offset: Int, in text: String) -> NodeLocation {
        var line = start.line, column = start.column
        for c in text.prefix(offset) {
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return NodeLocation(line: line, column: column)
    }

    // MARK: document

    mutating func document(_ root: XMLElement) -> TemplateDefinition? {
        let rootLoc = loc(root.location)
        guard root.name == "document", root.namespace == TemplateParser.namespace else {
            error("template.root", "the root element must be <document xmlns=\"\(TemplateParser.namespace)\">, found <\(root.name)>"
                  + (root.namespace.map { " in namespace \($0)" } ?? " with no namespace"), at: rootLoc)
            return nil
        }
        checkAttributes(root, allowed: ["id", "domain", "schema", "font", "text-color", "letterhead"], directives: false)
        var styles = StyleSheet.standard
        if let a = root.attribute("font") { styles.fontFamily = fontFamily(a) ?? styles.fontFamily }
        if let a = root.attribute("text-color") { styles.textColor = colour(a, name: "text-color") }
        let id = root["id"] ?? ""
        if id.isEmpty { error("template.id", "<document> needs an id attribute (the template's folder name)", at: rootLoc) }

        var description = ""
        var title: [Directed<InlineNode>] = [], subject: [Directed<InlineNode>] = []
        var page = PageSetup.a4()
        var header: [Directed<BlockNode>] = [], footer: [Directed<BlockNode>] = [], body: [Directed<BlockNode>]?
        var firstPageHeader: [Directed<BlockNode>]?, firstPageFooter: [Directed<BlockNode>]?
        for child in root.children {
            guard case .element(let e) = child else {
                if case .text(let t) = child, !t.text.trimmingWhitespace.isEmpty {
                    error("template.text", "text directly inside <document>", at: loc(t.location), suggestion: "put it inside <body><p>…</p></body>")
                }
                continue
            }
            guard inNamespace(e) else { continue }
            switch e.name {
            case "meta":
                checkAttributes(e, allowed: [], directives: false)
                for m in e.elements where inNamespace(m) {
                    switch m.name {
                    case "title": checkAttributes(m, allowed: [], directives: false); title = inlines(m.children)
                    case "subject": checkAttributes(m, allowed: [], directives: false); subject = inlines(m.children)
                    case "description": checkAttributes(m, allowed: [], directives: false); description = m.textContent.collapsingWhitespace.trimmingWhitespace
                    default: unknownElement(m, expected: ["title", "subject", "description"])
                    }
                }
            case "page":
                checkAttributes(e, allowed: Parser.pageAttributes, directives: false)
                page = pageSettings(e).applied(to: .a4())
            case "header", "footer", "first-page-header", "first-page-footer":
                checkAttributes(e, allowed: [], directives: false)
                inHeaderOrFooter = true
                let content = blocks(e.children)
                inHeaderOrFooter = false
                switch e.name {
                case "header": header = content
                case "footer": footer = content
                case "first-page-header": firstPageHeader = content
                default: firstPageFooter = content
                }
            case "body":
                checkAttributes(e, allowed: [], directives: false)
                pageSectionsAllowed = true
                body = blocks(e.children)
                pageSectionsAllowed = false
            default: unknownElement(e, expected: ["meta", "page", "header", "footer", "first-page-header", "first-page-footer", "body"])
            }
        }
        if body == nil { error("template.body", "<document> has no <body>", at: rootLoc) }
        checkReferences()
        var definition = TemplateDefinition(
            id: id, domain: root["domain"] ?? id, file: file, schemaFile: root["schema"], description: description,
            page: page, messages: messages, untranslatedText: untranslated,
            referenceNames: referenceDeclarations.map(\.name), usesReferences: !referenceUses.isEmpty,
            title: title, subject: subject, header: header, footer: footer, body: body ?? [], sourceLines: lines, folder: folder, places: [],
            firstPageHeader: firstPageHeader, firstPageFooter: firstPageFooter, styles: styles)
        definition.letterhead = letterheadReference(root)
        return definition
    }

    /// `letterhead="…"` on `<document>`: read by the facade, which confines it to the
    /// template folder; an empty value is an error here.
    mutating func letterheadReference(_ root: XMLElement) -> LetterheadReference? {
        guard let a = root.attribute("letterhead") else { return nil }
        let path = a.value.trimmingWhitespace
        guard !path.isEmpty else {
            error("template.letterhead", "letterhead=\"\" names no file", at: loc(a.valueLocation),
                  suggestion: "name a .docx or .odt in the template folder, e.g. letterhead=\"letterhead.docx\", or leave the attribute out")
            return nil
        }
        let line = a.valueLocation.line - 1
        return LetterheadReference(path: path, location: loc(a.valueLocation), sourceLine: lines.indices.contains(line) ? String(lines[line]) : nil)
    }

    func inNamespace(_ e: XMLElement) -> Bool { e.namespace == TemplateParser.namespace }

    mutating func unknownElement(_ e: XMLElement, expected: [String]) {
        if !inNamespace(e) {
            error("template.namespace", "<\(e.name)> is not in the template namespace \(TemplateParser.namespace)", at: loc(e.location),
                  suggestion: "declare xmlns=\"\(TemplateParser.namespace)\" on <document>")
            return
        }
        let hint = closestMatch(to: e.name, in: expected).map { "did you mean <\($0)>?" } ?? "expected one of: " + expected.map { "<\($0)>" }.joined(separator: ", ")
        error("template.unknown-element", "<\(e.name)> is not allowed here", at: loc(e.location), suggestion: hint)
    }

    mutating func checkAttributes(_ e: XMLElement, allowed: [String], directives: Bool = true) {
        let known = allowed + (directives ? ["if", "each"] : [])
        for a in e.attributes where a.namespace == nil && !known.contains(a.name) {
            let hint = closestMatch(to: a.name, in: known).map { "did you mean '\($0)'?" }
                ?? (known.isEmpty ? "<\(e.name)> takes no attributes" : "attributes of <\(e.name)>: " + known.joined(separator: ", "))
            error("template.unknown-attribute", "unknown attribute '\(a.name)' on <\(e.name)>", at: loc(a.location), suggestion: hint)
        }
    }

    static let pageAttributes = ["size", "orientation", "margins", "margin-top", "margin-bottom", "margin-left", "margin-right"]

    /// `size`, `orientation` and margins of `<page>` or `<section>`; attributes are checked by the caller.
    mutating func pageSettings(_ e: XMLElement) -> PageSettings {
        var settings = PageSettings()
        if let a = e.attribute("size") {
            settings.size = PaperSize(named: a.value.trimmingWhitespace)
            if settings.size == nil {
                let names = PaperSize.allCases.map(\.rawValue)
                error("template.page-size", "unknown page size '\(a.value)'", at: loc(a.valueLocation),
                      suggestion: (closestMatch(to: a.value, in: names).map { "did you mean '\($0)'? " } ?? "") + "sizes: " + names.joined(separator: ", "))
            }
        }
        if let a = e.attribute("orientation") {
            settings.orientation = Orientation(rawValue: a.value.trimmingWhitespace)
            if settings.orientation == nil {
                error("template.orientation", "unknown orientation '\(a.value)'", at: loc(a.valueLocation),
                      suggestion: choices(for: a.value, in: Orientation.allCases.map(\.rawValue)))
            }
        }
        for name in ["margins", "margin-top", "margin-bottom", "margin-left", "margin-right"] {
            guard let a = e.attribute(name) else { continue }
            guard let value = Length(parsing: a.value.trimmingWhitespace), value < .mm(100) else {
                error("template.length", "'\(a.value)' is not a length for \(name)", at: loc(a.valueLocation), suggestion: "write it like 20mm, 2cm, 36pt or 1in")
                continue
            }
            switch name {
            case "margins": (settings.top, settings.bottom, settings.left, settings.right) = (value, value, value, value)
            case "margin-top": settings.top = value
            case "margin-bottom": settings.bottom = value
            case "margin-left": settings.left = value
            default: settings.right = value
            }
        }
        return settings
    }

    /// "did you mean 'x'? allowed: a, b, c" for a value that is not one of `allowed`.
    func choices(for value: String, in allowed: [String]) -> String {
        (closestMatch(to: value, in: allowed).map { "did you mean '\($0)'? " } ?? "") + "use one of: " + allowed.joined(separator: ", ")
    }

    /// `start`, `center`, `end` or `justify`, or nil after reporting what it should be.
    mutating func alignment(_ value: String, at location: XMLLocation) -> Alignment? {
        let text = value.trimmingWhitespace
        if let alignment = Alignment(rawValue: text) { return alignment }
        error("template.align", "unknown alignment '\(value)'", at: loc(location),
              suggestion: choices(for: text, in: ["start", "center", "end", "justify"]))
        return nil
    }

    /// A font family name as office suites list it (`Liberation Serif`).
    mutating func fontFamily(_ a: XMLAttribute) -> String? {
        let name = a.value.trimmingWhitespace
        let forbidden: Set<Character> = ["'", "\"", ",", ";", "<", ">", "&", "{", "}"]
        guard !name.isEmpty, name.count <= 64, !name.contains(where: { forbidden.contains($0) || $0.isNewline }) else {
            error("template.font", "'\(a.value)' is not a font family name", at: loc(a.valueLocation),
                  suggestion: "name one installed font, for example font=\"Liberation Serif\" (no quotes or lists)")
            return nil
        }
        return name
    }

    /// Six hex digits (an optional `#`), upper-cased.
    mutating func colour(_ a: XMLAttribute, name: String) -> String? {
        let hex = a.value.hasPrefix("#") ? String(a.value.dropFirst()) : a.value
        if hex.count == 6, hex.allSatisfy(\.isHexDigit) { return hex.uppercased() }
        error("template.colour", "\(name) must be six hex digits like 1F3864, found '\(a.value)'", at: loc(a.valueLocation))
        return nil
    }

    // MARK: directives and expressions

    mutating func directives(_ e: XMLElement) -> Directives {
        var d = Directives()
        if let a = e.attribute("if") {
            if let expr = expression(a.value, at: a.valueLocation) { d.condition = Located(value: expr, location: loc(a.valueLocation)) }
        }
        if let a = e.attribute("each") {
            let parts = a.value.trimmingWhitespace.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            if parts.count == 3, parts[1] == "in", parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), parts[0] != "loop" {
                let sourceText = String(parts[2])
                let offset = a.value.distance(from: a.value.startIndex, to: a.value.range(of: sourceText)!.lowerBound)
                if let expr = expression(sourceText, at: a.valueLocation, offset: offset) {
                    d.loop = Directives.Loop(variable: String(parts[0]), source: Located(value: expr, location: loc(a.valueLocation)))
                }
            } else {
                error("template.each", "each=\"\(a.value)\" is not of the form 'item in list'", at: loc(a.valueLocation),
                      suggestion: "for example each=\"agency in agencies\" (the name 'loop' is reserved)")
            }
        }
        return d
    }

    mutating func expression(_ text: String, at start: XMLLocation, offset: Int = 0) -> Expression? {
        do {
            let expression = try Expression.parse(text)
            noteReferences(in: expression, at: loc(start, advancedBy: offset, in: text))
            return expression
        } catch {
            self.error("expression.syntax", error.message, at: loc(start, advancedBy: offset + error.offset, in: text), suggestion: error.suggestion)
            return nil
        }
    }

    mutating func interpolation(_ a: XMLAttribute) -> Interpolation? {
        do {
            let interpolation = try Interpolation(parsing: a.value)
            noteReferences(in: interpolation, at: loc(a.valueLocation))
            return interpolation
        } catch {
            self.error("expression.syntax", error.message, at: loc(a.valueLocation, advancedBy: error.offset, in: a.value), suggestion: error.suggestion)
            return nil
        }
    }

    // MARK: blocks

    static let blockNames = ["h1", "h2", "h3", "p", "ul", "ol", "table", "page-break", "signatures", "section", "articles", "image"]
    static let inlineNames = ["t", "b", "i", "u", "a", "footnote", "br", "tab", "checkbox", "page-number", "page-count", "ref", "image"]

    mutating func blocks(_ nodes: [XMLNode]) -> [Directed<BlockNode>] {
        var result: [Directed<BlockNode>] = []
        for node in nodes {
            switch node {
            case .text(let t):
                if !t.text.trimmingWhitespace.isEmpty {
                    error("template.text", "text must be inside a block such as <p>", at: loc(t.location),
                          suggestion: "wrap it in <p>…</p>")
                }
            case .element(let e):
                if let block = block(e) { result.append(block) }
            }
        }
        return result
    }

    mutating func block(_ e: XMLElement) -> Directed<BlockNode>? {
        guard inNamespace(e) else { unknownElement(e, expected: Parser.blockNames); return nil }
        let d = directives(e)
        let node: BlockNode
        switch e.name {
        case "h1", "h2", "h3":
            checkAttributes(e, allowed: [])
            node = .heading(level: Int(String(e.name.last!))!, inlines(e.children))
        case "p":
            checkAttributes(e, allowed: ["style", "align", "keep-with-next"])
            var style = StyleName.body
            if let a = e.attribute("style") {
                let names = ["body": StyleName.body, "title": .title, "small": .small, "signature": .signature, "header": .header, "footer": .footer]
                if let s = names[a.value] { style = s } else {
                    error("template.style", "unknown paragraph style '\(a.value)'", at: loc(a.valueLocation),
                          suggestion: closestMatch(to: a.value, in: names.keys.sorted()).map { "did you mean '\($0)'?" } ?? "styles: " + names.keys.sorted().joined(separator: ", "))
                }
            }
            var paragraphAlignment: Alignment?
            if let a = e.attribute("align") { paragraphAlignment = alignment(a.value, at: a.valueLocation) }
            let keep = boolean(e, "keep-with-next") ?? false
            node = .paragraph(style: style, alignment: paragraphAlignment, keepWithNext: keep, inlines(e.children))
        case "ul", "ol":
            checkAttributes(e, allowed: [])
            var items: [Directed<ListItemNode>] = []
            for child in e.children {
                switch child {
                case .text(let t) where !t.text.trimmingWhitespace.isEmpty:
                    error("template.text", "text directly inside <\(e.name)>", at: loc(t.location), suggestion: "put it in <li>…</li>")
                case .element(let li) where inNamespace(li) && li.name == "li":
                    checkAttributes(li, allowed: [])
                    items.append(Directed(node: ListItemNode(content: flow(li)), directives: directives(li), location: loc(li.location)))
                case .element(let other):
                    unknownElement(other, expected: ["li"])
                default: break
                }
            }
            node = .list(e.name == "ul" ? .bulleted : .numbered, items)
        case "table":
            node = .table(table(e))
        case "section":
            checkAttributes(e, allowed: Parser.pageAttributes)
            let hasPage = Parser.pageAttributes.contains { e.attribute($0) != nil }
            guard hasPage else {
                node = .section(nil, blocks(e.children))
                break
            }
            let settings = pageSettings(e)
            if !pageSectionsAllowed {
                error("template.section-page", "a <section> with page settings must be in <body>, outside tables, lists and other such sections",
                      at: loc(e.location), suggestion: "move it to the top level of <body>, or remove size, orientation and margins")
            }
            let outer = pageSectionsAllowed
            pageSectionsAllowed = false
            node = .section(settings, blocks(e.children))
            pageSectionsAllowed = outer
        case "page-break":
            checkAttributes(e, allowed: [])
            if !e.children.isEmpty { error("template.content", "<page-break/> must be empty", at: loc(e.location)) }
            node = .pageBreak
        case "signatures":
            checkAttributes(e, allowed: ["per-row", "seal-height"])
            var perRow = 2
            if let a = e.attribute("per-row") {
                if let n = Int(a.value), (1...4).contains(n) { perRow = n } else {
                    error("template.per-row", "per-row must be a whole number from 1 to 4, found '\(a.value)'", at: loc(a.valueLocation))
                }
            }
            var sealRoom: Length?
            if let a = e.attribute("seal-height") {
                if let value = Length(parsing: a.value.trimmingWhitespace), value <= .mm(100) { sealRoom = value } else {
                    error("template.length", "'\(a.value)' is not a seal height", at: loc(a.valueLocation),
                          suggestion: "write it like 40mm (the room for the seal from the signature line down, at most 100mm; 0mm for none)")
                }
            }
            var signatures: [Directed<SignatureNode>] = []
            for child in e.elements {
                guard inNamespace(child), child.name == "signature" else { unknownElement(child, expected: ["signature"]); continue }
                signatures.append(Directed(node: signature(child), directives: directives(child), location: loc(child.location)))
            }
            node = .signatures(perRow: perRow, signatures, sealRoom: sealRoom)
        case "articles":
            node = .articles(articles(e))
        case "image":
            var alignment = Alignment.start
            if let a = e.attribute("align") {
                if let value = Alignment(rawValue: a.value), value != .justify { alignment = value } else {
                    error("template.align", "unknown image alignment '\(a.value)'", at: loc(a.valueLocation), suggestion: "use start, center or end")
                }
            }
            guard let image = image(e, block: true) else { return nil }
            node = .image(image, alignment: alignment)
        default:
            if misplacedLegalElement(e) { return nil }
            if Parser.inlineNames.contains(e.name) {
                error("template.inline-as-block", "<\(e.name)> is inline content and must be inside a block", at: loc(e.location),
                      suggestion: "wrap it in <p>…</p>")
            } else {
                unknownElement(e, expected: Parser.blockNames)
            }
            return nil
        }
        return Directed(node: node, directives: d, location: loc(e.location))
    }

    mutating func boolean(_ e: XMLElement, _ name: String) -> Bool? {
        guard let a = e.attribute(name) else { return nil }
        switch a.value {
        case "true": return true
        case "false": return false
        default:
            error("template.boolean", "\(name) must be true or false, found '\(a.value)'", at: loc(a.valueLocation))
            return nil
        }
    }

    /// Content of `<li>` and `<cell>`: inline runs between block elements become paragraphs.
    mutating func flow(_ e: XMLElement) -> FlowContent {
        let outer = pageSectionsAllowed
        pageSectionsAllowed = false
        defer { pageSectionsAllowed = outer }
        return splitRuns(e.children, inline: FlowPart.inline, claims: { parser, child in
            // An image without align sits in the line, like text; with align it is a block.
            parser.inNamespace(child) && Parser.blockNames.contains(child.name) && !(child.name == "image" && child.attribute("align") == nil)
        }, special: { parser, child in
            parser.block(child).map(FlowPart.block)
        })
    }

    /// Splits mixed content into runs of inline content and the parts `special` makes of the
    /// elements `claims` accepts; `special` returns nil for one it handled without a part (e.g.
    /// after reporting an error). The run before a claimed element is parsed before it, so the
    /// messages are recorded in document order (`catalog extract` keeps that order).
    mutating func splitRuns<Part>(
        _ nodes: [XMLNode], inline: ([Directed<InlineNode>]) -> Part,
        claims: (Parser, XMLElement) -> Bool, special: (inout Parser, XMLElement) -> Part?
    ) -> [Part] {
        var parts: [Part] = []
        var run: [XMLNode] = []
        func flushRun(_ parser: inout Parser) {
            defer { run.removeAll() }
            let hasContent = run.contains { node in
                if case .text(let t) = node { return !t.text.trimmingWhitespace.isEmpty }
                return true
            }
            if hasContent { parts.append(inline(parser.inlines(run))) }
        }
        for node in nodes {
            guard case .element(let child) = node, claims(self, child) else {
                run.append(node)
                continue
            }
            flushRun(&self)
            if let part = special(&self, child) { parts.append(part) }
        }
        flushRun(&self)
        return parts
    }

    mutating func table(_ e: XMLElement) -> TableNode {
        checkAttributes(e, allowed: ["widths", "header-rows", "borders", "align", "padding", "split-rows"])
        var widths: [Length?]?
        if let a = e.attribute("widths") {
            var parsed: [Length?] = []
            for part in a.value.split(whereSeparator: { $0 == " " || $0 == "," }) {
                if part == "*" { parsed.append(nil) } else if let l = Length(parsing: String(part)) { parsed.append(l) } else {
                    error("template.length", "'\(part)' is not a column width", at: loc(a.valueLocation), suggestion: "write widths like \"70mm 30mm *\"")
                }
            }
            widths = parsed
        }
        var headerRows = 0
        if let a = e.attribute("header-rows") {
            if let n = Int(a.value), n >= 0 { headerRows = n } else {
                error("template.header-rows", "header-rows must be a whole number, found '\(a.value)'", at: loc(a.valueLocation))
            }
        }
        let borders = boolean(e, "borders") ?? true
        var columnAlignments: [Alignment?] = []
        if let a = e.attribute("align") {
            let parts = a.value.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            for part in parts { columnAlignments.append(part.isEmpty || part == "*" ? nil : alignment(part, at: a.valueLocation)) }
            if let widths, widths.count != parts.count {
                error("template.align", "align has \(parts.count) column\(parts.count == 1 ? "" : "s") but widths has \(widths.count)",
                      at: loc(a.valueLocation), suggestion: "give one alignment per column, separated by commas, for example align=\"start,end,end\"")
            }
        }
        var padding: Length?
        if let a = e.attribute("padding") {
            if let value = Length(parsing: a.value.trimmingWhitespace), value <= .mm(20) { padding = value } else {
                error("template.length", "'\(a.value)' is not a cell padding", at: loc(a.valueLocation), suggestion: "write it like 1.5mm or 4pt (at most 20mm)")
            }
        }
        var rows: [Directed<RowNode>] = []
        for child in e.children {
            switch child {
            case .text(let t) where !t.text.trimmingWhitespace.isEmpty:
                error("template.text", "text directly inside <table>", at: loc(t.location), suggestion: "put it in <row><cell>…</cell></row>")
            case .element(let row) where inNamespace(row) && row.name == "row":
                checkAttributes(row, allowed: ["split"])
                var cells: [Directed<CellNode>] = []
                for c in row.elements {
                    guard inNamespace(c), c.name == "cell" else { unknownElement(c, expected: ["cell"]); continue }
                    checkAttributes(c, allowed: ["span", "shading", "align", "valign"])
                    var cellAlignment: Alignment?
                    if let a = c.attribute("align") { cellAlignment = alignment(a.value, at: a.valueLocation) }
                    var verticalAlignment: VerticalAlignment?
                    if let a = c.attribute("valign") {
                        verticalAlignment = VerticalAlignment(rawValue: a.value.trimmingWhitespace)
                        if verticalAlignment == nil {
                            error("template.valign", "unknown vertical alignment '\(a.value)'", at: loc(a.valueLocation),
                                  suggestion: choices(for: a.value.trimmingWhitespace, in: ["top", "center", "bottom"]))
                        }
                    }
                    var span = 1
                    if let a = c.attribute("span") {
                        if let n = Int(a.value), n >= 1 { span = n } else {
                            error("template.span", "span must be a whole number ≥ 1, found '\(a.value)'", at: loc(a.valueLocation))
                        }
                    }
                    var shading: String?
                    if let a = c.attribute("shading") {
                        let hex = a.value.hasPrefix("#") ? String(a.value.dropFirst()) : a.value
                        if hex.count == 6, hex.allSatisfy(\.isHexDigit) { shading = hex.uppercased() } else {
                            error("template.shading", "shading must be six hex digits like EEEEEE, found '\(a.value)'", at: loc(a.valueLocation))
                        }
                    }
                    let cell = CellNode(
                        content: flow(c), span: span, shading: shading, alignment: cellAlignment, verticalAlignment: verticalAlignment)
                    cells.append(Directed(node: cell, directives: directives(c), location: loc(c.location)))
                }
                rows.append(Directed(
                    node: RowNode(cells: cells, maySplit: boolean(row, "split") ?? false), directives: directives(row), location: loc(row.location)))
            case .element(let other):
                unknownElement(other, expected: ["row"])
            default: break
            }
        }
        return TableNode(
            widths: widths, headerRows: headerRows, borders: borders, rows: rows, columnAlignments: columnAlignments, padding: padding,
            rowsMaySplit: boolean(e, "split-rows") ?? false, widthsLocation: e.attribute("widths").map { loc($0.valueLocation) })
    }

    mutating func signature(_ e: XMLElement) -> SignatureNode {
        checkAttributes(e, allowed: ["name", "role", "institution", "date", "seal"])
        var role = e.attribute("role").flatMap { interpolation($0) }.map(SignatureText.attribute)
        var institution = e.attribute("institution").flatMap { interpolation($0) }.map(SignatureText.attribute)
        for child in e.elements {
            guard inNamespace(child), child.name == "role" || child.name == "institution" else {
                unknownElement(child, expected: ["role", "institution"]); continue
            }
            checkAttributes(child, allowed: [], directives: false)
            let content = SignatureText.content(inlines(child.children))
            if child.name == "role" { role = content } else { institution = content }
        }
        return SignatureNode(
            name: e.attribute("name").flatMap { interpolation($0) }, role: role, institution: institution,
            date: e.attribute("date").flatMap { interpolation($0) }, seal: e.attribute("seal").flatMap { interpolation($0) })
    }

    // MARK: inline content

    mutating func inlines(_ nodes: [XMLNode]) -> [Directed<InlineNode>] {
        var result: [Directed<InlineNode>] = []
        for node in nodes {
            switch node {
            case .text(let t):
                let collapsed = t.text.collapsingWhitespace
                if collapsed.isEmpty { continue }
                do {
                    let interp = try Interpolation(parsing: collapsed)
                    noteReferences(in: interp, at: loc(t.location))
                    for segment in interp.segments {
                        if case .literal(let s) = segment, s.contains(where: { $0.isLetter }) {
                            untranslated.append((s.trimmingWhitespace, loc(t.location)))
                        }
                    }
                    result.append(Directed(node: .text(interp, location: loc(t.location)), directives: .none, location: loc(t.location)))
                } catch {
                    // Offsets refer to the collapsed text; map back through the raw text when it is one line.
                    let at = t.text.contains("\n") || t.hasReferences ? loc(t.location) : loc(t.location, advancedBy: error.offset, in: t.text)
                    self.error("expression.syntax", error.message, at: at, suggestion: error.suggestion)
                }
            case .element(let e):
                if let inline = inline(e) { result.append(inline) }
            }
        }
        return result
    }

    mutating func inline(_ e: XMLElement) -> Directed<InlineNode>? {
        guard inNamespace(e) else { unknownElement(e, expected: Parser.inlineNames); return nil }
        let location = loc(e.location)
        let node: InlineNode
        switch e.name {
        case "t":
            guard let message = message(e) else { return nil }
            node = .message(message)
        case "b", "i", "u":
            checkAttributes(e, allowed: [])
            let marks: Marks = e.name == "b" ? .bold : e.name == "i" ? .italic : .underline
            node = .marked(marks, inlines(e.children))
        case "a":
            checkAttributes(e, allowed: ["href"])
            guard let href = linkTarget(e) else { return nil }
            if inLink {
                error("template.link-in-link", "<a> cannot be inside another <a>", at: location, suggestion: "close the first link before the second")
                return nil
            }
            inLink = true
            let content = inlines(e.children)
            inLink = false
            if content.isEmpty {
                error("template.link-empty", "<a> has no text", at: location, suggestion: "write the text to click inside it: <a href=\"…\">…</a>")
            }
            node = .link(href, content)
        case "footnote":
            checkAttributes(e, allowed: [])
            if inFootnote {
                error("template.footnote-in-footnote", "<footnote> cannot be inside another <footnote>", at: location)
                return nil
            }
            if inHeaderOrFooter {
                error("template.footnote-in-header", "a <footnote> cannot be in the <header> or <footer>: office suites place footnotes only in the body", at: location,
                      suggestion: "put the footnote in the body, or write the note as small text in the footer")
                return nil
            }
            inFootnote = true
            let content = inlines(e.children)
            inFootnote = false
            if content.isEmpty {
                error("template.footnote-empty", "<footnote> has no text", at: location, suggestion: "write the note inside it: <footnote>…</footnote>")
            }
            node = .footnote(content)
        case "br": checkAttributes(e, allowed: []); node = .lineBreak
        case "tab": checkAttributes(e, allowed: []); node = .tab
        case "page-number": checkAttributes(e, allowed: []); node = .field(.pageNumber)
        case "page-count": checkAttributes(e, allowed: []); node = .field(.pageCount)
        case "checkbox":
            checkAttributes(e, allowed: ["checked"])
            guard let a = e.attribute("checked") else {
                error("template.checkbox", "<checkbox> needs checked=\"expression\"", at: location, suggestion: "for example checked=\"agency.shares\"")
                return nil
            }
            guard let expr = expression(a.value, at: a.valueLocation) else { return nil }
            node = .checkbox(Located(value: expr, location: loc(a.valueLocation)))
        case "ref":
            checkAttributes(e, allowed: ["to"])
            guard let to = e.attribute("to"), !to.value.isEmpty else {
                error("template.ref", "<ref> needs to=\"NAME\", the ref of an article or clause", at: location,
                      suggestion: "for example <ref to=\"data-protection\"/>")
                return nil
            }
            if !e.children.isEmpty { error("template.content", "<ref/> must be empty", at: location) }
            referenceUses.append((to.value, loc(to.valueLocation)))
            node = .reference(Located(value: to.value, location: loc(to.valueLocation)))
        case "image":
            if let a = e.attribute("align") {
                error("template.image-align", "an image inside a line of text has no align", at: loc(a.location),
                      suggestion: "put <image align=\"\(a.value)\" …/> on its own, outside the <p>, or set align on the <p>")
                return nil
            }
            guard let image = image(e, block: false) else { return nil }
            node = .image(image)
        default:
            if misplacedLegalElement(e) { return nil }
            if Parser.blockNames.contains(e.name) {
                error("template.block-in-inline", "<\(e.name)> is a block and cannot be inside inline content", at: location)
            } else {
                unknownElement(e, expected: Parser.inlineNames)
            }
            return nil
        }
        return Directed(node: node, directives: directives(e), location: location)
    }

    /// `<image src=… width=… height=… alt=…/>`, or with `<alt>…</alt>` inside.
    mutating func image(_ e: XMLElement, block: Bool) -> ImageNode? {
        let location = loc(e.location)
        checkAttributes(e, allowed: block ? ["src", "width", "height", "alt", "align"] : ["src", "width", "height", "alt"])
        var failed = false
        func size(_ name: String, _ parser: inout Parser) -> Length? {
            guard let a = e.attribute(name) else { return nil }
            guard let value = Length(parsing: a.value.trimmingWhitespace), value > Length(hundredthsOfMillimetre: 0), value <= .mm(1000) else {
                parser.error("template.length", "'\(a.value)' is not an image \(name)", at: parser.loc(a.valueLocation),
                             suggestion: "write it like 25mm, 2.5cm or 72pt (more than 0, at most 1000mm)")
                failed = true
                return nil
            }
            return value
        }
        let width = size("width", &self), height = size("height", &self)

        var alternativeText: SignatureText?
        if let a = e.attribute("alt") {
            if let text = interpolation(a) {
                alternativeText = .attribute(text)
                for case .literal(let s) in text.segments where s.contains(where: { $0.isLetter }) {
                    untranslated.append((s.trimmingWhitespace, loc(a.valueLocation)))
                }
            } else {
                failed = true
            }
        }
        for node in e.children {
            switch node {
            case .text(let t) where !t.text.trimmingWhitespace.isEmpty:
                error("template.text", "text directly inside <image>", at: loc(t.location),
                      suggestion: "give the alt text as alt=\"…\" or <alt><t id=\"…\">…</t></alt>")
                failed = true
            case .element(let child) where inNamespace(child) && child.name == "alt":
                checkAttributes(child, allowed: [], directives: false)
                if alternativeText != nil {
                    error("template.image-alt", "<image> has its alt text twice", at: loc(child.location),
                          suggestion: "keep either alt=\"…\" or one <alt>…</alt>")
                    failed = true
                }
                alternativeText = .content(inlines(child.children))
            case .element(let other):
                unknownElement(other, expected: ["alt"])
                failed = true
            default: break
            }
        }
        if alternativeText == nil {
            error("template.image-alt", "<image> needs alt text, read out by screen readers", at: location,
                  suggestion: "describe the picture: alt=\"Logo of the agency\" or <alt><t id=\"…\">…</t></alt>; alt=\"\" marks a decoration")
            failed = true
        }

        guard let src = e.attribute("src") else {
            error("template.image-src", "<image> needs src, a file in the template folder or an expression", at: location,
                  suggestion: "for example src=\"assets/logo.png\" or src=\"{agency.logo}\"")
            return nil
        }
        guard let reference = interpolation(src) else { return nil }
        let source: ImageNode.Source
        if reference.isLiteral {
            let name = src.value
            if let loaded = images[name] {
                source = .file(loaded)
            } else {
                do {
                    let loaded = try ImageFile.load(name, folder: folder, limits: imageLimits)
                    images[name] = loaded
                    source = .file(loaded)
                } catch {
                    self.error("template.image", "image '\(name.prefix(60))': \(error.message)", at: loc(src.valueLocation),
                               suggestion: Parser.imageSuggestion(error))
                    return nil
                }
            }
        } else {
            source = .reference(Located(value: reference, location: loc(src.valueLocation)))
        }
        guard !failed, let alternativeText else { return nil }
        return ImageNode(source: source, width: width, height: height, alternativeText: alternativeText, location: location)
    }

    /// The problem's own hint, and the flag that raises the limit when the image is too large.
    static func imageSuggestion(_ problem: ImageData.Problem) -> String? {
        if problem.message.contains("bytes; the limit is") || problem.message.contains("larger than") {
            return "use a smaller image, or raise Limits.maxImageSize"
        }
        return problem.suggestion
    }

    mutating func message(_ e: XMLElement) -> MessageSource? {
        let location = loc(e.location)
        guard let id = e["id"], !id.isEmpty else {
            error("message.id", "<t> needs an id", at: location, suggestion: "for example <t id=\"consent.title\">…</t>")
            return nil
        }
        if !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == "_" }) {
            error("message.id", "message id '\(id)' may only contain letters, digits, '.', '-' and '_'", at: loc(e.attribute("id")!.location))
        }
        // `<b>`, `<i>`, `<u>` and `<a>` inside become FormatJS tags in the message; an `<a>`'s
        // href stays here, so a translation can move the link but not change it.
        let linkCount = countLinks(e)
        var links: [MessageLink] = []
        var raw = ""
        guard messageText(e.children, into: &raw, links: &links, numbered: linkCount > 1) else { return nil }
        let source = raw.collapsingWhitespace.trimmingWhitespace
        if source.isEmpty { error("message.empty", "message '\(id)' has no English source text", at: location) }
        var arguments: [(name: String, expression: Expression)] = []
        for a in e.attributes where a.namespace == nil && !["id", "note", "if", "each"].contains(a.name) {
            if let expr = expression(a.value, at: a.valueLocation) { arguments.append((a.name, expr)) }
        }
        // The English source must be a valid message whose arguments are all bound.
        let textStart: XMLLocation = e.children.first.flatMap { if case .text(let t) = $0 { t.location } else { nil } } ?? e.location
        do {
            let format = try MessageFormat(source)
            let used = format.arguments.map(\.name)
            for name in used where !arguments.contains(where: { $0.name == name }) {
                error("message.unbound-argument", "message '\(id)' uses the argument {\(name)} but <t> does not bind it", at: location,
                      suggestion: "add \(name)=\"data.path\" to the <t> element")
            }
            for (name, _) in arguments where !used.contains(name) {
                let hint = closestMatch(to: name, in: used).map { "did you mean '\($0)'?" } ?? "remove it, or use {\(name)} in the text"
                error("message.unused-argument", "<t id=\"\(id)\"> binds '\(name)' but the message does not use {\(name)}",
                      at: loc(e.attribute(name)!.location), suggestion: hint)
            }
        } catch {
            self.error("message.syntax", "message '\(id)': \(error.message)", at: loc(textStart), suggestion: nil)
        }
        let message = MessageSource(id: id, source: source, note: e["note"], arguments: arguments, location: location, links: links)
        if let earlier = messages.first(where: { $0.id == id }), earlier.source != source {
            error("message.duplicate-id", "message id '\(id)' is used with two different texts (first at line \(earlier.location.line))", at: location,
                  suggestion: "give each text its own id")
        }
        messages.append(message)
        return message
    }
}

// MARK: - rich messages and links

extension Parser {
    /// Tags that may stand inside `<t>`.
    static let messageMarkup = ["b", "i", "u", "a"]

    func countLinks(_ e: XMLElement) -> Int {
        e.elements.reduce(0) { $0 + ($1.name == "a" && inNamespace($1) ? 1 : 0) + countLinks($1) }
    }

    /// The message source of a `<t>`'s content: its text, with `<b>` … as tags. Text that
    /// would read as a tag (`&lt;b>`) is quoted, so it stays text.
    mutating func messageText(_ nodes: [XMLNode], into raw: inout String, links: inout [MessageLink], numbered: Bool, insideLink: Bool = false) -> Bool {
        var ok = true
        for node in nodes {
            switch node {
            case .text(let t):
                raw += Self.quotingTags(t.text)
            case .element(let child):
                guard inNamespace(child), Self.messageMarkup.contains(child.name) else {
                    error("message.markup", "<\(child.name)> is not allowed inside <t>; a message may hold <b>, <i>, <u> and <a href>", at: loc(child.location),
                          suggestion: "put other elements outside the message: <p><t id=\"…\">…</t> <checkbox …/></p>")
                    ok = false
                    continue
                }
                var tag = child.name
                if child.name == "a" {
                    checkAttributes(child, allowed: ["href"], directives: false)
                    if insideLink {
                        error("template.link-in-link", "<a> cannot be inside another <a>", at: loc(child.location))
                        ok = false
                        continue
                    }
                    guard let href = linkTarget(child) else { ok = false; continue }
                    tag = numbered ? "a\(links.count + 1)" : "a"
                    links.append(MessageLink(tag: tag, href: href))
                } else {
                    checkAttributes(child, allowed: [], directives: false)
                }
                raw += "<\(tag)>"
                ok = messageText(child.children, into: &raw, links: &links, numbered: numbered, insideLink: insideLink || child.name == "a") && ok
                raw += "</\(tag)>"
            }
        }
        return ok
    }

    /// `<` before a letter or `/` in template text is quoted (`'<'`), so the message reads
    /// it as text and not as a tag.
    static func quotingTags(_ text: String) -> String {
        guard text.contains("<") else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "<", i + 1 < scalars.count, scalars[i + 1] == "/" || (scalars[i + 1].isASCII && scalars[i + 1].properties.isAlphabetic) {
                out += "'<'"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `href` of an `<a>`: a literal checked now, or an interpolation checked when rendered.
    mutating func linkTarget(_ e: XMLElement) -> Located<Interpolation>? {
        guard let a = e.attribute("href"), !a.value.isEmpty else {
            error("template.link-href", "<a> needs href=\"…\"", at: loc(e.location),
                  suggestion: "for example href=\"https://example.org\", href=\"mailto:{agency.email}\" or href=\"tel:{agency.phone}\"")
            return nil
        }
        guard let interpolation = interpolation(a) else { return nil }
        if interpolation.isLiteral {
            let url = interpolation.segments.map { if case .literal(let s) = $0 { s } else { "" } }.joined()
            guard LinkTarget(url) != nil else {
                error("template.link-target", "'\(url)' is not a link a document may hold", at: loc(a.valueLocation),
                      suggestion: Self.linkSuggestion)
                return nil
            }
        }
        return Located(value: interpolation, location: loc(a.valueLocation))
    }

    static var linkSuggestion: String { TemplateParser.linkSuggestion }
}

extension TemplateParser {
    /// What a refused link target is told, at compile and render time alike.
    static let linkSuggestion = "links must start with \(LinkTarget.schemes.map { $0 == "https:" ? "https://" : $0 }.joined(separator: ", ")) and hold no spaces, quotes or angle brackets"
}

// MARK: - legal articles

extension Parser {
    static let legalNames = ["article", "title", "clause", "points", "point"]

    /// `<articles>`: only `<article>` children.
    mutating func articles(_ e: XMLElement) -> [Directed<ArticleNode>] {
        checkAttributes(e, allowed: [])
        var result: [Directed<ArticleNode>] = []
        for child in e.children {
            switch child {
            case .text(let t) where !t.text.trimmingWhitespace.isEmpty:
                error("template.text", "text directly inside <articles>", at: loc(t.location),
                      suggestion: "put it in <article><clause>…</clause></article>, or in a <p> before or after <articles>")
            case .element(let a) where inNamespace(a) && a.name == "article":
                result.append(article(a))
            case .element(let other):
                unknownElement(other, expected: ["article"])
            default: break
            }
        }
        return result
    }

    /// `<article>`: an optional `<title>`, then `<clause>`s or plain content (one unnumbered clause).
    mutating func article(_ e: XMLElement) -> Directed<ArticleNode> {
        checkAttributes(e, allowed: ["ref"])
        let d = directives(e)
        let ref = declareReference(e, repeated: d.loop != nil)
        var title: [Directed<InlineNode>]?
        var clauses: [Directed<ClauseNode>] = []
        var plain: [XMLNode] = []
        var firstPlain: NodeLocation?
        for child in e.children {
            if case .element(let c) = child, inNamespace(c), c.name == "title" {
                checkAttributes(c, allowed: [], directives: false)
                if title != nil { error("template.article-title", "<article> has more than one <title>", at: loc(c.location)) }
                title = inlines(c.children)
            } else if case .element(let c) = child, inNamespace(c), c.name == "clause" {
                let clauseDirectives = directives(c)
                checkAttributes(c, allowed: ["ref"])
                let clauseRef = declareReference(c, repeated: clauseDirectives.loop != nil)
                clauses.append(Directed(node: ClauseNode(ref: clauseRef, content: clauseContent(c.children)),
                                        directives: clauseDirectives, location: loc(c.location)))
            } else {
                if firstPlain == nil {
                    switch child {
                    case .text(let t) where !t.text.trimmingWhitespace.isEmpty: firstPlain = loc(t.location)
                    case .element(let c): firstPlain = loc(c.location)
                    default: break
                    }
                }
                plain.append(child)
            }
        }
        if let firstPlain, !clauses.isEmpty {
            error("template.article-content", "an <article> holds either <clause>s or plain text, not both", at: firstPlain,
                  suggestion: "put this text in its own <clause>…</clause>")
        } else if firstPlain != nil {
            clauses = [Directed(node: ClauseNode(ref: nil, content: clauseContent(plain)), directives: .none, location: loc(e.location))]
        }
        return Directed(node: ArticleNode(ref: ref, title: title, clauses: clauses), directives: d, location: loc(e.location))
    }

    /// Content of `<clause>` and `<point>`: text, then `<points>`, then text continuing after them.
    mutating func clauseContent(_ nodes: [XMLNode]) -> [ClausePart] {
        splitRuns(nodes, inline: ClausePart.inline, claims: { parser, child in
            guard parser.inNamespace(child) else { return false }
            if child.name == "points" { return true }
            if child.name == "image", child.attribute("align") == nil { return false }
            return Parser.blockNames.contains(child.name) || Parser.legalNames.contains(child.name)
        }, special: { parser, child in
            if child.name == "points" {
                parser.checkAttributes(child, allowed: [])
                let d = parser.directives(child)
                var items: [Directed<ClauseNode>] = []
                for item in child.children {
                    switch item {
                    case .text(let t) where !t.text.trimmingWhitespace.isEmpty:
                        parser.error("template.text", "text directly inside <points>", at: parser.loc(t.location), suggestion: "put it in <point>…</point>")
                    case .element(let p) where parser.inNamespace(p) && p.name == "point":
                        parser.checkAttributes(p, allowed: [])
                        items.append(Directed(node: ClauseNode(ref: nil, content: parser.clauseContent(p.children)),
                                              directives: parser.directives(p), location: parser.loc(p.location)))
                    case .element(let other):
                        parser.unknownElement(other, expected: ["point"])
                    default: break
                    }
                }
                return .points(Directed(node: items, directives: d, location: parser.loc(child.location)))
            }
            if !parser.misplacedLegalElement(child) {
                parser.error("template.block-in-clause", "<\(child.name)> cannot be inside a clause or point", at: parser.loc(child.location),
                             suggestion: "clauses and points hold text and <points>; put blocks before or after <articles>")
            }
            return nil
        })
    }

    /// Reports an article element found where it has no meaning; true when `e` was one.
    mutating func misplacedLegalElement(_ e: XMLElement) -> Bool {
        guard inNamespace(e) else { return false }
        let location = loc(e.location)
        switch e.name {
        case "article":
            error("template.article-outside-articles", "<article> must be inside <articles>", at: location,
                  suggestion: "wrap the articles in <articles>…</articles>, which numbers them")
        case "clause":
            error("template.clause-outside-article", "<clause> must be inside an <article>", at: location,
                  suggestion: "wrap it in <articles><article>…</article></articles>")
        case "points":
            error("template.points-outside-clause", "<points> must be inside a <clause> or <point>", at: location,
                  suggestion: "for a list outside articles use <ol> or <ul>")
        case "point":
            error("template.point-outside-points", "<point> must be inside <points>", at: location,
                  suggestion: "wrap the points in <points>…</points>")
        case "title":
            error("template.title-outside-article", "<title> belongs in <article> or <meta>", at: location,
                  suggestion: "for a heading use <h1>, <h2> or <h3>")
        default:
            return false
        }
        return true
    }

    /// Records `ref="NAME"` of an article or clause; duplicates and loops are errors.
    mutating func declareReference(_ e: XMLElement, repeated: Bool) -> Located<String>? {
        guard let a = e.attribute("ref") else { return nil }
        let name = a.value
        let location = loc(a.valueLocation)
        guard let first = name.first, first.isLetter,
              name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            error("template.ref-name", "'\(name)' is not a ref name", at: location,
                  suggestion: "start with a letter; use letters, digits, '-' and '_' (for example ref=\"data-protection\")")
            return nil
        }
        if repeated {
            error("template.ref-in-loop", "ref=\"\(name)\" is on an <\(e.name)> repeated by each, so it would name several", at: location,
                  suggestion: "put the ref on an element that is not repeated, or remove it")
            return nil
        }
        if let earlier = referenceDeclarations.first(where: { $0.name == name }) {
            error("template.duplicate-ref", "ref=\"\(name)\" is already used at line \(earlier.location.line)", at: location,
                  suggestion: "give each article and clause its own ref name")
            return nil
        }
        referenceDeclarations.append((name, location))
        return Located(value: name, location: location)
    }

    mutating func noteReferences(in expression: Expression, at location: NodeLocation) {
        for name in expression.referenceNames { referenceUses.append((name, location)) }
    }

    mutating func noteReferences(in interpolation: Interpolation, at location: NodeLocation) {
        for case .expression(let e, _) in interpolation.segments { noteReferences(in: e, at: location) }
    }

    /// Every citation must name a declared ref; run once the whole template is read.
    mutating func checkReferences() {
        let declared = referenceDeclarations.map(\.name)
        for use in referenceUses where !declared.contains(use.name) {
            let hint = closestMatch(to: use.name, in: declared).map { "did you mean '\($0)'?" }
                ?? (declared.isEmpty
                    ? "declare it on an article: <article ref=\"\(use.name)\">"
                    : "refs in this template: " + declared.joined(separator: ", "))
            error("template.unknown-ref", "no article or clause has ref=\"\(use.name)\"", at: use.location, suggestion: hint)
        }
    }
}
