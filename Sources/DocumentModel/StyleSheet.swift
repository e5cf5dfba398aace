/// The named paragraph styles every document has. Each is defined once in a
/// ``StyleSheet`` and mapped by the writers to an ODF style and a WordprocessingML style.
public enum StyleName: String, Sendable, Hashable, CaseIterable {
    case title, heading1, heading2, heading3, body, small, tableHeader, tableCell, signature, signatureLine, header, footer

    /// The style used for a heading of `level` (1...3).
    public static func heading(_ level: Int) -> StyleName {
        switch level {
        case 1: .heading1
        case 2: .heading2
        default: .heading3
        }
    }

    /// Human-readable name shown in the office suite's style list.
    public var displayName: String {
        switch self {
        case .title: "Title"
        case .heading1: "Heading 1"
        case .heading2: "Heading 2"
        case .heading3: "Heading 3"
        case .body: "Body Text"
        case .small: "Small Print"
        case .tableHeader: "Table Heading"
        case .tableCell: "Table Contents"
        case .signature: "Signature"
        case .signatureLine: "Signature Line"
        case .header: "Header"
        case .footer: "Footer"
        }
    }

    /// Outline level for headings (1...3), nil for other styles.
    public var outlineLevel: Int? {
        switch self {
        case .heading1: 1
        case .heading2: 2
        case .heading3: 3
        default: nil
        }
    }
}

/// How one named style looks.
public struct ParagraphStyle: Sendable, Hashable {
    public var fontSize: Double  // points
    public var bold: Bool
    public var italic: Bool
    public var alignment: Alignment
    public var spaceBefore: Length
    public var spaceAfter: Length
    public var keepWithNext: Bool
    /// Whether lines may break inside words at a hyphen (on in the document's language);
    /// headings keep their words whole.
    public var hyphenate: Bool

    public init(
        fontSize: Double, bold: Bool = false, italic: Bool = false, alignment: Alignment = .start,
        spaceBefore: Length = .pt(0), spaceAfter: Length = .pt(6), keepWithNext: Bool = false, hyphenate: Bool = true
    ) {
        self.hyphenate = hyphenate
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.alignment = alignment
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext
    }
}

/// Font and named styles of a document.
public struct StyleSheet: Sendable, Hashable {
    /// The font of all text: one with Cyrillic, Romanian comma-below letters (ș ț) and
    /// Italian accented letters. The default, Arial, is on every Windows machine with Word;
    /// LibreOffice on Linux prints it with the metric-compatible Liberation Sans, so lines
    /// and pages break the same in both.
    public var fontFamily: String
    public var styles: [StyleName: ParagraphStyle]
    /// Background of header cells in tables.
    public var headerShading: String
    /// Colour of the text as six hex digits, or nil for the office suite's automatic colour.
    public var textColor: String?

    public init(fontFamily: String, styles: [StyleName: ParagraphStyle], headerShading: String, textColor: String? = nil) {
        self.fontFamily = fontFamily
        self.styles = styles
        self.headerShading = headerShading
        self.textColor = textColor
    }

    /// The same styles with every font size scaled so that body text is `size` points.
    public func scaled(toBodySize size: Double) -> StyleSheet {
        let factor = size / self[.body].fontSize
        var copy = self
        for name in StyleName.allCases {
            var style = self[name]
            style.fontSize = (style.fontSize * factor * 2).rounded() / 2
            copy.styles[name] = style
        }
        return copy
    }

    /// The font of the checkbox glyphs ☐ ☒, which Arial and Liberation Sans lack: the
    /// writers set it on those characters only.
    public static let symbolFontFamily = "DejaVu Sans"

    /// A line's height as a multiple of the font size at single spacing: Arial's and
    /// Liberation Sans's ascent and descent (1854 + 434 units of 2048) with the rounding
    /// office suites add. Used to estimate heights (room for a seal), never to lay out text.
    public static let lineHeightFactor = 1.15

    /// The font documents use unless the template or letterhead names another.
    public static let defaultFontFamily = "Arial"

    public subscript(name: StyleName) -> ParagraphStyle { styles[name] ?? StyleSheet.standard.styles[name]! }

    public static let standard = StyleSheet(
        fontFamily: StyleSheet.defaultFontFamily,
        styles: [
            .title: ParagraphStyle(fontSize: 16, bold: true, alignment: .center, spaceBefore: .pt(0), spaceAfter: .pt(12), keepWithNext: true, hyphenate: false),
            .heading1: ParagraphStyle(fontSize: 14, bold: true, spaceBefore: .pt(12), spaceAfter: .pt(6), keepWithNext: true, hyphenate: false),
            .heading2: ParagraphStyle(fontSize: 12, bold: true, spaceBefore: .pt(10), spaceAfter: .pt(4), keepWithNext: true, hyphenate: false),
            .heading3: ParagraphStyle(fontSize: 11, bold: true, italic: true, spaceBefore: .pt(8), spaceAfter: .pt(4), keepWithNext: true, hyphenate: false),
            .body: ParagraphStyle(fontSize: 10.5, alignment: .justify, spaceAfter: .pt(6)),
            .small: ParagraphStyle(fontSize: 8.5, spaceAfter: .pt(4)),
            .tableHeader: ParagraphStyle(fontSize: 10, bold: true, spaceAfter: .pt(2)),
            .tableCell: ParagraphStyle(fontSize: 10, spaceAfter: .pt(2)),
            .signature: ParagraphStyle(fontSize: 10, spaceAfter: .pt(4)),
            // Room above the line to sign by hand: about 12 mm with the line itself.
            .signatureLine: ParagraphStyle(fontSize: 10, spaceBefore: .mm(8), spaceAfter: .pt(4), keepWithNext: true),
            .header: ParagraphStyle(fontSize: 8.5, alignment: .end, spaceAfter: .pt(0)),
            .footer: ParagraphStyle(fontSize: 8.5, alignment: .center, spaceAfter: .pt(0)),
        ],
        headerShading: "D9D9D9")
}

extension StyleSheet {
    /// The kind of font a family is, for office suites that lack it and pick another:
    /// `swiss` (sans serif), `roman` (serif) or `modern` (fixed pitch). ODF and
    /// WordprocessingML use the same three words.
    public static func genericFamily(of family: String) -> String {
        let name = family.lowercased()
        if name.contains("mono") || name.contains("courier") { return "modern" }
        if name.contains("sans") || name.contains("arial") { return "swiss" }
        if name.contains("serif") || name.contains("times") || name.contains("georgia") || name.contains("garamond") { return "roman" }
        return "swiss"
    }
}
