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
        // Characters of the word being read, appended to `pieces` when it ends.
        var word = ""
        var wordMarks: Marks = []
        func endWord() {
            if !word.isEmpty { pieces.append(.text(word, wordMarks)) }
            word = ""
        }
        func append(_ piece: Piece) {
            endWord()
            if case .spaces(let n, let m)? = pieces.last, case .spaces(let k, let marks) = piece, m == marks {
                pieces[pieces.count - 1] = .spaces(n + k, m)
            } else {
                pieces.append(piece)
            }
        }
        for inline in inlines {
            switch inline {
            case .text(let string, let marks):
                if marks != wordMarks { endWord() }
                wordMarks = marks
                for character in string {
                    switch character {
                    case " ": append(.spaces(1, marks))
                    case "\t": append(.tab)
                    case "\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}": append(.lineBreak)
                    default: word.append(character)
                    }
                }
            case .checkbox(let checked): append(.checkbox(checked))
            case .field(let field): append(.field(field))
            case .lineBreak: append(.lineBreak)
            case .tab: append(.tab)
            }
        }
        endWord()
        return pieces
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
            case .checkbox(let checked): xml.text(checked ? Inline.checkedBox : Inline.uncheckedBox)
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
