import DocumentModel
import Foundation
import Localization
import Template
import XMLSupport
import TemplateData

/// Where a value is written, which decides how line breaks, tabs and spaces are marked up.
enum TextContext: Sendable, Hashable {
    /// Inside `<w:t>`: a line break closes the text and adds `<w:br/>`.
    case wordRun
    /// Inside an ODF paragraph or span: spaces that would collapse become `<text:s/>`.
    case odfParagraph
    /// Anywhere else (document properties): escaped text only.
    case plain
}

/// The values a locale gives a part: the document language as the part spells it.
enum LocaleSlot: Sendable, Hashable {
    /// `bg-BG`
    case tag
    /// `bg`
    case language
    /// `BG`
    case country
}

/// A picture placeholder: the expression in its alt text and the box it fills.
struct ImageSlot: Sendable {
    let id: Int
    let expression: Expression
    let location: NodeLocation
    /// The box, in the unit of the template's own values (EMU for Word, `unit` for ODF).
    let width: Double
    let height: Double
    let unit: String
    /// The relationships part of the part the picture is in (DOCX).
    let relationships: String
}

/// The grid of a Word table whose columns a loop repeats, in twentieths of a point: the
/// columns before and after the loop keep their widths, the repeated ones share `shared`.
struct ColumnLoop: Sendable, Hashable {
    let table: Int
    let before: [Int]
    let after: [Int]
    let shared: Int
    /// Cells repeated per item.
    let perItem: Int
    /// ODF: the table's column declarations, one per column (repeats unrolled), and the
    /// first and last column the loop's cells take.
    var odfColumns: [String] = []
    var first = 0
    var last = 0
}

/// Word's notes: kept in their own parts, pointed to by id from the document.
enum NoteKind: String, Sendable, Hashable {
    case footnote, endnote, comment
}

enum ImageAttribute: Sendable, Hashable {
    case reference, width, height
}

/// The kinds of id that repeated content renumbers.
enum UniqueID: Sendable, Hashable {
    /// A decimal number unique in the document (`wp:docPr/@id`, `w:bookmarkStart/@w:id`).
    case number
    /// A name (`w:name` of a bookmark, `draw:name`, `xml:id`, `table:name`): a suffix is added.
    case name
    /// Word's 8-digit hexadecimal paragraph and text ids (`w14:paraId`), below 0x80000000.
    case hex
}

/// Word's list instances: for each `w:numId`, its abstract numbering and the start value of
/// each level, so a restarted instance can say where to start.
struct NumberingDefinitions: Sendable, Hashable {
    var abstractIDs: [String: String] = [:]
    var starts: [String: [Int: Int]] = [:]
    var maxID = 0
}

/// A compiled part: static XML as bytes, and what changes per record.
indirect enum Piece: Sendable {
    case bytes([UInt8])
    case value(Expression, NodeLocation, TextContext)
    case condition([Branch])
    /// `restartsNumbering`: numbered lists in the body start at 1 in each repetition.
    case loop(variable: String, source: Expression, location: NodeLocation, body: [Piece], restartsNumbering: Bool)
    /// A catalog message in the formatting (`open`/`close`) of the text it replaced.
    case message(id: String, arguments: [Argument], location: NodeLocation, open: [UInt8], close: [UInt8], context: TextContext)
    case locale(LocaleSlot)
    /// A table cell's content, which must end up holding a paragraph (DOCX requires one).
    case cellContent([Piece])
    /// An id that must stay unique when its element is repeated by a loop (bookmarks,
    /// drawing ids, paragraph ids, frame names): a new one per repetition.
    case unique(UniqueID, original: String)
    /// A Word list instance (`w:numId`) inside a loop that restarts numbering.
    case numbering(original: String)
    /// Where Word's numbering part gets the list instances the restarts made.
    case numberingRestarts(NumberingDefinitions)
    /// A picture whose alt text holds `{{ image expr }}`: evaluated where the picture starts.
    case imageStart(ImageSlot)
    /// The picture's reference (`r:embed`, `xlink:href`), width or height, for the last
    /// evaluated image of that slot (the template's own values when data gives none).
    case imageValue(slot: Int, ImageAttribute, original: String)
    /// The relationships (DOCX) or manifest entries (ODT) of the images a render added.
    case imageIndex(part: String)
    /// A Word table with a column loop: rendered whole, then its grid written where
    /// `columnGrid` stood, for the number of columns the loop made.
    case columnTable(ColumnLoop, [Piece])
    case columnGrid(ColumnLoop)
    /// The width of a cell the column loop repeats: its share of the columns it replaced.
    case columnWidth(ColumnLoop)
    /// The span of a cell (in a row without the loop) across all the loop's columns.
    case columnSpan(ColumnLoop, Int)
    /// Counts the cells an ODF column loop makes (ODF cells carry no width to count by).
    case columnCount(ColumnLoop)
    /// A reference to a footnote, endnote or comment inside a loop: each repetition gets
    /// its own copy of the note, with a new id.
    case noteReference(NoteKind, original: String)
    /// A note of a notes part, whose copies the references made are written after it.
    case note(NoteKind, id: String, [Piece])
    /// The id attribute of a note: its own, or the copy's.
    case noteID(original: String)

    struct Branch: Sendable {
        let condition: Expression?
        let location: NodeLocation
        let body: [Piece]
    }

    struct Argument: Sendable {
        let name: String
        let expression: Expression
    }

    /// True when rendering needs data (not only the locale).
    var needsData: Bool {
        switch self {
        case .bytes, .locale: false
        case .cellContent(let body): body.contains { $0.needsData }
        case .unique, .numbering: false
        case .imageValue, .columnGrid, .columnWidth, .columnSpan, .columnCount, .noteID: false
        case .noteReference: false
        case .columnTable(_, let body): body.contains { $0.needsData }
        default: true
        }
    }
}

extension [Piece] {
    /// Appends a piece, joining static bytes to the bytes before them in place (a part's
    /// static XML ends up as few, large byte runs; joining by `a + b` would copy quadratically).
    mutating func appendMerging(_ piece: Piece) {
        guard case .bytes(let next) = piece, case .bytes? = last, case .bytes(var joined) = removeLast() else {
            append(piece)
            return
        }
        joined.append(contentsOf: next)
        append(.bytes(joined))
    }
}

/// Appends pieces to an output buffer, evaluating with the template language's evaluator.
struct PieceRenderer {
    let locale: LocaleID
    var evaluator: TemplateEvaluator
    var out: [UInt8] = []
    /// New ids given in the current repetitions, innermost last: a bookmark's start and end
    /// in one repetition get the same new id.
    var idMaps: [[String: String]] = []
    var nextNumber: Int
    var nextHex = 0x1F00_0000
    var nextSuffix = 1
    /// `w:numId` instances of restarting loops, innermost last.
    var numberingMaps: [[String: String]] = []
    var nextNumbering: Int
    /// (new instance, original instance) made by restarts, for the numbering part.
    var restarts: [(String, String)] = []
    /// The template folder, where images named by data are read.
    var folder: URL?
    var format: OfficeFormat = .docx
    /// Images added by this render: the package path, bytes, kind, and the relationships part
    /// and id that point to it.
    var media: [(path: String, image: ImageData, relationships: String, id: String)] = []
    /// The value each image slot has now: reference, width, height.
    var currentImages: [Int: (String, String, String)] = [:]
    /// Items of the loops being rendered, innermost last.
    var loopCounts: [Int] = []
    /// Per column-loop table: where its grid goes, and how many cells the loop made.
    var gridOffsets: [Int: Int] = [:]
    var repeatedColumns: [Int: Int] = [:]
    /// Copies of notes the references in loops asked for: (kind, new id, original id).
    var noteCopies: [(kind: NoteKind, id: String, original: String)] = []
    var nextNoteID = 100_000
    var currentNoteID: String?
    /// Spans to write once the loop has run: (offset, table, span in the template).
    var spanPatches: [(offset: Int, table: Int, span: Int)] = []

    init(locale: LocaleID, evaluator: TemplateEvaluator, firstFreeNumber: Int = 1_000_000, firstFreeNumbering: Int = 1_000) {
        self.locale = locale
        self.evaluator = evaluator
        nextNumber = firstFreeNumber
        nextNumbering = firstFreeNumbering
    }

    mutating func render(_ pieces: [Piece]) {
        for piece in pieces { render(piece) }
    }

    mutating func render(_ piece: Piece) {
        switch piece {
        case .bytes(let b):
            out.append(contentsOf: b)
        case .value(let expression, let location, let context):
            XMLText.append(evaluator.text(of: expression, at: location), context: context, to: &out)
        case .condition(let branches):
            for branch in branches {
                if let condition = branch.condition, !evaluator.isTrue(condition, at: branch.location) { continue }
                render(branch.body)
                break
            }
        case .loop(let variable, let source, let location, let body, let restartsNumbering):
            guard let items = evaluator.loopItems(source, at: location) else { return }
            loopCounts.append(items.count)
            defer { loopCounts.removeLast() }
            for (index, item) in items.enumerated() {
                evaluator.pushLoopVariable(variable, item: item, index: index, count: items.count)
                idMaps.append([:])
                if restartsNumbering { numberingMaps.append([:]) }
                render(body)
                if restartsNumbering { numberingMaps.removeLast() }
                idMaps.removeLast()
                evaluator.popLoopVariable()
            }
        case .unique(let kind, let original):
            let value = renumbered("\(kind):\(original)", original: original) { r in
                switch kind {
                case .number: defer { r.nextNumber += 1 }; return String(r.nextNumber)
                case .hex: defer { r.nextHex += 1 }; return String(r.nextHex, radix: 16, uppercase: true)
                case .name: defer { r.nextSuffix += 1 }; return "\(original)_\(r.nextSuffix)"
                }
            }
            XMLText.appendEscaped(value, attribute: true, to: &out)
        case .noteReference(let kind, let original):
            let value = renumbered("note-\(kind.rawValue):\(original)", original: original) { r in
                defer { r.nextNoteID += 1 }
                r.noteCopies.append((kind, String(r.nextNoteID), original))
                return String(r.nextNoteID)
            }
            XMLText.appendEscaped(value, attribute: true, to: &out)
        case .note(let kind, let id, let body):
            render(body)
            for copy in noteCopies where copy.kind == kind && copy.original == id {
                currentNoteID = copy.id
                render(body)
                currentNoteID = nil
            }
        case .noteID(let original):
            XMLText.appendEscaped(currentNoteID ?? original, attribute: true, to: &out)
        case .numbering(let original):
            guard !numberingMaps.isEmpty, original != "0" else { XMLText.appendEscaped(original, attribute: true, to: &out); return }
            let value: String
            if let given = numberingMaps[numberingMaps.count - 1][original] {
                value = given
            } else {
                value = String(nextNumbering)
                nextNumbering += 1
                numberingMaps[numberingMaps.count - 1][original] = value
                restarts.append((value, original))
            }
            XMLText.appendEscaped(value, attribute: true, to: &out)
        case .imageStart(let slot):
            renderImage(slot)
        case .imageValue(let slot, let attribute, let original):
            let value: String
            if let current = currentImages[slot] {
                value = attribute == .reference ? current.0 : attribute == .width ? current.1 : current.2
            } else {
                value = original
            }
            XMLText.appendEscaped(value, attribute: true, to: &out)
        case .imageIndex(let part):
            for item in media where item.relationships == part {
                let xml: String
                if format == .docx {
                    let target = item.path.hasPrefix("word/") ? String(item.path.dropFirst(5)) : item.path
                    xml = "<Relationship Id=\"\(item.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"\(target)\"/>"
                } else {
                    xml = "<manifest:file-entry manifest:full-path=\"\(item.path)\" manifest:media-type=\"\(item.image.kind.mediaType)\"/>"
                }
                out.append(contentsOf: Array(xml.utf8))
            }
        case .columnTable(let loop, let body):
            gridOffsets[loop.table] = nil
            repeatedColumns[loop.table] = nil
            render(body)
            let count = repeatedColumns[loop.table] ?? 0
            for patch in spanPatches.reversed() where patch.table == loop.table {
                let span = max(1, patch.span - (loop.perItem + 2) + count)
                out.insert(contentsOf: Array(String(span).utf8), at: patch.offset)
            }
            spanPatches.removeAll { $0.table == loop.table }
            if let offset = gridOffsets[loop.table], !loop.odfColumns.isEmpty {
                let repeated = Array(loop.odfColumns[(loop.first + 1)..<loop.last])
                var columns = Array(loop.odfColumns[..<loop.first])
                for i in 0..<count { columns.append(repeated[i % max(1, repeated.count)]) }
                columns += loop.odfColumns[(loop.last + 1)...]
                out.insert(contentsOf: Array(columns.joined().utf8), at: offset)
            } else if let offset = gridOffsets[loop.table] {
                let widths = loop.before + Array(repeating: count > 0 ? loop.shared / count : 0, count: count) + loop.after
                let grid = "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
                out.insert(contentsOf: Array(grid.utf8), at: offset)
            }
        case .columnGrid(let loop):
            gridOffsets[loop.table] = out.count
        case .columnCount(let loop):
            let count = loop.perItem * max(1, loopCounts.last ?? 1)
            repeatedColumns[loop.table] = max(repeatedColumns[loop.table] ?? 0, count)
        case .columnSpan(let loop, let span):
            spanPatches.append((out.count, loop.table, span))
        case .columnWidth(let loop):
            let count = loop.perItem * max(1, loopCounts.last ?? 1)
            repeatedColumns[loop.table] = max(repeatedColumns[loop.table] ?? 0, count)
            XMLText.appendEscaped(String(loop.shared / count), attribute: true, to: &out)
        case .numberingRestarts(let definitions):
            for (instance, original) in restarts {
                guard let abstract = definitions.abstractIDs[original] else { continue }
                var xml = "<w:num w:numId=\"\(instance)\"><w:abstractNumId w:val=\"\(abstract)\"/>"
                for level in 0..<9 {
                    xml += "<w:lvlOverride w:ilvl=\"\(level)\"><w:startOverride w:val=\"\(definitions.starts[original]?[level] ?? 1)\"/></w:lvlOverride>"
                }
                out.append(contentsOf: Array((xml + "</w:num>").utf8))
            }
        case .message(let id, let arguments, let location, let open, let close, let context):
            let text = evaluator.message(id: id, arguments: arguments.map { ($0.name, $0.expression) }, at: location)
            out.append(contentsOf: open)
            XMLText.append(text, context: context, to: &out)
            out.append(contentsOf: close)
        case .locale(let slot):
            let tag = locale.documentLanguage
            let parts = tag.split(separator: "-")
            let text: String = switch slot {
            case .tag: tag
            case .language: String(parts.first ?? "en")
            case .country: parts.count > 1 ? String(parts[1]) : ""
            }
            XMLText.appendEscaped(text, attribute: true, to: &out)
        case .cellContent(let body):
            let start = out.count
            render(body)
            if !out[start...].containsParagraphStart { out.append(contentsOf: Array("<w:p/>".utf8)) }
        }
    }
}

extension PieceRenderer {
    /// The id an element repeated by a loop has in this repetition: made by `make` the first
    /// time the repetition meets `key`, the same afterwards (a bookmark's start and end).
    /// Outside loops the template's own id.
    mutating func renumbered(_ key: String, original: String, make: (inout PieceRenderer) -> String) -> String {
        guard !idMaps.isEmpty else { return original }
        if let given = idMaps[idMaps.count - 1][key] { return given }
        let value = make(&self)
        idMaps[idMaps.count - 1][key] = value
        return value
    }

    /// Evaluates a picture's expression and, when it gives an image, adds the image to the
    /// package, sized to fit the placeholder's box with its aspect ratio kept.
    mutating func renderImage(_ slot: ImageSlot) {
        currentImages[slot.id] = nil
        let value = evaluator.value(of: slot.expression, at: slot.location)
        let reference: String
        switch value {
        case .null: return
        case .string(let s) where s.isEmpty: return
        case .string(let s): reference = s
        default:
            evaluator.fail("office.image", "the picture's {{ image … }} gives \(value.typeName), not a file name or a data: URI", at: slot.location)
            return
        }
        let image: ImageData
        do {
            image = try ImageFile.load(reference, folder: folder, limits: evaluator.limits.imageLimits)
        } catch {
            evaluator.fail("office.image", "the picture's image: \(error.message)", at: slot.location, suggestion: error.suggestion)
            return
        }
        let path: String, id: String
        if let existing = media.first(where: { $0.image.bytes == image.bytes && $0.relationships == slot.relationships }) {
            path = existing.path
            id = existing.id
        } else {
            let n = media.count + 1
            path = format == .docx ? "word/media/formwright-image-\(n).\(image.kind.fileExtension)" : "Pictures/formwright-image-\(n).\(image.kind.fileExtension)"
            id = format == .docx ? "rIdFormwrightImage\(n)" : path
            media.append((path, image, slot.relationships, id))
        }
        let (width, height) = Self.fitted(image, width: slot.width, height: slot.height)
        if format == .docx {
            currentImages[slot.id] = (id, String(Int(width.rounded())), String(Int(height.rounded())))
        } else {
            func length(_ v: Double) -> String {
                let text = String(format: "%.4f", v)
                var trimmed = Substring(text)
                while trimmed.hasSuffix("0") { trimmed.removeLast() }
                if trimmed.hasSuffix(".") { trimmed.removeLast() }
                return trimmed + slot.unit
            }
            currentImages[slot.id] = (path, length(width), length(height))
        }
    }

    /// The largest size with the image's aspect ratio that fits in `width` × `height`.
    static func fitted(_ image: ImageData, width boxWidth: Double, height boxHeight: Double) -> (Double, Double) {
        let scale = min(boxWidth / Double(image.pixelWidth), boxHeight / Double(image.pixelHeight))
        return (Double(image.pixelWidth) * scale, Double(image.pixelHeight) * scale)
    }
}

extension ArraySlice<UInt8> {
    /// Whether a `<w:p>` or `<w:p …>` starts somewhere in these bytes.
    var containsParagraphStart: Bool {
        let pattern: [UInt8] = Array("<w:p".utf8)
        var i = startIndex
        while i + pattern.count < endIndex {
            if self[i] == 0x3C, self[i + 1] == pattern[1], self[i + 2] == pattern[2], self[i + 3] == pattern[3] {
                let next = self[i + 4]
                if next == 0x3E || next == 0x20 || next == 0x2F { return true }
            }
            i += 1
        }
        return false
    }
}

/// Escaping for the bytes written into parts.
enum XMLText {
    static func appendEscaped(_ text: String, attribute: Bool, to out: inout [UInt8]) {
        XMLWriter.appendEscaped(text, attribute: attribute, to: &out)
    }

    /// A value where a tag stood, with line breaks, tabs and runs of spaces marked up as the
    /// format needs.
    static func append(_ text: String, context: TextContext, to out: inout [UInt8]) {
        switch context {
        case .plain:
            appendEscaped(text, attribute: false, to: &out)
        case .wordRun:
            var first = true
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                if !first { out.append(contentsOf: Array("</w:t><w:br/><w:t xml:space=\"preserve\">".utf8)) }
                first = false
                var firstTab = true
                for segment in line.split(separator: "\t", omittingEmptySubsequences: false) {
                    if !firstTab { out.append(contentsOf: Array("</w:t><w:tab/><w:t xml:space=\"preserve\">".utf8)) }
                    firstTab = false
                    appendEscaped(String(segment), attribute: false, to: &out)
                }
            }
        case .odfParagraph:
            var spaces = 0
            var atStart = true
            func flushSpaces(_ out: inout [UInt8]) {
                guard spaces > 0 else { return }
                // One space is kept as it is unless it starts the value; the rest would collapse.
                if atStart { out.append(contentsOf: Array(spaces == 1 ? "<text:s/>".utf8 : "<text:s text:c=\"\(spaces)\"/>".utf8)) }
                else {
                    out.append(0x20)
                    if spaces > 1 { out.append(contentsOf: Array((spaces == 2 ? "<text:s/>" : "<text:s text:c=\"\(spaces - 1)\"/>").utf8)) }
                }
                spaces = 0
            }
            for scalar in text.unicodeScalars {
                switch scalar {
                case " ": spaces += 1
                case "\n": flushSpaces(&out); out.append(contentsOf: Array("<text:line-break/>".utf8)); atStart = true
                case "\t": flushSpaces(&out); out.append(contentsOf: Array("<text:tab/>".utf8)); atStart = true
                default:
                    flushSpaces(&out)
                    atStart = false
                    appendEscaped(String(scalar), attribute: false, to: &out)
                }
            }
            // Trailing spaces would collapse at the end of a paragraph: keep them as marks.
            if spaces > 0 { atStart = true; flushSpaces(&out) }
        }
    }
}
