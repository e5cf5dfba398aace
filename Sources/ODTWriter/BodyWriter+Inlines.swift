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

        /// Visible content next to which a single space survives ODF's white-space collapsing.
        var isContent: Bool {
            switch self {
            case .text, .checkbox, .field: true
            case .spaces, .tab, .lineBreak: false
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
            case .link(let link): for piece in Self.pieces(link.content) { append(piece) }
            case .image, .footnote: break  // not written yet
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
            case .text, .spaces: break
            }
            index += 1
        }
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
