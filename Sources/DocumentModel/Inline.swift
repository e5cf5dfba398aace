/// Character formatting of a text run.
public struct Marks: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Marks(rawValue: 1)
    public static let italic = Marks(rawValue: 2)
    public static let underline = Marks(rawValue: 4)
}

/// A page-dependent value filled in by the office suite when it lays out the document.
public enum Field: String, Sendable, Hashable {
    case pageNumber, pageCount
}

/// Inline content of paragraphs and headings.
public enum Inline: Sendable, Hashable {
    /// Text. Any characters are allowed; writers escape them and drop those XML cannot hold.
    case text(String, marks: Marks = [])
    /// A tick box: ☒ when checked, ☐ when not.
    case checkbox(checked: Bool)
    case field(Field)
    case lineBreak
    case tab
    /// A picture in the line of text, sitting on the baseline.
    case image(Image)
    /// Linked text.
    case link(Link)
    /// A footnote mark here, with its text at the foot of the page.
    case footnote(Footnote)

    public static func text(_ string: String) -> Inline { .text(string, marks: []) }

    /// The glyphs used for checkboxes; both writers print them in a font that has them.
    public static let checkedBox = "\u{2612}"
    public static let uncheckedBox = "\u{2610}"
}

extension Array where Element == Inline {
    /// The plain text, with fields shown as `#` and checkboxes as their glyph.
    public var plainText: String {
        map { inline -> String in
            switch inline {
            case .text(let s, _): s
            case .checkbox(let checked): checked ? Inline.checkedBox : Inline.uncheckedBox
            case .field: "#"
            case .lineBreak: "\n"
            case .tab: "\t"
            case .image(let image): image.alternativeText.isEmpty ? "" : "[\(image.alternativeText)]"
            case .link(let link): link.content.plainText
            case .footnote: ""
            }
        }.joined()
    }
}
