import Template
import XMLSupport

/// A problem in an office template, before it is given its file name.
struct OfficeProblem {
    let code: String
    let message: String
    let suggestion: String?
    let place: Int
    let column: Int
}

/// A message found in an office template.
struct OfficeMessage {
    let id: String
    let source: String
    let arguments: [(name: String, expression: Expression)]
    let place: Int
}

/// Compiles one XML part of an office template: finds the tags in each paragraph (merging
/// the runs Word and Writer split them into), decides what each control tag controls, and
/// turns the part into ``Piece``s.
struct PartCompiler {
    let vocabulary: Vocabulary
    let partName: String
    /// Shared by all parts of a template, so places are numbered template-wide.
    var places: [TemplatePlace]
    var problems: [OfficeProblem] = []
    var messages: [OfficeMessage] = []
    private(set) var tags: [Tag] = []
    private var tagNodes: [Int: Node] = [:]
    private var paragraphCount = 0
    /// True while serializing the body of a loop: ids there are renumbered per repetition.
    private var insideLoop = false
    /// The largest decimal id (drawings, bookmarks) in the part, so new ones come after it.
    private(set) var largestNumericID = 0
    /// For Word's numbering part: the definitions the restart point needs.
    var numbering: NumberingDefinitions?
    /// For Word's notes parts (footnotes, endnotes, comments): the kind of note they hold.
    var noteKind: NoteKind?
    /// Picture placeholders, by the node where each starts; and the attributes to fill.
    private var imageStarts: [ObjectIdentifier: ImageSlot] = [:]
    private var imageAttributes: [ObjectIdentifier: [(name: String, attribute: ImageAttribute, slot: Int)]] = [:]
    /// Numbers picture slots template-wide (shared like `places`).
    var imageCount = 0
    /// Word tables with a column loop: the grid to rebuild once the loop has run.
    private var columnLoops: [ObjectIdentifier: ColumnLoop] = [:]
    /// The `w:tcW` elements of the cells a column loop repeats, by the table's grid.
    private var repeatedCellWidths: [ObjectIdentifier: ColumnLoop] = [:]
    private var columnTableCount = 0
    /// The first repeated cell of each ODF column loop row: where the cells are counted.
    private var writerCountedCells: [ObjectIdentifier: ColumnLoop] = [:]
    /// `w:gridSpan` of cells in other rows that span the loop's columns: their span follows.
    private var spanningCells: [ObjectIdentifier: (loop: ColumnLoop, span: Int)] = [:]

    init(vocabulary: Vocabulary, partName: String, places: [TemplatePlace]) {
        self.vocabulary = vocabulary
        self.partName = partName
        self.places = places
    }

    /// Compiles the tree into pieces; `nil` when the part had problems (see `problems`).
    mutating func compile(_ root: Node, paragraphLike: Bool, scanTags: Bool = true) -> [Piece]? {
        let before = problems.count
        guard scanTags else { return build([root]) }
        var paragraphs: [Node] = []
        root.walk { node in
            if vocabulary.isParagraph(node) { paragraphs.append(node) }
        }
        if paragraphLike {
            // Document properties: every element holding text is a "paragraph".
            paragraphs = []
            root.walk { node in
                if node.element != nil, !node.children.isEmpty, node.children.allSatisfy({ $0.text != nil }) { paragraphs.append(node) }
            }
        }
        for paragraph in paragraphs {
            paragraphCount += 1
            locateTags(in: paragraph, paragraphLike: paragraphLike)
        }
        if !paragraphLike { findPictures(in: root) }
        guard problems.count == before else { return nil }
        if !tags.isEmpty {
            resolveScopes()
            guard problems.count == before else { return nil }
        }
        let pieces = build([root])
        guard problems.count == before else { return nil }
        return pieces
    }

    // MARK: finding tags

    private struct TextPiece {
        let node: Node
        let kind: Vocabulary.PieceKind
        let start: Int
        let length: Int
    }

    private func textPieces(of paragraph: Node, paragraphLike: Bool) -> [TextPiece] {
        var pieces: [TextPiece] = []
        var offset = 0
        func visit(_ node: Node) {
            if node !== paragraph, vocabulary.isParagraph(node) { return }
            if paragraphLike, case .text(let t) = node.kind {
                let n = t.unicodeScalars.count
                pieces.append(TextPiece(node: node, kind: .text, start: offset, length: n))
                offset += n
                return
            }
            if let (kind, text) = vocabulary.textPiece(node) {
                let n = text.unicodeScalars.count
                pieces.append(TextPiece(node: node, kind: kind, start: offset, length: n))
                offset += n
                if kind == .element { return }
            }
            for child in node.children { visit(child) }
        }
        visit(paragraph)
        return pieces
    }

    private func pieceText(_ piece: TextPiece) -> [Unicode.Scalar] {
        switch piece.kind {
        case .text: return Array((piece.node.text ?? "").unicodeScalars)
        case .element: return Array((vocabulary.textPiece(piece.node)?.1 ?? "").unicodeScalars)
        }
    }

    /// The characters a tag may be typed with, made plain: smart quotes and non-breaking spaces.
    static func normalized(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033: "\""
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032: "'"
        case 0x00A0, 0x202F, 0x2007, 0x2009: " "
        default: scalar
        }
    }

    private mutating func locateTags(in paragraph: Node, paragraphLike: Bool) {
        let pieces = textPieces(of: paragraph, paragraphLike: paragraphLike)
        var text: [Unicode.Scalar] = []
        for piece in pieces { text += pieceText(piece) }
        guard text.contains("{") || text.contains("}") else { return }
        let typed = String(String.UnicodeScalarView(text))
        let plain = text.map(Self.normalized)
        let where_ = paragraphLike ? "\(partName), <\(paragraph.element?.qualifiedName ?? "")>" : "\(region(of: paragraph))\(partName), paragraph \(paragraphCount)"
        places.append(TemplatePlace(description: where_, text: typed.count > 240 ? String(typed.prefix(240)) + "…" : typed,
                                    reference: "\(partName):\(paragraphCount)"))
        let place = places.count

        var found: [(start: Int, end: Int, tag: Tag)] = []
        var i = 0
        let n = plain.count
        func problem(_ code: String, _ message: String, _ suggestion: String?, at column: Int) {
            problems.append(OfficeProblem(code: code, message: message, suggestion: suggestion, place: place, column: column + 1))
        }
        while i < n {
            let c = plain[i]
            let next: Unicode.Scalar? = i + 1 < n ? plain[i + 1] : nil
            if c == "{", let next, next == "{" || next == "%" || next == "#" {
                let closer: Unicode.Scalar = next == "{" ? "}" : next
                guard let end = Self.closingIndex(plain, from: i + 2, closer: closer, quotes: next != "#") else {
                    let opened = next == "{" ? "{{" : next == "%" ? "{%" : "{#"
                    let closing = next == "{" ? "}}" : next == "%" ? "%}" : "#}"
                    problem("office.unclosed-tag", "\(opened) is not closed by \(closing) in this paragraph", "a tag must be typed whole within one paragraph; check for a line break inside it", at: i)
                    return
                }
                var start = i, stop = end
                let source = String(String.UnicodeScalarView(plain[i..<end]))
                // Whitespace control: `{%-` eats the spaces before, `-%}` those after.
                if plain[i + 2] == "-" {
                    let floor = found.last?.end ?? 0
                    while start > floor, plain[start - 1].properties.isWhitespace { start -= 1 }
                }
                if end - 3 > i + 1, plain[end - 3] == "-" {
                    while stop < n, plain[stop].properties.isWhitespace { stop += 1 }
                }
                do {
                    let (kind, scope) = try TagParser.parse(source)
                    let tag = Tag(kind: kind, scope: scope, source: source, place: place, column: i)
                    // The text of a message is MessageFormat: `{# …}` and `}}` belong to it.
                    if case .translate = kind, let close = Self.endTranslate(plain, from: stop) {
                        if let inner = (stop..<close.start).first(where: { plain[$0] == "{" && $0 + 1 < close.start && (plain[$0 + 1] == "{" || plain[$0 + 1] == "%") }) {
                            problem("office.tag-in-message", "\(plain[inner + 1] == "{" ? "{{ … }}" : "{% … %}") inside a message ({% t %} … {% endt %})",
                                    "a message holds text only; bind values as arguments: {% t \"id\" name=child.name %}… {name} …{% endt %}", at: inner)
                            return
                        }
                        found.append((start, stop, tag))
                        let endTag = Tag(kind: .endTranslate, scope: nil, source: String(String.UnicodeScalarView(plain[close.start..<close.end])), place: place, column: close.start)
                        found.append((close.start, close.end, endTag))
                        i = close.end
                        continue
                    } else if case .translate = kind {
                        problem("office.unclosed-message", "{% t %} is not closed by {% endt %} in this paragraph",
                                "the English text of a message is written between {% t \"id\" %} and {% endt %}, in one paragraph", at: i)
                        return
                    }
                    found.append((start, stop, tag))
                } catch {
                    problem(error.code, error.message, error.suggestion, at: i + error.offset)
                }
                i = stop
                continue
            }
            if (c == "}" || c == "%" || c == "#"), next == "}" {
                if c == "}" || c == "%" {
                    problem("office.stray-closer", "'\(c)}' without an opening tag", c == "}" ? "values are written {{ child.name }}" : "tags are written {% if … %}", at: i)
                }
            }
            i += 1
        }
        guard !found.isEmpty else { return }
        // Merge from the last tag back: a tag only changes the pieces from where it starts, and
        // the piece it starts in keeps the text before it, so the earlier tags' pieces and
        // offsets stay valid (pieceText reads a piece's current text).
        for (start, end, tag) in found.reversed() {
            let index = tags.count
            tags.append(tag)
            let node = Node(.tag(index))
            tagNodes[index] = node
            insert(node, replacing: start..<end, in: pieces)
        }
        tidyRuns(in: paragraph)
    }

    /// What a reader calls the part of the page a paragraph is in, when it is not the body:
    /// `header (word/header1.xml), …`, `first-page footer (styles.xml), …`.
    private func region(of paragraph: Node) -> String {
        let name: String?
        if vocabulary.format == .docx {
            let file = partName.split(separator: "/").last.map(String.init) ?? partName
            name = file.hasPrefix("header") ? "header" : file.hasPrefix("footer") ? "footer" : file.hasPrefix("footnotes") ? "footnotes"
                : file.hasPrefix("endnotes") ? "endnotes" : nil
        } else {
            let band = paragraph.ancestors.first { $0.element?.namespace == Vocabulary.odfStyle && ($0.localName?.hasPrefix("header") == true || $0.localName?.hasPrefix("footer") == true) }
            switch band?.localName {
            case "header"?: name = "header"
            case "footer"?: name = "footer"
            case "header-first"?: name = "first-page header"
            case "footer-first"?: name = "first-page footer"
            case "header-left"?: name = "left-page header"
            case "footer-left"?: name = "left-page footer"
            default: name = nil
            }
        }
        return name.map { "\($0) in " } ?? ""
    }

    /// The index after the closing `}}`, `%}` or `#}`, skipping quoted strings.
    private static func closingIndex(_ s: [Unicode.Scalar], from start: Int, closer: Unicode.Scalar, quotes: Bool) -> Int? {
        var j = start
        var quote: Unicode.Scalar?
        while j + 1 < s.count {
            let c = s[j]
            if let q = quote {
                if c == q { quote = nil }
            } else if quotes && (c == "\"" || c == "'") {
                quote = c
            } else if c == closer && s[j + 1] == "}" {
                return j + 2
            } else if c == "{" && j + 1 < s.count && (s[j + 1] == "{" || s[j + 1] == "%") {
                return nil  // a new tag starts: this one was never closed
            }
            j += 1
        }
        return nil
    }

    /// `{% endt %}` (with optional `-` and a prefix) from `start` on.
    private static func endTranslate(_ s: [Unicode.Scalar], from start: Int) -> (start: Int, end: Int)? {
        var i = start
        while i + 1 < s.count {
            if s[i] == "{" && s[i + 1] == "%", let end = closingIndex(s, from: i + 2, closer: "%", quotes: false) {
                let inner = String(String.UnicodeScalarView(s[(i + 2)..<(end - 2)])).filter { $0 != " " && $0 != "-" }
                if inner == "endt" { return (i, end) }
            }
            i += 1
        }
        return nil
    }

    /// Puts the tag node where its text started and removes its characters from every piece
    /// it spans (the tag may be split over runs, spans, `text:s` and so on).
    private func insert(_ tagNode: Node, replacing range: Range<Int>, in pieces: [TextPiece]) {
        var inserted = false
        for piece in pieces {
            let pieceRange = piece.start..<(piece.start + piece.length)
            guard pieceRange.overlaps(range) || (piece.length == 0 && range.contains(piece.start)) else { continue }
            let cut = max(range.lowerBound, piece.start) - piece.start..<min(range.upperBound, pieceRange.upperBound) - piece.start
            switch piece.kind {
            case .element:
                if !inserted {
                    piece.node.parent?.insert([tagNode], at: piece.node.indexInParent ?? 0)
                    inserted = true
                }
                piece.node.remove()
            case .text:
                let scalars = pieceText(piece)
                let before = String(String.UnicodeScalarView(scalars[0..<cut.lowerBound]))
                let after = String(String.UnicodeScalarView(scalars[cut.upperBound...]))
                if !inserted {
                    piece.node.kind = .text(before)
                    let rest = Node(.text(after))
                    piece.node.parent?.insert([tagNode, rest], at: (piece.node.indexInParent ?? 0) + 1)
                    inserted = true
                } else {
                    piece.node.kind = .text(after)
                }
                markPreserve(piece.node.parent)
            }
        }
    }

    private func markPreserve(_ node: Node?) {
        guard let node, vocabulary.format == .docx, node.localName == "t" else { return }
        node.setAttribute("xml:space", "preserve")
    }

    /// Removes runs left with no text after their characters moved into a tag, and the
    /// spell-check marks and rendered page breaks inside the paragraph that no longer mean anything.
    private func tidyRuns(in paragraph: Node) {
        var emptyRuns: [Node] = []
        paragraph.walk { node in
            guard vocabulary.isRun(node) else { return }
            let content = node.children.filter { !($0.localName?.hasSuffix("Pr") ?? false) }
            let isEmpty = content.allSatisfy { child in
                if let t = child.text { return t.isEmpty }
                return child.localName == (vocabulary.format == .docx ? "t" : "") && child.children.allSatisfy { ($0.text ?? "x").isEmpty }
                    || child.localName == "lastRenderedPageBreak"
            }
            if isEmpty && !content.isEmpty || (vocabulary.format == .odt && content.isEmpty) { emptyRuns.append(node) }
        }
        for run in emptyRuns { run.remove() }
        if vocabulary.format == .docx {
            var marks: [Node] = []
            paragraph.walk { if $0.localName == "proofErr" && $0.element?.namespace == Vocabulary.wordprocessingML { marks.append($0) } }
            for mark in marks { mark.remove() }
        }
    }

    // MARK: column loops

    private var serializingColumnTable: ColumnLoop?

    /// Records which grid columns a `{%tc for %}` … `{%tc endfor %}` repeats: the columns of
    /// the cells between the two tag cells share the width of all of them.
    private mutating func recordColumnLoop(table: Node, row: Node, first: Node, last: Node) {
        let cells = row.children.filter(vocabulary.isCell)
        guard let a = cells.firstIndex(where: { $0 === first }), let b = cells.firstIndex(where: { $0 === last }), b > a + 1,
              cells.allSatisfy({ cell in !(cell.children.first { $0.localName == "tcPr" }?.children.contains { $0.localName == "gridSpan" } ?? false) }),
              let grid = table.children.first(where: { $0.localName == "tblGrid" }) else { return }
        let widths = grid.children.filter { $0.localName == "gridCol" }.map { $0.attribute("w:w").flatMap(Int.init) ?? 0 }
        guard widths.count == cells.count else { return }
        if let existing = columnLoops[ObjectIdentifier(table)] {
            // Another row of the same table: its repeated cells share the same columns.
            for cell in cells[(a + 1)..<b] {
                if let width = cell.children.first(where: { $0.localName == "tcPr" })?.children.first(where: { $0.localName == "tcW" }) {
                    repeatedCellWidths[ObjectIdentifier(width)] = existing
                }
            }
            return
        }
        columnTableCount += 1
        let loop = ColumnLoop(
            table: columnTableCount, before: Array(widths[..<a]), after: Array(widths[(b + 1)...]),
            shared: widths[a...b].reduce(0, +), perItem: b - a - 1)
        columnLoops[ObjectIdentifier(table)] = loop
        // A cell of another row that spans all the loop's columns (a title row) keeps spanning them.
        for other in table.children where vocabulary.isRow(other) && other !== row {
            var column = 0
            for cell in other.children where vocabulary.isCell(cell) {
                let spanNode = cell.children.first { $0.localName == "tcPr" }?.children.first { $0.localName == "gridSpan" }
                let span = spanNode?.attribute("w:val").flatMap(Int.init) ?? 1
                if let spanNode, column <= a, column + span - 1 >= b { spanningCells[ObjectIdentifier(spanNode)] = (loop, span) }
                column += span
            }
        }
        for cell in cells[(a + 1)..<b] {
            if let width = cell.children.first(where: { $0.localName == "tcPr" })?.children.first(where: { $0.localName == "tcW" }) {
                repeatedCellWidths[ObjectIdentifier(width)] = loop
            }
        }
    }

    /// The same for a Writer table: its column declarations are unrolled, and the loop's
    /// repeated cells are counted while they are rendered.
    private mutating func recordWriterColumnLoop(table: Node, row: Node, first: Node, last: Node) {
        let cells = row.children.filter(vocabulary.isCell)
        guard let a = cells.firstIndex(where: { $0 === first }), let b = cells.firstIndex(where: { $0 === last }), b > a + 1,
              cells.allSatisfy({ $0.attribute("table:number-columns-spanned").map { $0 == "1" } ?? true }) else { return }
        let loop: ColumnLoop
        if let existing = columnLoops[ObjectIdentifier(table)] {
            loop = existing
        } else {
            var columns: [String] = []
            for column in table.children where column.localName == "table-column" {
                let repeats = max(1, min(1024, column.attribute("table:number-columns-repeated").flatMap(Int.init) ?? 1))
                var xml = "<table:table-column"
                for (name, value) in column.element?.attributes ?? [] where name != "table:number-columns-repeated" {
                    var escaped: [UInt8] = []
                    XMLText.appendEscaped(value, attribute: true, to: &escaped)
                    xml += " \(name)=\"\(String(decoding: escaped, as: UTF8.self))\""
                }
                columns += Array(repeating: xml + "/>", count: repeats)
            }
            guard columns.count == cells.count else { return }
            columnTableCount += 1
            var made = ColumnLoop(table: columnTableCount, before: [], after: [], shared: 0, perItem: b - a - 1)
            made.odfColumns = columns
            made.first = a
            made.last = b
            loop = made
            columnLoops[ObjectIdentifier(table)] = loop
        }
        if let firstRepeated = cells.dropFirst(a + 1).first { writerCountedCells[ObjectIdentifier(firstRepeated)] = loop }
    }

    // MARK: pictures filled from data

    static let wordDrawing = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let drawingML = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"

    /// `{{ image expr }}` in a text, with the text left once the tag is taken out.
    private func imageTag(in text: String) -> (expression: String, rest: String)? {
        let plain = String(String.UnicodeScalarView(text.unicodeScalars.map(Self.normalized)))
        guard let open = plain.range(of: "{{"), let close = plain.range(of: "}}", range: open.upperBound..<plain.endIndex) else { return nil }
        let inner = plain[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
        guard inner.hasPrefix("image ") else { return nil }
        let rest = (plain[..<open.lowerBound] + plain[close.upperBound...]).trimmingCharacters(in: .whitespaces)
        return (String(inner.dropFirst(6)).trimmingWhitespace, rest)
    }

    private mutating func findPictures(in root: Node) {
        var pictures: [Node] = []
        root.walk { node in
            if vocabulary.format == .docx, node.element?.namespace == Vocabulary.wordprocessingML, node.localName == "drawing" { pictures.append(node) }
            if vocabulary.format == .odt, node.element?.namespace == Vocabulary.odfDrawing, node.localName == "frame" { pictures.append(node) }
        }
        for picture in pictures { vocabulary.format == .docx ? wordPicture(picture) : writerPicture(picture) }
    }

    private mutating func addSlot(_ picture: Node, tag: (expression: String, rest: String), name: String, width: Double, height: Double, unit: String) -> Int? {
        places.append(TemplatePlace(description: "\(partName), picture '\(name)'", text: "{{ image \(tag.expression) }}", reference: "\(partName):picture"))
        let place = places.count
        let expression: Expression
        do {
            expression = try Expression.parse(tag.expression)
        } catch {
            problems.append(OfficeProblem(code: "office.expression", message: error.message, suggestion: error.suggestion, place: place, column: 10 + error.offset))
            return nil
        }
        imageCount += 1
        let file = partName.split(separator: "/").last.map(String.init) ?? partName
        let directory = partName.split(separator: "/").dropLast().joined(separator: "/")
        imageStarts[ObjectIdentifier(picture)] = ImageSlot(
            id: imageCount, expression: expression, location: NodeLocation(place: place, column: 1), width: width, height: height, unit: unit,
            relationships: vocabulary.format == .odt ? "META-INF/manifest.xml" : (directory.isEmpty ? "" : directory + "/") + "_rels/\(file).rels")
        return imageCount
    }

    private mutating func wordPicture(_ drawing: Node) {
        var docPr: Node?, extent: Node?, blip: Node?, shapeExtent: Node?
        drawing.walk { n in
            guard let e = n.element else { return }
            if e.namespace == Self.wordDrawing && e.localName == "docPr" { docPr = n }
            if e.namespace == Self.wordDrawing && e.localName == "extent" { extent = n }
            if e.namespace == Self.drawingML && e.localName == "blip" { blip = n }
            if e.namespace == Self.drawingML && e.localName == "ext" && n.parent?.localName == "xfrm" { shapeExtent = n }
        }
        guard let docPr, let altName = ["descr", "title"].first(where: { docPr.attribute($0).flatMap(imageTag) != nil }),
              let tag = docPr.attribute(altName).flatMap(imageTag) else { return }
        guard let extent, let blip, let width = extent.attribute("cx").flatMap(Double.init), let height = extent.attribute("cy").flatMap(Double.init),
              let embed = blip.element?.attributes.first(where: { $0.name.hasSuffix(":embed") })?.name else {
            places.append(TemplatePlace(description: "\(partName), picture", text: tag.expression, reference: partName))
            problems.append(OfficeProblem(code: "office.image-placeholder", message: "the picture with {{ image … }} in its alt text is not an embedded picture (no size or image reference)",
                                          suggestion: "insert a picture (Insert › Picture) and type the tag in its alt text", place: places.count, column: 1))
            return
        }
        guard let slot = addSlot(drawing, tag: tag, name: docPr.attribute("name") ?? "picture", width: width, height: height, unit: "") else { return }
        docPr.setAttribute(altName, tag.rest)
        imageAttributes[ObjectIdentifier(extent)] = [("cx", .width, slot), ("cy", .height, slot)]
        if let shapeExtent { imageAttributes[ObjectIdentifier(shapeExtent)] = [("cx", .width, slot), ("cy", .height, slot)] }
        imageAttributes[ObjectIdentifier(blip)] = [(embed, .reference, slot)]
    }

    private mutating func writerPicture(_ frame: Node) {
        let described = frame.children.first { ($0.localName == "desc" || $0.localName == "title") && $0.element?.namespace == Self.svg && imageTag(in: $0.children.compactMap(\.text).joined()) != nil }
        let nameTag = frame.attribute("draw:name").flatMap(imageTag)
        guard let tag = described.flatMap({ imageTag(in: $0.children.compactMap(\.text).joined()) }) ?? nameTag else { return }
        guard let image = frame.children.first(where: { $0.localName == "image" && $0.element?.namespace == Vocabulary.odfDrawing }),
              let width = frame.attribute("svg:width").flatMap(Self.length), let height = frame.attribute("svg:height").flatMap(Self.length), width.unit == height.unit else {
            places.append(TemplatePlace(description: "\(partName), picture", text: tag.expression, reference: partName))
            problems.append(OfficeProblem(code: "office.image-placeholder", message: "the frame with {{ image … }} in its description is not a picture with a width and height",
                                          suggestion: "insert a picture (Insert › Image) and type the tag in its description", place: places.count, column: 1))
            return
        }
        guard let slot = addSlot(frame, tag: tag, name: frame.attribute("draw:name") ?? "picture", width: width.value, height: height.value, unit: width.unit) else { return }
        if let described {
            described.children = tag.rest.isEmpty ? [] : [Node(.text(tag.rest))]
            for child in described.children { child.parent = described }
        }
        if nameTag != nil { frame.setAttribute("draw:name", tag.rest.isEmpty ? "Picture \(slot)" : tag.rest) }
        imageAttributes[ObjectIdentifier(frame)] = [("svg:width", .width, slot), ("svg:height", .height, slot)]
        imageAttributes[ObjectIdentifier(image)] = [("xlink:href", .reference, slot)]
    }

    /// `2.5cm` → (2.5, "cm").
    static func length(_ text: String) -> (value: Double, unit: String)? {
        let number = text.prefix { $0.isNumber || $0 == "." }
        guard let value = Double(number), value > 0 else { return nil }
        return (value, String(text.dropFirst(number.count)))
    }

    // MARK: what control tags control

    private struct Group {
        var tags: [Int]
    }

    private mutating func groups() -> [Group] {
        var stack: [Group] = []
        var result: [Group] = []
        func fail(_ tag: Tag, _ message: String, _ suggestion: String?) {
            problems.append(OfficeProblem(code: "office.structure", message: message, suggestion: suggestion, place: tag.place, column: tag.column + 1))
        }
        for (index, tag) in tags.enumerated().sorted(by: { ($0.element.place, $0.element.column) < ($1.element.place, $1.element.column) }) {
            let top = stack.last.map { tags[$0.tags[0]] }
            switch tag.kind {
            case .if, .for, .translate:
                if let top, case .translate = top.kind {
                    fail(tag, "\(tag.displayName) inside a message ({% t %} … {% endt %})", "a message holds text only; bind values as arguments: {% t \"id\" name=child.name %}… {name} …{% endt %}")
                    continue
                }
                stack.append(Group(tags: [index]))
            case .elif, .else:
                guard let top, case .if = top.kind else {
                    fail(tag, "\(tag.displayName) without an open {% if %}", "write {% if … %} before it")
                    continue
                }
                if stack[stack.count - 1].tags.contains(where: { if case .else = tags[$0].kind { true } else { false } }) {
                    fail(tag, "\(tag.displayName) after {% else %}", "{% else %} comes last, just before {% endif %}")
                    continue
                }
                stack[stack.count - 1].tags.append(index)
            case .endif, .endfor, .endTranslate:
                let expected: String
                switch tag.kind {
                case .endif: expected = "if"
                case .endfor: expected = "for"
                default: expected = "t"
                }
                guard let top else {
                    fail(tag, "\(tag.displayName) without an open {% \(expected) %}", "remove it, or add the {% \(expected) … %} it closes")
                    continue
                }
                let opened: String
                switch top.kind {
                case .if: opened = "if"
                case .for: opened = "for"
                default: opened = "t"
                }
                guard opened == expected else {
                    fail(tag, "\(tag.displayName) closes a {% \(expected) %}, but the open tag is \(top.displayName) (\(places[top.place - 1].description))",
                         "close the \(top.displayName) with {% end\(opened) %} first")
                    // Assume the user forgot the inner end tag: close it and carry on.
                    stack.removeLast()
                    continue
                }
                var group = stack.removeLast()
                group.tags.append(index)
                result.append(group)
            case .value, .comment:
                if let top, case .translate = top.kind, case .value = tag.kind {
                    fail(tag, "{{ … }} inside a message ({% t %} … {% endt %})", "write the value as a message argument: {% t \"id\" name=child.name %}… {name} …{% endt %}")
                }
            }
        }
        for open in stack {
            let tag = tags[open.tags[0]]
            let end = if case .for = tag.kind { "{% endfor %}" } else if case .if = tag.kind { "{% endif %}" } else { "{% endt %}" }
            fail(tag, "\(tag.displayName) is never closed", "add \(end) where the \(tag.displayName == "{% for %}" ? "repeated part" : "conditional part") ends")
        }
        return result
    }

    private mutating func resolveScopes() {
        let groups = groups()
        guard problems.isEmpty else { return }
        for group in groups { resolve(group) }
        // Comments: gone, with their paragraph when they stand alone in it.
        for (index, tag) in tags.enumerated() {
            guard case .comment = tag.kind, let node = tagNodes[index] else { continue }
            if let paragraph = paragraphOf(node),
               isStandalone(paragraph, tag: index), !vocabulary.holdsSectionProperties(paragraph), paragraph.parent != nil {
                paragraph.replace(with: [node])
            }
        }
    }

    private func paragraphOf(_ node: Node) -> Node? {
        node.ancestors.first { vocabulary.isParagraph($0) }
    }

    private mutating func resolve(_ group: Group) {
        let groupTags = group.tags.map { tags[$0] }
        let nodes = group.tags.map { tagNodes[$0]! }
        func fail(_ tag: Tag, _ message: String, _ suggestion: String?) {
            problems.append(OfficeProblem(code: "office.scope", message: message, suggestion: suggestion, place: tag.place, column: tag.column + 1))
        }
        let scopes = Set(groupTags.compactMap(\.scope))
        guard scopes.count <= 1 else {
            fail(groupTags[0], "the tags of this \(groupTags[0].displayName) use different prefixes (\(scopes.map { "{%\($0.rawValue)" }.sorted().joined(separator: ", ")))",
                 "give all of them the same prefix, or none")
            return
        }
        if case .translate = groupTags[0].kind, groupTags.contains(where: { $0.scope != nil }) {
            fail(groupTags[0], "{% t %} takes no prefix", "write {% t \"id\" %}…{% endt %} inside one paragraph")
            return
        }
        var targets: [Node] = []
        if let scope = scopes.first {
            for (tag, node) in zip(groupTags, nodes) {
                guard let target = node.nearest(Self.names(scope, vocabulary)) ?? (scope == .run && vocabulary.format == .odt ? node : nil) else {
                    fail(tag, "{%\(scope.rawValue) …%} is not inside a \(scope.noun)", "remove the prefix '\(scope.rawValue)', or move the tag into a \(scope.noun)")
                    return
                }
                let others = target.tagIndices.filter { !group.tags.contains($0) }
                if !others.isEmpty {
                    fail(tag, "the \(scope.noun) that {%\(scope.rawValue) …%} replaces also holds \(tags[others[0]].displayName) (\(tags[others[0]].source))",
                         "move the other tag out of this \(scope.noun): a prefixed tag replaces its whole \(scope.noun)")
                    return
                }
                if let previous = targets.last, previous === target {
                    fail(tag, "\(tag.displayName) is in the same \(scope.noun) as \(groupTags[targets.count - 1].displayName)",
                         "put each {%\(scope.rawValue) …%} tag in a \(scope.noun) of its own")
                    return
                }
                targets.append(target)
            }
            guard let parent = targets.first?.parent, targets.allSatisfy({ $0.parent === parent }) else {
                fail(groupTags[0], "the tags of this \(groupTags[0].displayName) are not in the same \(scope.container)",
                     "a {%\(scope.rawValue) …%} and its end tag must be in \(scope.plural) of one \(scope.container)")
                return
            }
        } else {
            let paragraphs = nodes.map(paragraphOf)
            let sameParagraph = paragraphs.allSatisfy { $0 != nil && $0 === paragraphs[0] }
            guard let ancestor = lowestCommonAncestor(nodes) else { return }
            if sameParagraph || nodes.allSatisfy({ $0.parent === ancestor }) {
                // Inline: the tags become siblings, splitting the runs they sit in.
                for node in nodes { hoist(node, to: ancestor) }
                targets = nodes
            } else {
                for (index, (tag, node)) in zip(group.tags, zip(groupTags, nodes)) {
                    guard let child = node.child(under: ancestor) else { return }
                    guard isStandalone(child, tag: index) else {
                        let what = vocabulary.isRow(child) ? "table row" : vocabulary.isParagraph(child) ? "paragraph" : vocabulary.isCell(child) ? "table cell" : "part of the document"
                        fail(tag, "\(tag.displayName) shares its \(what) with other text, and the tags it belongs with are in other \(what == "table row" ? "rows" : "paragraphs")",
                             "put \(tag.displayName) alone in its \(what) (that \(what) is then removed), or use {%p …%} / {%tr …%} to say what it replaces")
                        return
                    }
                    targets.append(child)
                }
            }
        }
        // Each target is replaced by its tag; a paragraph that ends a section stays.
        if vocabulary.format == .docx, case .for = groupTags[0].kind, targets.count == 2, targets.allSatisfy(vocabulary.isCell),
           let row = targets[0].parent, let table = row.parent, table.localName == "tbl" {
            recordColumnLoop(table: table, row: row, first: targets[0], last: targets[1])
        }
        if vocabulary.format == .odt, case .for = groupTags[0].kind, targets.count == 2, targets.allSatisfy(vocabulary.isCell),
           let row = targets[0].parent, let table = row.ancestors.first(where: { $0.localName == "table" && $0.element?.namespace == Vocabulary.odfTable }) {
            recordWriterColumnLoop(table: table, row: row, first: targets[0], last: targets[1])
        }
        for (i, (target, node)) in zip(targets, nodes).enumerated() where target !== node {
            if vocabulary.holdsSectionProperties(target) {
                node.remove()
                target.children.removeAll { !($0.localName == "pPr") }
                if let parent = target.parent, let at = target.indexInParent { parent.insert([node], at: i == 0 ? at + 1 : at) }
            } else {
                node.remove()
                target.replace(with: [node])
            }
        }
    }

    private static func names(_ scope: Tag.Scope, _ vocabulary: Vocabulary) -> Set<String> {
        switch (scope, vocabulary.format) {
        case (.paragraph, .docx): ["p"]
        case (.paragraph, .odt): ["p", "h"]
        case (.row, .docx): ["tr"]
        case (.row, .odt): ["table-row"]
        case (.cell, .docx): ["tc"]
        case (.cell, .odt): ["table-cell"]
        case (.run, .docx): ["r"]
        case (.run, .odt): ["span"]
        }
    }

    /// True when `node` holds nothing but the tag: no other text, tag or picture.
    private func isStandalone(_ node: Node, tag: Int) -> Bool {
        guard node.tagIndices == [tag] else { return false }
        var clean = true
        node.walk { n in
            guard clean else { return }
            if vocabulary.isEmbeddedObject(n) { clean = false; return }
            if let (_, text) = vocabulary.textPiece(n), !text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) { clean = false }
        }
        return clean
    }

    /// Moves a tag node up until its parent is `ancestor`, splitting each element on the way
    /// (a run becomes two runs with the same properties).
    private func hoist(_ node: Node, to ancestor: Node) {
        while let parent = node.parent, parent !== ancestor, let grand = parent.parent, let i = node.indexInParent, let at = parent.indexInParent {
            let second = parent.shallowCopy()
            let properties = parent.children.prefix { $0.localName?.hasSuffix("Pr") ?? false }
            for p in properties { second.append(p.deepCopy()) }
            for child in parent.children[(i + 1)...] { second.append(child) }
            parent.children.removeSubrange(i...)
            node.parent = nil
            if vocabulary.format == .docx, parent.localName == "t" { second.setAttribute("xml:space", "preserve") }
            var inserted: [Node] = [node]
            if !isEmpty(second) { inserted.append(second) }
            grand.insert(inserted, at: at + 1)
            if isEmpty(parent) { parent.remove() }
        }
    }

    private func isEmpty(_ element: Node) -> Bool {
        element.children.allSatisfy { child in
            if let t = child.text { return t.isEmpty }
            if child.localName?.hasSuffix("Pr") ?? false { return true }
            if child.element != nil, child.localName == "t" || child.localName == "span" { return isEmpty(child) }
            return false
        }
    }

    // MARK: pieces

    private final class Frame {
        enum Kind {
            case root
            case condition(branches: [Piece.Branch], condition: Expression?, location: NodeLocation)
            case loop(variable: String, source: Expression, location: NodeLocation)
            case message(tag: Int)
        }
        var kind: Kind
        var pieces: [Piece] = []
        var nodes: [Node] = []
        init(_ kind: Kind) { self.kind = kind }
    }

    private mutating func build(_ nodes: [Node]) -> [Piece] {
        var stack = [Frame(.root)]
        for node in nodes {
            guard let index = node.tagIndex else {
                if case .message = stack.last!.kind {
                    stack.last!.nodes.append(node)
                } else {
                    let saved = insideLoop
                    if stack.contains(where: { if case .loop = $0.kind { true } else { false } }) { insideLoop = true }
                    for frame in stack { if case .loop = frame.kind { frame.nodes.append(node) } }
                    append(serialize(node), to: stack.last!)
                    insideLoop = saved
                }
                continue
            }
            let tag = tags[index]
            switch tag.kind {
            case .value(let expression):
                append([.value(expression, tag.location, vocabulary.textContext(for: node))], to: stack.last!)
            case .comment:
                break
            case .if(let condition):
                stack.append(Frame(.condition(branches: [], condition: condition, location: tag.location)))
            case .elif, .else:
                let frame = stack.last!
                guard case .condition(var branches, let previous, let location) = frame.kind else { misplaced(tag); return [] }
                branches.append(Piece.Branch(condition: previous, location: location, body: frame.pieces))
                frame.pieces = []
                let next: Expression? = if case .elif(let c) = tag.kind { c } else { nil }
                frame.kind = .condition(branches: branches, condition: next, location: tag.location)
            case .endif:
                guard stack.count > 1, case .condition(var branches, let previous, let location) = stack.last!.kind else { misplaced(tag); return [] }
                let frame = stack.removeLast()
                branches.append(Piece.Branch(condition: previous, location: location, body: frame.pieces))
                append([.condition(branches)], to: stack.last!)
            case .for(let variable, let source):
                stack.append(Frame(.loop(variable: variable, source: source, location: tag.location)))
            case .endfor:
                guard stack.count > 1, case .loop(let variable, let source, let location) = stack.last!.kind else { misplaced(tag); return [] }
                let frame = stack.removeLast()
                append([.loop(variable: variable, source: source, location: location, body: frame.pieces,
                              restartsNumbering: restartsNumbering(frame.nodes))], to: stack.last!)
            case .translate:
                stack.append(Frame(.message(tag: index)))
            case .endTranslate:
                guard stack.count > 1, case .message(let opening) = stack.last!.kind else { misplaced(tag); return [] }
                let frame = stack.removeLast()
                if let piece = message(opening: opening, content: frame.nodes) { append([piece], to: stack.last!) }
            }
        }
        if stack.count > 1 {
            // The end tag is in another container than its opening tag.
            if let open = firstTag(of: stack.last!) { misplaced(open) }
            return []
        }
        return stack[0].pieces
    }

    private func firstTag(of frame: Frame) -> Tag? {
        switch frame.kind {
        case .message(let t): tags[t]
        case .condition(_, _, let location), .loop(_, _, let location):
            tags.first { $0.location == location }
        case .root: nil
        }
    }

    private mutating func misplaced(_ tag: Tag) {
        problems.append(OfficeProblem(
            code: "office.structure", message: "\(tag.displayName) and the tags it belongs with end up in different table cells or parts of the document",
            suggestion: "keep a block's tags in one cell, or put each alone in its own paragraph or row", place: tag.place, column: tag.column + 1))
    }

    private func append(_ pieces: [Piece], to frame: Frame) {
        for piece in pieces { frame.pieces.appendMerging(piece) }
    }

    private mutating func serialize(_ node: Node) -> [Piece] {
        switch node.kind {
        case .text(let t):
            if let slot = Self.localeSlot(t) { return [.locale(slot)] }
            if t == "\u{E013}", let numbering { return [.numberingRestarts(numbering)] }
            if t == "\u{E014}" { return [.imageIndex(part: partName)] }
            var out: [UInt8] = []
            XMLText.appendEscaped(t, attribute: false, to: &out)
            return out.isEmpty ? [] : [.bytes(out)]
        case .tag:
            return []
        case .element(let e):
            var pieces: [Piece] = []
            var open: [UInt8] = Array("<\(e.qualifiedName)".utf8)
            if let loop = columnLoops[ObjectIdentifier(node)], serializingColumnTable?.table != loop.table {
                // The table is rendered whole, then its grid is written for the columns the loop made.
                let saved = serializingColumnTable
                serializingColumnTable = loop
                let inner = serialize(node)
                serializingColumnTable = saved
                return [.columnTable(loop, inner)]
            }
            if e.localName == "tblGrid", let loop = serializingColumnTable,
               node.parent.flatMap({ columnLoops[ObjectIdentifier($0)] })?.table == loop.table {
                return [.columnGrid(loop)]
            }
            if vocabulary.format == .odt, e.localName == "table-column", let loop = serializingColumnTable,
               let table = node.parent, columnLoops[ObjectIdentifier(table)]?.table == loop.table {
                // The declarations are written once the loop has run, where the first one stood.
                return table.children.first(where: { $0.localName == "table-column" }) === node ? [.columnGrid(loop)] : []
            }
            if let loop = writerCountedCells[ObjectIdentifier(node)] { pieces.append(.columnCount(loop)) }
            if let slot = imageStarts[ObjectIdentifier(node)] { pieces.append(.imageStart(slot)) }
            let repeatedWidth = repeatedCellWidths[ObjectIdentifier(node)]
            let filled = imageAttributes[ObjectIdentifier(node)] ?? []
            for (name, value) in e.attributes {
                if let spanning = spanningCells[ObjectIdentifier(node)], name == "w:val" {
                    open += Array(" \(name)=\"".utf8)
                    pieces.append(.bytes(open))
                    pieces.append(.columnSpan(spanning.loop, spanning.span))
                    open = [0x22]
                    continue
                }
                if let loop = repeatedWidth, name == "w:w" {
                    open += Array(" \(name)=\"".utf8)
                    pieces.append(.bytes(open))
                    pieces.append(.columnWidth(loop))
                    open = [0x22]
                    continue
                }
                if let fill = filled.first(where: { $0.name == name }) {
                    open += Array(" \(name)=\"".utf8)
                    pieces.append(.bytes(open))
                    pieces.append(.imageValue(slot: fill.slot, fill.attribute, original: value))
                    open = [0x22]
                    continue
                }
                if Self.numericIDs.contains("\(e.qualifiedName)@\(name)"), let n = Int(value) { largestNumericID = max(largestNumericID, n) }
                // A list repeated by a loop starts again at 1, not where the previous one ended.
                if insideLoop, vocabulary.format == .odt, e.qualifiedName == "text:list", name == "text:continue-numbering" || name == "text:continue-list" { continue }
                open += Array(" \(name)=\"".utf8)
                if insideLoop, let kind = Self.uniqueIDs["\(e.qualifiedName)@\(name)"] {
                    pieces.append(.bytes(open))
                    pieces.append(.unique(kind, original: value))
                    open = []
                } else if insideLoop, vocabulary.format == .docx, let kind = Self.noteReferences[e.qualifiedName], name == "w:id" {
                    pieces.append(.bytes(open))
                    pieces.append(.noteReference(kind, original: value))
                    open = []
                } else if let kind = noteKind, e.qualifiedName == "w:\(kind.rawValue)", name == "w:id", node.parent?.parent == nil {
                    pieces.append(.bytes(open))
                    pieces.append(.noteID(original: value))
                    open = []
                } else if insideLoop, vocabulary.format == .docx, e.qualifiedName == "w:numId", name == "w:val" {
                    pieces.append(.bytes(open))
                    pieces.append(.numbering(original: value))
                    open = []
                } else if let slot = Self.localeSlot(value) {
                    pieces.append(.bytes(open))
                    pieces.append(.locale(slot))
                    open = []
                } else {
                    XMLText.appendEscaped(value, attribute: true, to: &open)
                }
                open.append(0x22)
            }
            if node.children.isEmpty {
                open += Array("/>".utf8)
                pieces.append(.bytes(open))
                return pieces
            }
            open.append(0x3E)
            pieces.append(.bytes(open))
            if let kind = noteKind, e.qualifiedName == "w:\(kind.rawValue)", node.parent?.parent == nil,
               let id = e.attributes.first(where: { $0.name == "w:id" })?.value {
                // The whole note, so copies for repeated references can be written after it.
                let inner = build(node.children)
                var body: [Piece] = []
                for piece in pieces + inner + [.bytes(Array("</\(e.qualifiedName)>".utf8))] { body.appendMerging(piece) }
                return [.note(kind, id: id, body)]
            }
            let content = build(node.children)
            if vocabulary.format == .docx, vocabulary.isCell(node), content.contains(where: \.needsData) {
                pieces.append(.cellContent(content))
            } else {
                pieces += content
            }
            pieces.append(.bytes(Array("</\(e.qualifiedName)>".utf8)))
            var merged: [Piece] = []
            for piece in pieces { merged.appendMerging(piece) }
            return merged
        }
    }

    /// Attributes whose values must stay unique in a document (`element@attribute`).
    static let uniqueIDs: [String: UniqueID] = [
        "wp:docPr@id": .number, "pic:cNvPr@id": .number, "w:bookmarkStart@w:id": .number, "w:bookmarkEnd@w:id": .number,
        "w:bookmarkStart@w:name": .name, "w:p@w14:paraId": .hex, "w:p@w14:textId": .hex, "w:tr@w14:paraId": .hex, "w:tr@w14:textId": .hex,
        "draw:frame@draw:name": .name, "text:bookmark@text:name": .name, "text:bookmark-start@text:name": .name,
        "text:bookmark-end@text:name": .name, "table:table@table:name": .name, "text:list@xml:id": .name, "text:p@xml:id": .name,
        "text:h@xml:id": .name, "draw:frame@xml:id": .name, "text:note@text:id": .name,
    ]

    static let noteReferences: [String: NoteKind] = [
        "w:footnoteReference": .footnote, "w:endnoteReference": .endnote,
        "w:commentRangeStart": .comment, "w:commentRangeEnd": .comment, "w:commentReference": .comment,
    ]

    static let numericIDs: Set<String> = ["wp:docPr@id", "pic:cNvPr@id", "w:bookmarkStart@w:id", "w:bookmarkEnd@w:id"]

    /// A loop whose body holds a numbered list and other paragraphs (a section per case, each
    /// with its list) restarts the numbering in each repetition; a loop over the list's own
    /// items (only numbered paragraphs) continues it.
    private func restartsNumbering(_ nodes: [Node]) -> Bool {
        guard vocabulary.format == .docx else { return false }
        var numbered = false, plain = false
        for node in nodes {
            node.walk { n in
                guard vocabulary.isParagraph(n) else { return }
                let properties = n.children.first { $0.localName == "pPr" }
                let numberedHere = properties?.children.contains { $0.localName == "numPr" } ?? false
                if numberedHere { numbered = true } else if !(textPieces(of: n, paragraphLike: false).isEmpty && n.tagIndices.isEmpty) { plain = true }
            }
        }
        return numbered && plain
    }

    /// The value markers that `OfficeTemplate` puts into language attributes.
    static let localeMarkers: [String: LocaleSlot] = ["\u{E010}": .tag, "\u{E011}": .language, "\u{E012}": .country]

    private static func localeSlot(_ value: String) -> LocaleSlot? {
        value.unicodeScalars.count == 1 ? localeMarkers[value] : nil
    }

    /// `{% t "id" … %}English text{% endt %}`: the text is the message's source; it is written
    /// in the formatting of its first run.
    private mutating func message(opening: Int, content: [Node]) -> Piece? {
        let tag = tags[opening]
        guard case .translate(let id, let arguments) = tag.kind else { return nil }
        var source = ""
        for node in content { node.walk { if let (_, t) = vocabulary.textPiece($0) { source += t } } }
        source = source.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !source.isEmpty else {
            problems.append(OfficeProblem(code: "office.empty-message", message: "{% t \"\(id)\" %} has no English text before {% endt %}",
                                          suggestion: "write the English text between the tags: {% t \"\(id)\" %}Text{% endt %}", place: tag.place, column: tag.column + 1))
            return nil
        }
        if let existing = messages.first(where: { $0.id == id }), existing.source != source {
            problems.append(OfficeProblem(code: "office.message-conflict", message: "message '\(id)' has another English text here than in \(places[existing.place - 1].description)",
                                          suggestion: "give one of them another id, or make the texts the same", place: tag.place, column: tag.column + 1))
        }
        messages.append(OfficeMessage(id: id, source: source, arguments: arguments, place: tag.place))
        // The wrapper: the elements from the first content node down to its first text.
        var open: [UInt8] = [], close: [UInt8] = []
        var context = tagNodes[opening].map { vocabulary.textContext(for: $0) } ?? .plain
        var current = content.first { node in
            var hasText = false
            node.walk { if vocabulary.textPiece($0)?.0 == .text { hasText = true } }
            return hasText
        }
        while let node = current, let e = node.element {
            var start: [UInt8] = Array("<\(e.qualifiedName)".utf8)
            var attributes = e.attributes
            if vocabulary.format == .docx, e.localName == "t", !attributes.contains(where: { $0.name == "xml:space" }) { attributes.append(("xml:space", "preserve")) }
            for (name, value) in attributes {
                start += Array(" \(name)=\"".utf8)
                XMLText.appendEscaped(value, attribute: true, to: &start)
                start.append(0x22)
            }
            start.append(0x3E)
            for p in node.children.prefix(while: { $0.localName?.hasSuffix("Pr") ?? false }) {
                for piece in serialize(p) { if case .bytes(let b) = piece { start += b } }
            }
            open += start
            close = Array("</\(e.qualifiedName)>".utf8) + close
            if vocabulary.format == .docx, e.localName == "t" { context = .wordRun; break }
            current = node.children.first { child in
                if child.text.map({ !$0.isEmpty }) == true { return true }
                var hasText = false
                child.walk { if vocabulary.textPiece($0)?.0 == .text, !($0.text ?? "").isEmpty { hasText = true } }
                return child.element != nil && hasText
            }
            if current?.text != nil { break }
        }
        return .message(id: id, arguments: arguments.map { Piece.Argument(name: $0.name, expression: $0.expression) },
                        location: tag.location, open: open, close: close, context: context)
    }
}

extension Tag.Scope {
    var noun: String {
        switch self {
        case .paragraph: "paragraph"
        case .row: "table row"
        case .cell: "table cell"
        case .run: "run of text"
        }
    }

    var plural: String {
        switch self {
        case .paragraph: "paragraphs"
        case .row: "rows"
        case .cell: "cells"
        case .run: "runs"
        }
    }

    var container: String {
        switch self {
        case .paragraph: "part of the document"
        case .row: "table"
        case .cell: "table row"
        case .run: "paragraph"
        }
    }
}
