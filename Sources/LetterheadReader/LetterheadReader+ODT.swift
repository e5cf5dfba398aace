import DocumentModel
import Foundation
import XMLSupport

/// Reads an OpenDocument text package (LibreOffice Writer) into a ``Letterhead``: the master
/// page of the first paragraph (else "Standard"), its page layout, header and footer, the
/// first page's own (`style:header-first`, or a master page such as "First Page" with
/// `style:next-style-name`), and the default paragraph style's font.
struct ODTLetterheadReader {
    let package: LetterheadPackage
    var warnings: [LetterheadWarning] = []

    private struct ODFStyle {
        var parent: String?
        var paragraph: XMLElement?
        var text: XMLElement?
        var column: XMLElement?
        var cell: XMLElement?
        var table: XMLElement?
        var masterPage: String?
    }

    /// Styles by family and name; automatic styles of styles.xml (used by headers and
    /// footers) over common styles.
    private var styles: [String: ODFStyle] = [:]
    /// Automatic styles of content.xml (the body's), which may name a master page.
    private var contentStyles: [String: ODFStyle] = [:]
    private var defaultParagraph = ODFStyle()
    private var fontFaces: [String: String] = [:]
    private var pageLayouts: [String: XMLElement] = [:]

    init(package: LetterheadPackage) { self.package = package }

    mutating func warn(_ place: String, _ message: String) {
        warnings.append(LetterheadWarning(file: package.file, place: place, message: message))
    }

    private static func key(_ family: String, _ name: String) -> String { family + ":" + name }

    private static func collect(_ container: XMLElement?, into map: inout [String: ODFStyle], layouts pageLayouts: inout [String: XMLElement]) {
        for s in container?.elements ?? [] {
            if s.name == "page-layout", let name = s.value("name") { pageLayouts[name] = s; continue }
            guard s.name == "style", let name = s.value("name"), let family = s.value("family") else { continue }
            map[key(family, name)] = ODFStyle(
                parent: s.value("parent-style-name"), paragraph: s.child("paragraph-properties"), text: s.child("text-properties"),
                column: s.child("table-column-properties"), cell: s.child("table-cell-properties"), table: s.child("table-properties"),
                masterPage: s.value("master-page-name"))
        }
    }

    private mutating func collectFonts(_ root: XMLElement?) {
        for face in root?.child("font-face-decls")?.elements ?? [] where face.name == "font-face" {
            guard let name = face.value("name") else { continue }
            fontFaces[name] = Self.unquoted(face.value("font-family") ?? name)
        }
    }

    private static func unquoted(_ family: String) -> String {
        let first = family.split(separator: ",").first.map(String.init) ?? family
        return first.trimmingCharacters(in: CharacterSet(charactersIn: "'\" "))
    }

    mutating func read() throws(LetterheadError) -> Letterhead {
        let stylesRoot = try package.xml("styles.xml", neededBy: "the part with the page styles, header and footer")
        let contentRoot = try package.xml("content.xml", neededBy: "the document text")
        collectFonts(contentRoot)
        collectFonts(stylesRoot)
        var common: [String: ODFStyle] = [:]
        Self.collect(stylesRoot.child("styles"), into: &common, layouts: &pageLayouts)
        if let d = stylesRoot.child("styles")?.elements.first(where: { $0.name == "default-style" && $0.value("family") == "paragraph" }) {
            defaultParagraph = ODFStyle(paragraph: d.child("paragraph-properties"), text: d.child("text-properties"))
        }
        styles = common
        Self.collect(stylesRoot.child("automatic-styles"), into: &styles, layouts: &pageLayouts)
        contentStyles = common
        var ignored: [String: XMLElement] = [:]
        Self.collect(contentRoot.child("automatic-styles"), into: &contentStyles, layouts: &ignored)

        var masters: [String: XMLElement] = [:]
        var masterOrder: [String] = []
        for m in stylesRoot.child("master-styles")?.elements ?? [] where m.name == "master-page" {
            guard let name = m.value("name") else { continue }
            masters[name] = m
            masterOrder.append(name)
        }
        let chosenName = firstMasterPage(contentRoot).flatMap { masters[$0] != nil ? $0 : nil }
            ?? (masters["Standard"] != nil ? "Standard" : masterOrder.first)
        guard let chosenName, let first = masters[chosenName] else {
            throw LetterheadError(file: package.file, place: "styles.xml", message: "the document has no page style (style:master-page)",
                                  suggestion: "open the letterhead in Writer and save it again as ODF Text Document (.odt)")
        }
        var running = first, runningName = chosenName
        if let next = first.value("next-style-name"), next != chosenName, let m = masters[next] {
            running = m
            runningName = next
        }
        let layout = first.value("page-layout-name").flatMap { pageLayouts[$0] }
        if runningName != chosenName, running.value("page-layout-name") != first.value("page-layout-name") {
            warn("styles.xml", "the page styles \(chosenName) (first page) and \(runningName) (the pages after it) have different page layouts; the first one's is used")
        }
        for band in ["header-style", "footer-style"] where Self.hasBorder(layout?.child(band)?.child("header-footer-properties")) {
            warn("styles.xml", "the border line of the \(band == "header-style" ? "header" : "footer") (page style \(chosenName)) is not carried over")
        }
        let page = pageSetup(layout, header: Self.shown(first.child("header")) != nil || Self.shown(first.child("header-first")) != nil,
                             footer: Self.shown(first.child("footer")) != nil || Self.shown(first.child("footer-first")) != nil)

        func band(_ e: XMLElement?, _ label: String, _ band: LetterheadContent.Band, _ master: String) throws(LetterheadError) -> [Block]? {
            guard let e else { return nil }
            guard let shown = Self.shown(e) else { return [] }
            var place = PartPlace(path: "styles.xml", label: "\(label) of page style \(master)", band: band)
            return LetterheadContent.trimmed(try blocks(shown.elements, &place))
        }
        let header = try band(running.child("header"), "header", .header, runningName) ?? []
        let footer = try band(running.child("footer"), "footer", .footer, runningName) ?? []
        var firstHeader: [Block]?, firstFooter: [Block]?
        if runningName != chosenName {
            firstHeader = try band(first.child("header-first") ?? first.child("header"), "header", .header, chosenName) ?? []
            firstFooter = try band(first.child("footer-first") ?? first.child("footer"), "footer", .footer, chosenName) ?? []
        } else if first.child("header-first") != nil || first.child("footer-first") != nil {
            firstHeader = try band(first.child("header-first"), "first-page header", .header, chosenName) ?? header
            firstFooter = try band(first.child("footer-first"), "first-page footer", .footer, chosenName) ?? footer
        }
        for (name, master) in [(runningName, running)] {
            let even = (try band(master.child("header-left"), "even-page header", .header, name) ?? [])
                + (try band(master.child("footer-left"), "even-page footer", .footer, name) ?? [])
            if !even.isEmpty {
                warn("styles.xml", "the even-page header and footer of page style \(name) are not carried over: every page after the first uses the default ones")
            }
        }
        let base = paragraphRun(of: "Standard")
        return Letterhead(
            page: page, header: header, footer: footer, firstPageHeader: firstHeader, firstPageFooter: firstFooter,
            fontFamily: base.font, fontSize: base.size, textColor: base.colour)
    }

    /// The header or footer element if it is shown (`style:display` is not false).
    private static func shown(_ e: XMLElement?) -> XMLElement? {
        guard let e, e.value("display") != "false" else { return nil }
        return e
    }

    /// The master page named by the style of the body's first paragraph or table.
    private func firstMasterPage(_ content: XMLElement) -> String? {
        guard let text = content.child("body")?.child("text") else { return nil }
        for e in text.elements {
            let family: String
            switch e.name {
            case "p", "h": family = "paragraph"
            case "table": family = "table"
            case "list", "section": return nil
            default: continue
            }
            var name = e.value("style-name"), depth = 0
            while let current = name, depth < 32 {
                if let master = contentStyles[Self.key(family, current)]?.masterPage, !master.isEmpty { return master }
                name = contentStyles[Self.key(family, current)]?.parent
                depth += 1
            }
            return nil
        }
        return nil
    }

    // MARK: page

    private static func length(_ text: String?) -> Length? { text.flatMap { Length(parsing: $0.trimmingCharacters(in: .whitespaces)) } }

    private func pageSetup(_ layout: XMLElement?, header: Bool, footer: Bool) -> PageSetup {
        let p = layout?.child("page-layout-properties")
        let all = Self.length(p?.value("margin"))
        func margin(_ side: String) -> Length { Self.length(p?.value("margin-\(side)")) ?? all ?? .mm(20) }
        // The model's margin is where the body text starts (as in DOCX); ODF's is where the
        // header starts, and the header's minimum height (spacing included) comes after it.
        func band(_ name: String) -> Length {
            let props = layout?.child(name)?.child("header-footer-properties")
            return Self.length(props?.value("min-height")) ?? Self.length(props?.value("height")) ?? .mm(0)
        }
        var margins = Margins(top: margin("top"), bottom: margin("bottom"), left: margin("left"), right: margin("right"))
        if header { margins.top = margins.top + band("header-style") }
        if footer { margins.bottom = margins.bottom + band("footer-style") }
        return LetterheadContent.page(width: Self.length(p?.value("page-width")) ?? .mm(210), height: Self.length(p?.value("page-height")) ?? .mm(297), margins: margins)
    }

    // MARK: styles

    /// `text` applied over `base`: weight, style, underline, size (points or a percentage of
    /// the size below), font and colour.
    private func applying(_ text: XMLElement?, over base: RunProperties) -> RunProperties {
        guard let text else { return base }
        var run = base
        if let weight = text.value("font-weight") { run.bold = weight == "bold" || (Int(weight) ?? 400) >= 600 }
        if let style = text.value("font-style") { run.italic = style == "italic" || style == "oblique" }
        if let underline = text.value("text-underline-style") { run.underline = underline != "none" }
        if let size = text.value("font-size") {
            if size.hasSuffix("%"), let percent = Double(size.dropLast()) {
                run.size = (base.size ?? 12) * percent / 100
            } else if size.hasSuffix("pt"), let points = Double(size.dropLast(2)) {
                run.size = points
            } else if let length = Length(parsing: size) {
                run.size = (Double(length.hundredthsOfMillimetre) * 72 / 254).rounded() / 10
            }
        }
        if let name = text.value("font-name") { run.font = fontFaces[name] ?? name } else if let family = text.value("font-family") { run.font = Self.unquoted(family) }
        if let colour = text.value("color") { run.colour = LetterheadContent.colour(colour) }
        return run
    }

    /// A style and its parents, the most basic first.
    private func chain(_ family: String, _ name: String?) -> [ODFStyle] {
        var result: [ODFStyle] = []
        var current = name, seen: Set<String> = []
        while let n = current, let style = styles[Self.key(family, n)], seen.insert(n).inserted, result.count < 32 {
            result.insert(style, at: 0)
            current = style.parent
        }
        return result
    }

    private func paragraphRun(of style: String?) -> RunProperties {
        chain("paragraph", style).reduce(applying(defaultParagraph.text, over: RunProperties())) { applying($1.text, over: $0) }
    }

    private static func alignment(_ value: String?) -> Alignment? {
        switch value {
        case "start", "left": .start
        case "center": .center
        case "end", "right": .end
        case "justify": .justify
        default: nil
        }
    }

    /// Whether ODF properties draw a border (`fo:border`, `fo:border-bottom`, … not `none`).
    private static func hasBorder(_ properties: XMLElement?) -> Bool {
        guard let properties else { return false }
        return ["border", "border-top", "border-bottom", "border-left", "border-right"].contains { side in
            guard let value = properties.value(side) else { return false }
            return value != "none" && !value.hasPrefix("0pt") && !value.hasPrefix("0cm") && !value.hasPrefix("0in")
        }
    }

    // MARK: blocks

    private mutating func blocks(_ elements: [XMLElement], _ place: inout PartPlace) throws(LetterheadError) -> [Block] {
        var result: [Block] = []
        var listWarned = false
        for e in elements {
            switch e.name {
            case "p", "h": result.append(try paragraph(e, &place))
            case "table": result.append(try table(e, &place))
            case "section": result += try blocks(e.elements, &place)
            case "list":
                if !listWarned {
                    listWarned = true
                    warn(place.description, "a list's bullets or numbers are not carried over; its items are kept as paragraphs")
                }
                for item in e.elements where item.name == "list-item" || item.name == "list-header" { result += try blocks(item.elements, &place) }
            default: continue
            }
        }
        return result
    }

    /// A paragraph's content while it is read; ODF collapses runs of white space across spans.
    private struct ParagraphState {
        var inlines: [Inline] = []
        var sizes: [Double] = []
        var afterSpace = true
    }

    private mutating func paragraph(_ p: XMLElement, _ place: inout PartPlace) throws(LetterheadError) -> Block {
        place.paragraph += 1
        let styleName = p.value("style-name")
        let styleChain = chain("paragraph", styleName)
        let base = paragraphRun(of: styleName)
        let alignment = styleChain.reversed().lazy.compactMap { Self.alignment($0.paragraph?.value("text-align")) }.first
            ?? Self.alignment(defaultParagraph.paragraph?.value("text-align")) ?? .start
        if styleChain.contains(where: { Self.hasBorder($0.paragraph) }) {
            warn(place.description, "the paragraph's border line is not carried over (draw the line as part of a picture, or leave it out)")
        }
        var state = ParagraphState()
        try inlines(p.children, base, &state, &place)
        if case .text(let last, let marks)? = state.inlines.last, last.hasSuffix(" ") {
            state.inlines[state.inlines.count - 1] = .text(String(last.dropLast()), marks: marks)
        }
        let content = LetterheadContent.merged(state.inlines)
        return .paragraph(Paragraph(content, style: LetterheadContent.style(forSize: state.sizes.max() ?? base.size, in: place.band), alignment: alignment))
    }

    private mutating func inlines(_ nodes: [XMLNode], _ run: RunProperties, _ state: inout ParagraphState, _ place: inout PartPlace) throws(LetterheadError) {
        for node in nodes {
            switch node {
            case .text(let t):
                var out = ""
                for c in t.text {
                    if c == " " || c == "\t" || c == "\n" || c == "\r" {
                        if !state.afterSpace { out.append(" ") }
                        state.afterSpace = true
                    } else {
                        out.append(c)
                        state.afterSpace = false
                    }
                }
                if !out.isEmpty {
                    if out.contains(where: { $0 != " " }), let size = run.size { state.sizes.append(size) }
                    state.inlines.append(.text(out, marks: run.marks))
                }
            case .element(let e):
                try inline(e, run, &state, &place)
            }
        }
    }

    private mutating func inline(_ e: XMLElement, _ run: RunProperties, _ state: inout ParagraphState, _ place: inout PartPlace) throws(LetterheadError) {
        switch e.name {
        case "s":
            let count = min(max(e.value("c").flatMap(Int.init) ?? 1, 1), 1000)
            state.inlines.append(.text(String(repeating: " ", count: count), marks: run.marks))
            state.afterSpace = true
        case "tab":
            state.inlines.append(.tab)
            state.afterSpace = true
        case "line-break":
            state.inlines.append(.lineBreak)
            state.afterSpace = true
        case "span":
            let spanRun = chain("text", e.value("style-name")).reduce(run) { applying($1.text, over: $0) }
            try inlines(e.children, spanRun, &state, &place)
        case "a":
            let start = state.inlines.count
            try inlines(e.children, run, &state, &place)
            if let href = e.value("href"), let target = LinkTarget(href), state.inlines.count > start {
                let content = Array(state.inlines[start...])
                state.inlines.removeSubrange(start...)
                state.inlines.append(.link(Link(target, content: content)))
            }
        case "page-number":
            state.inlines.append(.field(.pageNumber))
            state.afterSpace = false
        case "page-count":
            state.inlines.append(.field(.pageCount))
            state.afterSpace = false
        case "bookmark", "bookmark-start", "bookmark-end", "reference-mark", "reference-mark-start", "reference-mark-end",
             "soft-page-break", "annotation", "annotation-end", "change", "change-start", "change-end", "alphabetical-index-mark",
             "toc-mark", "user-index-mark", "meta-field", "meta":
            if e.name == "meta" || e.name == "meta-field" { try inlines(e.children, run, &state, &place) }
        case "note":
            warn(place.description, "a footnote in the \(place.label) is not carried over")
        case "frame":
            if let image = try frame(e, place) {
                state.inlines.append(.image(image))
                state.afterSpace = false
            }
        case "custom-shape", "rect", "line", "ellipse", "circle", "g", "polygon", "polyline", "path", "connector", "measure", "control", "caption", "regular-polygon":
            warn(place.description, "a drawing shape (\(e.qualifiedName)) is not carried over: use a picture (PNG or JPEG) or text")
        default:
            // Any other field (date, title, file name, sender…): the text it shows.
            let shown = e.textContent
            if e.namespace?.hasSuffix(":text:1.0") == true {
                warn(place.description, "the field \(e.qualifiedName) is not carried over; the text it showed (\"\(shown.prefix(40))\") is kept")
            }
            if !shown.isEmpty {
                state.inlines.append(.text(shown, marks: run.marks))
                state.afterSpace = false
            }
        }
    }

    /// A picture frame: its PNG or JPEG (LibreOffice may store an SVG with a PNG after it);
    /// a text box or embedded object is reported.
    private mutating func frame(_ e: XMLElement, _ place: PartPlace) throws(LetterheadError) -> Image? {
        let name = e.value("name") ?? "frame"
        let images = e.elements.filter { $0.name == "image" }
        guard !images.isEmpty else {
            let what = e.child("text-box") != nil ? "text box" : e.child("object") != nil || e.child("object-ole") != nil ? "embedded object" : "frame"
            warn(place.description, "the \(what) '\(name)' is not carried over: put its text in a paragraph or table of the \(place.label)")
            return nil
        }
        var data: ImageData?
        for (index, image) in images.enumerated() {
            let last = index == images.count - 1
            if let binary = image.child("binary-data") {
                let bytes = Array(Data(base64Encoded: binary.textContent, options: .ignoreUnknownCharacters) ?? Data())
                if let checked = try? ImageData(checking: bytes, limits: package.limits.image) { data = checked; break }
                if last {
                    throw LetterheadError(file: package.file, place: place.description, message: "the picture '\(name)' is not a PNG or JPEG image",
                                          suggestion: "insert the logo again as a PNG or JPEG picture")
                }
                continue
            }
            guard var href = image.value("href") else { continue }
            if href.hasPrefix("./") { href.removeFirst(2) }
            if href.contains("://") || href.hasPrefix("/") || href.hasPrefix("..") || !package.contains(href) && !last {
                if last {
                    warn(place.description, "the picture '\(name)' is linked (\(href.prefix(60))), not embedded, and is left out: insert it into the document")
                    return nil
                }
                continue
            }
            if !last, let bytes = package.bytes(href), let checked = try? ImageData(checking: bytes, limits: package.limits.image) { data = checked; break }
            if last { data = try package.image(href, for: place.description) }
        }
        guard let data else { return nil }
        switch e.value("anchor-type") ?? "paragraph" {
        case "as-char": break
        default: warn(place.description, "the floating picture '\(name)' is placed in line with the text at its anchor")
        }
        let alternative = e.child("desc")?.textContent ?? e.child("title")?.textContent ?? ""
        return Image(data, width: Self.length(e.value("width")), height: Self.length(e.value("height")), alternativeText: alternative)
    }

    // MARK: tables

    private mutating func table(_ t: XMLElement, _ place: inout PartPlace) throws(LetterheadError) -> Block {
        let tableProperties = chain("table", t.value("style-name")).last?.table
        let tableWidth = Self.length(tableProperties?.value("width")) ?? .mm(170)
        var widths: [Length?] = [], relative: [Double?] = []
        func columns(_ elements: [XMLElement]) {
            for c in elements {
                if c.name == "table-columns" || c.name == "table-header-columns" || c.name == "table-column-group" { columns(c.elements); continue }
                guard c.name == "table-column" else { continue }
                let repeated = min(max(c.value("number-columns-repeated").flatMap(Int.init) ?? 1, 1), 64)
                let props = chain("table-column", c.value("style-name")).last?.column
                let width = Self.length(props?.value("column-width"))
                let rel = props?.value("rel-width").flatMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "*"))) }
                for _ in 0..<repeated { widths.append(width); relative.append(rel) }
            }
        }
        columns(t.elements)
        var borders = false
        var padding: Length?
        var rows: [TableRow] = []
        func rowElements(_ elements: [XMLElement]) -> [XMLElement] {
            elements.flatMap { e -> [XMLElement] in
                switch e.name {
                case "table-row": [e]
                case "table-header-rows", "table-rows", "table-row-group": rowElements(e.elements)
                default: []
                }
            }
        }
        for row in rowElements(t.elements) {
            var cells: [TableCell] = []
            for cell in row.elements where cell.name == "table-cell" {
                let props = chain("table-cell", cell.value("style-name")).last?.cell
                if Self.hasBorder(props) { borders = true }
                if padding == nil { padding = Self.length(props?.value("padding") ?? props?.value("padding-left")) }
                let shading = LetterheadContent.colour(props?.value("background-color"))
                let vertical: VerticalAlignment? = switch props?.value("vertical-align") {
                case "middle": .center
                case "bottom": .bottom
                default: nil
                }
                let span = min(max(cell.value("number-columns-spanned").flatMap(Int.init) ?? 1, 1), 64)
                var content = try blocks(cell.elements, &place)
                if content.isEmpty { content = [.paragraph(Paragraph([], style: place.band == .header ? .header : .footer))] }
                cells.append(TableCell(content, shading: shading, columnSpan: span, verticalAlignment: vertical))
            }
            rows.append(TableRow(cells))
        }
        let count = max(widths.count, rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 1)
        var result: [Length]
        if widths.count == count, widths.allSatisfy({ $0 != nil }) {
            result = widths.map { $0! }
        } else if relative.count == count, relative.allSatisfy({ $0 != nil }) {
            let total = relative.reduce(0) { $0 + $1! }
            result = relative.map { Length(rounding: (Double(tableWidth.hundredthsOfMillimetre) * $0! / total).rounded(.towardZero)) }
        } else {
            result = Table.equalColumns(count, width: tableWidth)
        }
        return .table(Table(columns: result, rows: rows, borders: borders, cellPadding: padding ?? .mm(1)))
    }
}
