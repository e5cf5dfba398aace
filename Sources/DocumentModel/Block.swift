/// A block-level element of a ``Document``.
public enum Block: Sendable, Hashable {
    case heading(Heading)
    case paragraph(Paragraph)
    case list(List)
    case table(Table)
    /// Starts a new page.
    case pageBreak
    /// Signature blocks laid out in a grid (two per row by default).
    case signatures(SignatureGrid)
    /// A picture on its own line.
    case image(Image, alignment: Alignment = .start)
    /// Blocks on pages of their own size or orientation (an annex table in landscape).
    /// The section starts on a new page, and the page after it returns to the document's.
    case section(Section)
}

/// Blocks printed on pages laid out by `page`, with the document's header and footer.
public struct Section: Sendable, Hashable {
    public var page: PageSetup
    public var body: [Block]

    public init(page: PageSetup, body: [Block]) {
        self.page = page
        self.body = body
    }
}

/// Where the content of a table cell sits between its top and bottom edges.
public enum VerticalAlignment: String, Sendable, Hashable {
    case top, center, bottom
}

public enum Alignment: String, Sendable, Hashable {
    case start, center, end, justify
}

/// A heading of level 1, 2 or 3. Headings keep with the next block.
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var content: [Inline]

    public init(level: Int, _ content: [Inline]) {
        precondition((1...3).contains(level), "heading level must be 1...3")
        self.level = level
        self.content = content
    }
}

/// A paragraph in one of the named styles, optionally opening with a computed
/// ``NumberLabel`` (legal paragraphs and letters).
public struct Paragraph: Sendable, Hashable {
    public var style: StyleName
    public var alignment: Alignment?
    public var keepWithNext: Bool
    public var content: [Inline]
    /// Printed before `content`, with the paragraph's lines hanging after it.
    public var label: NumberLabel?

    public init(
        _ content: [Inline], style: StyleName = .body, alignment: Alignment? = nil, keepWithNext: Bool = false,
        label: NumberLabel? = nil
    ) {
        self.content = content
        self.style = style
        self.alignment = alignment
        self.keepWithNext = keepWithNext
        self.label = label
    }
}

/// A bulleted or numbered list. Items hold blocks, so lists nest by putting a
/// ``Block/list(_:)`` inside an item.
public struct List: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case bulleted, numbered }
    public var kind: Kind
    public var items: [ListItem]

    public init(_ kind: Kind, items: [ListItem]) {
        self.kind = kind
        self.items = items
    }

    /// How far each nesting level indents an item's text; its bullet or number hangs one
    /// step to the left. The one value both writers use, so lists wrap alike in ODT and DOCX.
    public static let indentStep = Length.mm(6.35)

    /// The deepest nesting level below this list (a flat list has depth 1).
    public var depth: Int {
        1 + (items.flatMap(\.blocks).compactMap { block -> Int? in
            if case .list(let inner) = block { return inner.depth }
            return nil
        }.max() ?? 0)
    }
}

public struct ListItem: Sendable, Hashable {
    public var blocks: [Block]
    public init(_ blocks: [Block]) { self.blocks = blocks }
}

/// A table with fixed column widths, optional header rows repeated on every page,
/// cell borders and cell shading.
public struct Table: Sendable, Hashable {
    public var columns: [Length]
    /// The first `headerRows` rows repeat at the top of every page the table spans.
    public var headerRows: Int
    public var rows: [TableRow]
    public var borders: Bool
    /// Space between a cell's border and its content, on each side; the same in both writers.
    public var cellPadding: Length
    /// Whether a row may break across pages. False by default, so a row is printed whole
    /// on one page (a receipt, an amount with its label); a table of long free-text rows opts
    /// out, and a single ``TableRow/maySplit`` row can too.
    public var rowsMaySplit: Bool
    /// Whether the whole table stays on one page, as far as it fits (signature grids).
    public var keepTogether: Bool

    /// The padding tables get unless they say otherwise.
    public static let defaultCellPadding = Length.mm(1.5)

    public init(
        columns: [Length], headerRows: Int = 0, rows: [TableRow], borders: Bool = true, cellPadding: Length = Table.defaultCellPadding,
        rowsMaySplit: Bool = false, keepTogether: Bool = false
    ) {
        self.columns = columns
        self.headerRows = headerRows
        self.rows = rows
        self.borders = borders
        self.cellPadding = cellPadding
        self.rowsMaySplit = rowsMaySplit
        self.keepTogether = keepTogether
    }

    /// Whether the row at `index` must stay on one page: header rows always, the others
    /// unless the table or the row allows splitting.
    public func rowKeepsTogether(_ index: Int) -> Bool {
        if index < headerRows { return true }
        return !rowsMaySplit && !rows[index].maySplit
    }

    /// Columns of equal width filling `width`.
    public static func equalColumns(_ count: Int, width: Length) -> [Length] {
        guard count > 0 else { return [] }
        let each = width.hundredthsOfMillimetre / count
        return Array(repeating: Length(hundredthsOfMillimetre: each), count: count)
    }
}

public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    /// This row may break across pages even when its table's rows do not (a long free-text row).
    public var maySplit: Bool
    /// The least height of the row (room to sign and stamp), or nil for its content's height.
    public var minimumHeight: Length?

    public init(_ cells: [TableCell], maySplit: Bool = false, minimumHeight: Length? = nil) {
        self.cells = cells
        self.maySplit = maySplit
        self.minimumHeight = minimumHeight
    }
}

public struct TableCell: Sendable, Hashable {
    public var blocks: [Block]
    /// Background colour as six hex digits (`"D9D9D9"`), or nil for none.
    public var shading: String?
    public var columnSpan: Int
    /// Horizontal alignment of the cell's paragraphs that do not set their own.
    public var alignment: Alignment?
    /// Vertical alignment of the content; nil is the top.
    public var verticalAlignment: VerticalAlignment?

    public init(
        _ blocks: [Block], shading: String? = nil, columnSpan: Int = 1, alignment: Alignment? = nil,
        verticalAlignment: VerticalAlignment? = nil
    ) {
        self.blocks = blocks
        self.shading = shading
        self.columnSpan = max(1, columnSpan)
        self.alignment = alignment
        self.verticalAlignment = verticalAlignment
    }
}
