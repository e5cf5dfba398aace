import DocumentModel
import Foundation
import XMLSupport

/// Reads a WordprocessingML package (Word, LibreOffice) into a ``Letterhead``.
struct DOCXLetterheadReader {
    let package: LetterheadPackage
    var warnings: [LetterheadWarning] = []

    private struct WordStyle {
        var basedOn: String?
        var alignment: Alignment?
        var run = RunProperties()
        var tableBorders = false
    }

    private var styles: [String: WordStyle] = [:]
    private var documentDefaults = RunProperties()
    private var defaultParagraphStyle: String?
    private var themeFonts: (major: String?, minor: String?) = (nil, nil)
    /// The relationships of the part being read (hyperlinks, pictures).
    private var relationships: [String: LetterheadPackage.Relationship] = [:]

    init(package: LetterheadPackage) { self.package = package }

    mutating func warn(_ place: String, _ message: String) {
        warnings.append(LetterheadWarning(file: package.file, place: place, message: message))
    }

    mutating func read() throws(LetterheadError) -> Letterhead {
        let main = "word/document.xml"
        let document = try package.xml(main, neededBy: "the main document")
        let documentRelationships = try package.relationships(of: main)
        let themePath = documentRelationships.values.first { $0.type.hasSuffix("/theme") && !$0.external }?.target ?? "word/theme/theme1.xml"
        if let theme = try package.xmlIfPresent(themePath), let scheme = theme.descendants("fontScheme").first {
            themeFonts = (scheme.child("majorFont")?.child("latin")?.value("typeface"), scheme.child("minorFont")?.child("latin")?.value("typeface"))
        }
        let stylesPath = documentRelationships.values.first { $0.type.hasSuffix("/styles") && !$0.external }?.target ?? "word/styles.xml"
        if let root = try package.xmlIfPresent(stylesPath) { readStyles(root) }

        guard let body = document.child("body") else {
            throw LetterheadError(file: package.file, place: main, message: "the document has no body (w:body)", suggestion: "open the letterhead in Word and save it again")
        }
        var sections: [XMLElement] = []
        for child in body.elements {
            if child.name == "p", let section = child.child("pPr")?.child("sectPr") { sections.append(section) }
            if child.name == "sectPr" { sections.append(child) }
        }
        if sections.count > 1 {
            warn(main, "the letterhead has \(sections.count) sections; the page, header and footer of the last one are used")
        }
        // A section without a reference of a kind inherits it from the section before.
        var headers: [String: String] = [:], footers: [String: String] = [:]
        for section in sections {
            for reference in section.elements {
                guard let id = reference.value("id") else { continue }
                let kind = reference.value("type") ?? "default"
                if reference.name == "headerReference" { headers[kind] = id }
                if reference.name == "footerReference" { footers[kind] = id }
            }
        }
        let last = sections.last
        let page = pageSetup(last)
        let titlePage = last?.child("titlePg").map(Self.isOn) ?? false

        func band(_ id: String?, _ label: String, _ band: LetterheadContent.Band) throws(LetterheadError) -> [Block] {
            guard let id else { return [] }
            guard let relationship = documentRelationships[id], !relationship.external else {
                throw LetterheadError(file: package.file, place: main, message: "the \(label) refers to relationship \(id), which word/_rels/document.xml.rels does not have",
                                      suggestion: "open the letterhead in Word and save it again")
            }
            let root = try package.xml(relationship.target, neededBy: "the \(label)")
            relationships = try package.relationships(of: relationship.target)
            var place = PartPlace(path: relationship.target, label: label, band: band)
            return LetterheadContent.trimmed(try blocks(root.elements, &place))
        }
        let header = try band(headers["default"], "header", .header)
        let footer = try band(footers["default"], "footer", .footer)
        var firstHeader: [Block]?, firstFooter: [Block]?
        if titlePage {
            firstHeader = try band(headers["first"], "first-page header", .header)
            firstFooter = try band(footers["first"], "first-page footer", .footer)
        }
        if let settings = try package.xmlIfPresent("word/settings.xml"), settings.child("evenAndOddHeaders").map(Self.isOn) == true {
            let even = try band(headers["even"], "even-page header", .header) + band(footers["even"], "even-page footer", .footer)
            if !even.isEmpty {
                warn(main, "the even-page header and footer are not carried over: every page after the first uses the default (odd-page) ones")
            }
        }
        let base = paragraphRun(defaultParagraphStyle)
        return Letterhead(
            page: page, header: header, footer: footer, firstPageHeader: firstHeader, firstPageFooter: firstFooter,
            fontFamily: base.font, fontSize: base.size, textColor: base.colour)
    }

    // MARK: page

    private func pageSetup(_ section: XMLElement?) -> PageSetup {
        func twips(_ e: XMLElement?, _ name: String) -> Length? {
            guard let text = e?.value(name), let value = Double(text) else { return nil }
            return Length(rounding: abs(value) * 2540 / 1440)
        }
        let size = section?.child("pgSz"), margin = section?.child("pgMar")
        let inch = Length.mm(25.4)
        let margins = Margins(top: twips(margin, "top") ?? inch, bottom: twips(margin, "bottom") ?? inch,
                              left: twips(margin, "left") ?? inch, right: twips(margin, "right") ?? inch)
        return LetterheadContent.page(width: twips(size, "w") ?? .mm(215.9), height: twips(size, "h") ?? .mm(279.4), margins: margins)
    }

    // MARK: styles

    static func isOn(_ e: XMLElement) -> Bool {
        guard let value = e.value("val")?.lowercased() else { return true }
        return !(value == "0" || value == "false" || value == "off" || value == "none")
    }

    private func runProperties(_ rPr: XMLElement?) -> RunProperties {
        guard let rPr else { return RunProperties() }
        var run = RunProperties()
        if let b = rPr.child("b") { run.bold = Self.isOn(b) }
        if let i = rPr.child("i") { run.italic = Self.isOn(i) }
        if let u = rPr.child("u") { run.underline = Self.isOn(u) }
        if let sz = rPr.child("sz")?.value("val"), let halfPoints = Double(sz), halfPoints > 0 { run.size = halfPoints / 2 }
        if let fonts = rPr.child("rFonts") {
            if let ascii = fonts.value("ascii") ?? fonts.value("hAnsi") {
                run.font = ascii
            } else if let theme = fonts.value("asciiTheme") ?? fonts.value("hAnsiTheme") {
                run.font = theme.hasPrefix("major") ? themeFonts.major : themeFonts.minor
            }
        }
        if let colour = rPr.child("color")?.value("val") { run.colour = LetterheadContent.colour(colour) }
        return run
    }

    private static func alignment(_ jc: String?) -> Alignment? {
        switch jc?.lowercased() {
        case "left", "start": .start
        case "center": .center
        case "right", "end": .end
        case "both", "distribute", "justify", "lowkashida", "mediumkashida", "highkashida", "thaidistribute": .justify
        default: nil
        }
    }

    private mutating func readStyles(_ root: XMLElement) {
        if let defaults = root.child("docDefaults")?.child("rPrDefault")?.child("rPr") { documentDefaults = runProperties(defaults) }
        for style in root.elements where style.name == "style" {
            guard let id = style.value("styleId") else { continue }
            var entry = WordStyle()
            entry.basedOn = style.child("basedOn")?.value("val")
            entry.alignment = Self.alignment(style.child("pPr")?.child("jc")?.value("val"))
            entry.run = runProperties(style.child("rPr"))
            entry.tableBorders = style.child("tblPr")?.child("tblBorders").map(Self.hasBorder) ?? false
            styles[id] = entry
            if style.value("type") == "paragraph", style.value("default").map({ $0 == "1" || $0 == "true" }) == true { defaultParagraphStyle = id }
        }
        if defaultParagraphStyle == nil, styles["Normal"] != nil { defaultParagraphStyle = "Normal" }
    }

    /// A style and the styles it is based on, the most basic first.
    private func chain(_ id: String?) -> [WordStyle] {
        var result: [WordStyle] = []
        var current = id, seen: Set<String> = []
        while let name = current, let style = styles[name], seen.insert(name).inserted, result.count < 32 {
            result.insert(style, at: 0)
            current = style.basedOn
        }
        return result
    }

    /// The run properties a paragraph style gives its text, over the document defaults.
    private func paragraphRun(_ style: String?) -> RunProperties {
        chain(style).reduce(documentDefaults) { $0.overridden(by: $1.run) }
    }

    private func characterRun(_ style: String?) -> RunProperties {
        chain(style).reduce(RunProperties()) { $0.overridden(by: $1.run) }
    }

    static func hasBorder(_ borders: XMLElement) -> Bool {
        borders.elements.contains { b in
            let value = b.value("val")?.lowercased() ?? "nil"
            return value != "nil" && value != "none"
        }
    }

    // MARK: blocks

    private mutating func blocks(_ elements: [XMLElement], _ place: inout PartPlace) throws(LetterheadError) -> [Block] {
        var result: [Block] = []
        for e in elements {
            switch e.name {
            case "p": result.append(try paragraph(e, &place))
            case "tbl": result.append(try table(e, &place))
            case "sdt": result += try blocks(e.child("sdtContent")?.elements ?? [], &place)
            case "customXml", "ins", "moveTo": result += try blocks(e.elements, &place)
            case "AlternateContent":
                result += try blocks(e.child("Choice")?.elements ?? e.child("Fallback")?.elements ?? [], &place)
            case "altChunk":
                warn(place.description, "an embedded document (altChunk) is not carried over")
            default: continue
            }
        }
        return result
    }

    /// The text of one paragraph while it is read: fields open in it and where text goes.
    private struct ParagraphState {
        struct OpenField {
            var instruction = ""
            var showingResult = false
            var result: [Inline] = []
        }
        var inlines: [Inline] = []
        var fields: [OpenField] = []
        var sizes: [Double] = []

        mutating func emit(_ inline: Inline) {
            if fields.isEmpty {
                inlines.append(inline)
            } else if fields[fields.count - 1].showingResult {
                fields[fields.count - 1].result.append(inline)
            }
        }
    }

    private mutating func paragraph(_ p: XMLElement, _ place: inout PartPlace) throws(LetterheadError) -> Block {
        place.paragraph += 1
        let properties = p.child("pPr")
        let styleID = properties?.child("pStyle")?.value("val") ?? defaultParagraphStyle
        let base = paragraphRun(styleID)
        let alignment = Self.alignment(properties?.child("jc")?.value("val"))
            ?? chain(styleID).reversed().lazy.compactMap(\.alignment).first ?? .start
        if let borders = properties?.child("pBdr"), Self.hasBorder(borders) {
            warn(place.description, "the paragraph's border line is not carried over (draw the line as part of a picture, or leave it out)")
        }
        if properties?.child("framePr") != nil {
            warn(place.description, "a paragraph placed in a frame at a fixed position is put in line with the rest of the \(place.label)")
        }
        var state = ParagraphState()
        try runs(p.elements, base: base, &state, &place)
        while !state.fields.isEmpty { finishField(&state, place) }
        let content = LetterheadContent.merged(state.inlines)
        let style = LetterheadContent.style(forSize: state.sizes.max() ?? base.size, in: place.band)
        return .paragraph(Paragraph(content, style: style, alignment: alignment))
    }

    private mutating func runs(_ elements: [XMLElement], base: RunProperties, _ state: inout ParagraphState, _ place: inout PartPlace) throws(LetterheadError) {
        for e in elements {
            switch e.name {
            case "r":
                let properties = e.child("rPr")
                let run = base.overridden(by: characterRun(properties?.child("rStyle")?.value("val"))).overridden(by: runProperties(properties))
                for c in e.elements { try runChild(c, run, &state, &place) }
            case "hyperlink":
                let start = state.inlines.count, open = state.fields.isEmpty
                try runs(e.elements, base: base, &state, &place)
                if open, let id = e.value("id"), let relationship = relationships[id], relationship.external,
                   let target = LinkTarget(relationship.target), state.inlines.count > start {
                    let content = Array(state.inlines[start...])
                    state.inlines.removeSubrange(start...)
                    state.inlines.append(.link(Link(target, content: content)))
                }
            case "fldSimple":
                let instruction = e.value("instr") ?? ""
                state.fields.append(.init(instruction: instruction, showingResult: true))
                try runs(e.elements, base: base, &state, &place)
                finishField(&state, place)
            case "smartTag", "customXml", "ins", "moveTo", "dir", "bdo": try runs(e.elements, base: base, &state, &place)
            case "sdt": try runs(e.child("sdtContent")?.elements ?? [], base: base, &state, &place)
            case "AlternateContent": try runs(e.child("Choice")?.elements ?? e.child("Fallback")?.elements ?? [], base: base, &state, &place)
            case "oMath", "oMathPara": warn(place.description, "a formula is not carried over")
            default: continue
            }
        }
    }

    private mutating func runChild(_ c: XMLElement, _ run: RunProperties, _ state: inout ParagraphState, _ place: inout PartPlace) throws(LetterheadError) {
        switch c.name {
        case "t":
            let text = c.textContent
            if !text.isEmpty, state.fields.isEmpty || state.fields.last?.showingResult == true, let size = run.size { state.sizes.append(size) }
            state.emit(.text(text, marks: run.marks))
        case "tab", "ptab": state.emit(.tab)
        case "br":
            let kind = c.value("type") ?? "textWrapping"
            if kind == "textWrapping" { state.emit(.lineBreak) } else { warn(place.description, "a \(kind) break in the \(place.label) is left out") }
        case "cr": state.emit(.lineBreak)
        case "noBreakHyphen": state.emit(.text("\u{2011}", marks: run.marks))
        case "softHyphen": state.emit(.text("\u{00AD}", marks: run.marks))
        case "sym":
            if let code = c.value("char").flatMap({ UInt32($0, radix: 16) }), let scalar = Unicode.Scalar(code), !(0xE000...0xF8FF).contains(code) {
                state.emit(.text(String(Character(scalar)), marks: run.marks))
            } else {
                warn(place.description, "a symbol of the font \(c.value("font") ?? "?") is left out (use a Unicode character instead)")
            }
        case "fldChar":
            switch c.value("fldCharType") {
            case "begin": state.fields.append(.init())
            case "separate": if !state.fields.isEmpty { state.fields[state.fields.count - 1].showingResult = true }
            case "end": if !state.fields.isEmpty { finishField(&state, place) }
            default: break
            }
        case "instrText":
            if !state.fields.isEmpty, !state.fields[state.fields.count - 1].showingResult { state.fields[state.fields.count - 1].instruction += c.textContent }
        case "drawing":
            if let image = try drawing(c, place) { state.emit(.image(image)) }
        case "pict", "object":
            if let image = try picture(c, place) { state.emit(.image(image)) }
        case "AlternateContent":
            for e in c.child("Choice")?.elements ?? c.child("Fallback")?.elements ?? [] { try runChild(e, run, &state, &place) }
        case "footnoteReference", "endnoteReference":
            warn(place.description, "a footnote in the \(place.label) is not carried over")
        default: break
        }
    }

    /// Closes the innermost open field: page number and count become fields, any other
    /// field the text it last showed.
    private mutating func finishField(_ state: inout ParagraphState, _ place: PartPlace) {
        guard let field = state.fields.popLast() else { return }
        let name = field.instruction.split(whereSeparator: \.isWhitespace).first.map { $0.uppercased() } ?? ""
        switch name {
        case "PAGE": state.emit(.field(.pageNumber))
        case "NUMPAGES", "SECTIONPAGES": state.emit(.field(.pageCount))
        default:
            let shown = field.result.plainText
            if !name.isEmpty {
                warn(place.description, "the field \(name) is not carried over; the text it showed (\"\(shown.prefix(40))\") is kept")
            }
            for inline in field.result { state.emit(inline) }
        }
    }

    // MARK: pictures

    /// A DrawingML picture (`w:drawing`), in line or floating; shapes and text boxes are reported.
    private mutating func drawing(_ e: XMLElement, _ place: PartPlace) throws(LetterheadError) -> Image? {
        guard let frame = e.child("inline") ?? e.child("anchor") else { return nil }
        let properties = frame.child("docPr")
        let name = properties?.value("name") ?? "drawing"
        guard let blip = frame.descendants("blip").first else {
            let uri = frame.descendants("graphicData").first?.value("uri") ?? ""
            let what = !frame.descendants("txbx").isEmpty ? "text box" : uri.contains("Group") ? "group of shapes" : uri.contains("chart") ? "chart"
                : uri.contains("diagram") ? "SmartArt diagram" : "shape"
            warn(place.description, "the \(what) '\(name)' is not carried over: put its text in a paragraph or table of the \(place.label), or make it a picture")
            return nil
        }
        guard let id = blip.value("embed"), let relationship = relationships[id], !relationship.external else {
            warn(place.description, "the picture '\(name)' is linked, not embedded, and is left out: insert it into the document")
            return nil
        }
        let data = try package.image(relationship.target, for: place.description)
        if frame.name == "anchor" {
            let behind = frame.value("behindDoc").map { $0 == "1" || $0 == "true" } ?? false
            warn(place.description, behind ? "the picture '\(name)' behind the text (a watermark?) is placed in line with the text instead"
                                           : "the floating picture '\(name)' is placed in line with the text at its anchor")
        }
        let extent = frame.child("extent")
        let width = extent?.value("cx").flatMap(Double.init).flatMap { $0 > 0 ? Length(rounding: ($0 / 360).rounded(.towardZero)) : nil }
        let height = extent?.value("cy").flatMap(Double.init).flatMap { $0 > 0 ? Length(rounding: ($0 / 360).rounded(.towardZero)) : nil }
        let alternative = properties?.value("descr") ?? properties?.value("title") ?? ""
        return Image(data, width: width, height: height, alternativeText: alternative)
    }

    /// A VML picture (`w:pict`, Word 2003 and older letterheads): its image, or a warning for
    /// a watermark, text box or shape.
    private mutating func picture(_ e: XMLElement, _ place: PartPlace) throws(LetterheadError) -> Image? {
        if !e.descendants("textpath").isEmpty {
            warn(place.description, "a watermark (WordArt behind the text) is not carried over")
            return nil
        }
        guard let imageData = e.descendants("imagedata").first, let id = imageData.value("id"), let relationship = relationships[id], !relationship.external else {
            let what = e.descendants("textbox").isEmpty ? "shape" : "text box"
            warn(place.description, "a \(what) is not carried over: put its text in a paragraph or table of the \(place.label)")
            return nil
        }
        let data = try package.image(relationship.target, for: place.description)
        let shape = e.descendants("shape").first
        var width: Length?, height: Length?
        for declaration in (shape?["style"] ?? "").split(separator: ";") {
            let pair = declaration.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            let value = pair[1].hasSuffix("px") ? Length.pt((Double(pair[1].dropLast(2)) ?? 0) * 0.75) : Length(parsing: pair[1])
            if pair[0] == "width" { width = value }
            if pair[0] == "height" { height = value }
            if pair[0] == "position", pair[1] == "absolute" {
                warn(place.description, "a floating picture is placed in line with the text at its anchor")
            }
        }
        return Image(data, width: width, height: height, alternativeText: shape?["alt"] ?? imageData.value("title") ?? "")
    }

    // MARK: tables

    private mutating func table(_ tbl: XMLElement, _ place: inout PartPlace) throws(LetterheadError) -> Block {
        let properties = tbl.child("tblPr")
        var borders = properties?.child("tblBorders").map(Self.hasBorder) ?? false
        if let style = properties?.child("tblStyle")?.value("val"), chain(style).contains(where: \.tableBorders) { borders = true }
        var padding = Length.mm(1.9)
        if let margin = properties?.child("tblCellMar")?.child("left") ?? properties?.child("tblCellMar")?.child("start"),
           let twips = margin.value("w").flatMap(Double.init) {
            padding = Length(rounding: twips * 2540 / 1440)
        }
        var columns = (tbl.child("tblGrid")?.elements ?? []).filter { $0.name == "gridCol" }.compactMap { col -> Length? in
            col.value("w").flatMap(Double.init).map { Length(rounding: $0 * 2540 / 1440) }
        }
        var rows: [TableRow] = []
        var mergeWarned = false
        for tr in tbl.elements where tr.name == "tr" {
            var cells: [TableCell] = []
            for tc in tr.elements where tc.name == "tc" {
                let cellProperties = tc.child("tcPr")
                if let merge = cellProperties?.child("vMerge"), merge.value("val") != "restart", !mergeWarned {
                    mergeWarned = true
                    warn(place.description, "cells merged across rows are carried over as separate cells")
                }
                if cellProperties?.child("tcBorders").map(Self.hasBorder) == true { borders = true }
                let span = cellProperties?.child("gridSpan")?.value("val").flatMap(Int.init) ?? 1
                let fill = LetterheadContent.colour(cellProperties?.child("shd")?.value("fill"))
                let vertical: VerticalAlignment? = switch cellProperties?.child("vAlign")?.value("val") {
                case "center": .center
                case "bottom": .bottom
                default: nil
                }
                var content = try blocks(tc.elements, &place)
                if content.isEmpty { content = [.paragraph(Paragraph([], style: place.band == .header ? .header : .footer))] }
                cells.append(TableCell(content, shading: fill, columnSpan: span, verticalAlignment: vertical))
            }
            rows.append(TableRow(cells))
        }
        let count = rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 1
        if columns.count < count { columns = Table.equalColumns(count, width: .mm(170)) }
        return .table(Table(columns: columns, rows: rows, borders: borders, cellPadding: padding))
    }
}
