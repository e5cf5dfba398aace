import DocumentModel
import XMLSupport

extension BodyWriter {
    /// Inline content cut into what ODF writes differently: words, runs of spaces (which
    /// ODF would collapse), tabs and line breaks (which ODF would read as spaces).
    enum Piece: Equatable {
        case text(String, Marks)
        case spaces(Int, Marks)
        case tab
        case lineBreak
        case checkbox(Bool)
        case field(Field)
        /// Where `text:a` opens and closes; the pieces between are the linked text.
        case linkStart(LinkTarget)
        case linkEnd
        case footnote(Footnote)
        case image(Image)

        /// Visible content next to which a single space survives ODF's white-space collapsing.
        var isContent: Bool {
            switch self {
            case .text, .checkbox, .field, .footnote, .image: true
            case .spaces, .tab, .lineBreak, .linkStart, .linkEnd: false
            }
        }

        var marks: Marks? {
            switch self {
            case .text(_, let marks), .spaces(_, let marks): marks
            default: nil
            }
        }
    }

    static func pieces(_ inlines: [Inline]) -> [Piece] {
        var pieces: [Piece] = []
        func append(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (.spaces(let n, let m)?, .spaces(let k, let marks)) where m == marks:
                pieces[pieces.count - 1] = .spaces(n + k, m)
            case (.text(let before, let m)?, .text(let after, let marks)) where m == marks:
                // A word continued in the next inline with the same marks is one word.
                pieces[pieces.count - 1] = .text(before + after, m)
            default:
                pieces.append(piece)
            }
        }
        for inline in inlines {
            switch inline {
            case .text(let string, let marks): appendText(string, marks: marks, to: append)
            case .checkbox(let checked): append(.checkbox(checked))
            case .field(let field): append(.field(field))
            case .lineBreak: append(.lineBreak)
            case .tab: append(.tab)
            case .link(let link):
                append(.linkStart(link.target))
                for piece in Self.pieces(link.content) { append(piece) }
                append(.linkEnd)
            case .footnote(let note): append(.footnote(note))
            case .image(let image): append(.image(image))
            }
        }
        return pieces
    }

    /// What a byte of UTF-8 text starts, for ``pieces(_:)``: a space, a tab, a line break
    /// (LF, CR, CR LF, VT, FF, NEL, LS, PS) with its length in bytes, or other text.
    private enum Separator { case space, tab, lineBreak(Int), none }

    private static func separator(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Separator {
        switch bytes[index] {
        case 0x20: return .space
        case 0x09: return .tab
        case 0x0A, 0x0B, 0x0C: return .lineBreak(1)
        case 0x0D: return .lineBreak(index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1)
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return .lineBreak(2)
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return .lineBreak(3)
        default: return .none
        }
    }

    /// Cuts one text inline into pieces, working on its UTF-8 bytes (walking `Character`s
    /// cost more than everything else in writing a paragraph). A single space between two
    /// words stays inside the text piece: it is written as is either way.
    private static func appendText(_ string: String, marks: Marks, to append: (Piece) -> Void) {
        var string = string
        string.withUTF8 { bytes in
            var wordStart = 0
            var index = 0
            func endWord() {
                if index > wordStart {
                    append(.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self), marks))
                }
            }
            while index < bytes.count {
                switch separator(at: index, in: bytes) {
                case .none:
                    index += 1
                case .space:
                    if index > wordStart, index + 1 < bytes.count, case .none = separator(at: index + 1, in: bytes) {
                        index += 1
                        continue
                    }
                    endWord()
                    var end = index
                    while end < bytes.count && bytes[end] == 0x20 { end += 1 }
                    append(.spaces(end - index, marks))
                    index = end
                    wordStart = end
                case .tab:
                    endWord()
                    append(.tab)
                    index += 1
                    wordStart = index
                case .lineBreak(let length):
                    endWord()
                    append(.lineBreak)
                    index += length
                    wordStart = index
                }
            }
            endWord()
        }
    }

    mutating func writeInlines(_ inlines: [Inline]) {
        let pieces = Self.pieces(inlines)
        var index = 0
        while index < pieces.count {
            if let marks = pieces[index].marks {
                var end = index
                while end < pieces.count, pieces[end].marks == marks { end += 1 }
                if !marks.isEmpty { xml.open("text:span", ["text:style-name": styles.text(marks)]) }
                for i in index..<end { writeRun(pieces, at: i) }
                if !marks.isEmpty { xml.close() }
                index = end
                continue
            }
            switch pieces[index] {
            case .tab: xml.element("text:tab")
            case .lineBreak: xml.element("text:line-break")
            case .checkbox(let checked):
                // Arial and Liberation Sans have no ballot boxes: the glyph gets a font that has them.
                xml.element("text:span", ["text:style-name": styles.symbol()], text: checked ? Inline.checkedBox : Inline.uncheckedBox)
            case .field(.pageNumber): xml.element("text:page-number", ["text:select-page": "current"], text: "1")
            case .field(.pageCount): xml.element("text:page-count", text: "1")
            case .linkStart(let target):
                // Links do not nest (``Link``), so the next `.linkEnd` closes this one.
                usesLinks = true
                xml.open("text:a", attributes: [
                    ("xlink:type", "simple"), ("xlink:href", target.url), ("text:style-name", Self.linkStyle),
                    ("text:visited-style-name", Self.linkStyle),
                ])
            case .linkEnd: xml.close()
            case .footnote(let note): writeFootnote(note)
            case .image(let image): writeFrame(image)
            case .text, .spaces: break
            }
            index += 1
        }
    }

    /// The named text style of links ("Internet link", as LibreOffice calls it).
    static let linkStyle = "Internet_20_link"
    /// The paragraph style of footnote text.
    static let footnoteStyle = "Footnote"

    /// `text:note`: the citation is numbered by the office suite when it lays out the
    /// document; the number written here is only the first guess. Headers and footers
    /// cannot hold notes, so there the note is left out.
    private mutating func writeFootnote(_ note: Footnote) {
        guard allowsNotes else { return }
        noteCount += 1
        xml.open("text:note", ["text:id": "ftn\(noteCount)", "text:note-class": "footnote"])
        xml.element("text:note-citation", text: String(noteCount))
        xml.open("text:note-body")
        xml.open("text:p", ["text:style-name": Self.footnoteStyle])
        writeInlines(note.content)
        xml.close()
        xml.close()
        xml.close()
    }

    /// A picture as a character of the line (`as-char`), so it sits on the baseline and
    /// moves with the text, as DOCX's `wp:inline` does. The picture itself is stored once in
    /// `Pictures/` (see ``ODTWriter/parts(of:)``).
    mutating func writeFrame(_ image: Image) {
        frameCount += 1
        xml.open("draw:frame", attributes: [
            ("draw:style-name", styles.imageFrame()), ("draw:name", "\(styles.prefix)Image\(frameCount)"),
            ("text:anchor-type", "as-char"), ("svg:width", image.width.odf), ("svg:height", image.height.odf),
            ("draw:z-index", "0"),
        ])
        xml.element("draw:image", [
            "xlink:href": ODTWriter.picturePath(image.data), "xlink:type": "simple", "xlink:show": "embed", "xlink:actuate": "onLoad",
        ])
        // The description, where LibreOffice puts a DOCX picture's `descr`. Not also the
        // title: LibreOffice joins both into the PDF's alternate text, so it would be read twice.
        if !image.alternativeText.isEmpty { xml.element("svg:desc", text: image.alternativeText) }
        xml.close()
    }

    /// One word or run of spaces. A single space between two pieces of content is written
    /// as is; every other space becomes `<text:s/>`, which ODF never collapses.
    private mutating func writeRun(_ pieces: [Piece], at index: Int) {
        switch pieces[index] {
        case .text(let string, _):
            xml.text(string)
        case .spaces(let count, _):
            let before = index > 0 && pieces[index - 1].isContent
            let after = index + 1 < pieces.count && pieces[index + 1].isContent
            var remaining = count
            if before && after {
                xml.text(" ")
                remaining -= 1
            }
            if remaining == 1 {
                xml.element("text:s")
            } else if remaining > 1 {
                xml.element("text:s", ["text:c": String(remaining)])
            }
        default:
            break
        }
    }
}
