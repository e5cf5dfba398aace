import DocumentModel
import XMLSupport

/// The automatic styles one part (`content.xml` or `styles.xml`) needs, collected while its
/// body is written and named in order of first use (`P1`, `T1`, `Cell1`…), so names are
/// stable for a given document.
///
/// Each part has its own set: ODF does not let `content.xml` refer to the automatic styles
/// of `styles.xml` or the other way round. The `prefix` keeps the two sets apart for a
/// human reading both parts.
struct AutomaticStyles {
    /// A paragraph that differs from its named style.
    struct ParagraphKey: Hashable {
        var parent: StyleName
        var alignment: Alignment?
        var keepWithNext: Bool
        var breakBefore: Bool
        /// The indentation of a paragraph with a ``NumberLabel``.
        var indent: LabelIndent? = nil
        /// The master page the paragraph starts (a section, or the first page).
        var masterPage: String? = nil
    }

    /// A labelled paragraph's indentation: the text at the label's level, the first line
    /// one step out when it carries a label (a continuation paragraph has none).
    struct LabelIndent: Hashable {
        var level: Int
        var hanging: Bool

        init(_ label: NumberLabel) {
            level = label.level
            hanging = !label.text.isEmpty
        }
    }

    /// A cell's look. Neighbouring cells share one border line, as in LibreOffice's own
    /// tables: each cell draws its left and bottom edge, the first row also its top edge and
    /// the last column also its right edge. Drawing all four everywhere would double every
    /// inner line.
    struct CellKey: Hashable {
        var borders: Bool
        /// `#RRGGBB` or nil.
        var background: String?
        var top: Bool
        var right: Bool
        /// ``Table/cellPadding``: on all four sides of a bordered cell, above and below a
        /// borderless one.
        var padding: Length
        var verticalAlignment: VerticalAlignment?

        init(
            borders: Bool, background: String?, top: Bool, right: Bool, padding: Length = Table.defaultCellPadding,
            verticalAlignment: VerticalAlignment? = nil
        ) {
            self.borders = borders
            self.background = background
            self.top = borders && top
            self.right = borders && right
            self.padding = padding
            self.verticalAlignment = verticalAlignment == .top ? nil : verticalAlignment
        }
    }

    /// A row that stays on one page, or has a least height (or both).
    struct RowKey: Hashable {
        var keepTogether: Bool
        var minimumHeight: Length?
    }

    struct TableStyle {
        var name: String
        var width: Length
        var columns: [Length]
        /// Left indentation, for a table inside a list item.
        var indent: Length?
        var breakBefore: Bool
        var isSignatureGrid: Bool
        /// No page break between rows (``Table/keepTogether``).
        var keepTogether: Bool = false
        /// The master page the table starts (a section), written on its style.
        var masterPage: String? = nil

        func columnStyleName(_ index: Int) -> String { "\(name).\(columnLetters(index))" }
    }

    /// Styles of one kind, named `<prefix><kind><n>` in order of first use.
    struct NameTable<Key: Hashable> {
        let stem: String
        private(set) var keys: [Key] = []
        private var names: [Key: String] = [:]

        init(stem: String) { self.stem = stem }

        /// The key's name, registering it on first use.
        mutating func name(for key: Key) -> String {
            if let name = names[key] { return name }
            let name = "\(stem)\(keys.count + 1)"
            keys.append(key)
            names[key] = name
            return name
        }

        subscript(key: Key) -> String { names[key]! }
    }

    let prefix: String
    private var paragraphNames: NameTable<ParagraphKey>
    private var textNames: NameTable<Marks>
    private var cellNames: NameTable<CellKey>
    private var rowNames: NameTable<RowKey>
    private(set) var tables: [TableStyle] = []
    private(set) var usesImageFrame = false
    private(set) var usesSymbolFont = false

    init(prefix: String) {
        self.prefix = prefix
        paragraphNames = NameTable(stem: "\(prefix)P")
        textNames = NameTable(stem: "\(prefix)T")
        cellNames = NameTable(stem: "\(prefix)Cell")
        rowNames = NameTable(stem: "\(prefix)Row")
    }

    mutating func paragraph(_ key: ParagraphKey) -> String { paragraphNames.name(for: key) }

    mutating func text(_ marks: Marks) -> String { textNames.name(for: marks) }

    mutating func cell(_ key: CellKey) -> String { cellNames.name(for: key) }

    /// Registers a new table and returns its style (whose name is also the table's name).
    mutating func table(
        width: Length, columns: [Length], indent: Length?, breakBefore: Bool, isSignatureGrid: Bool, keepTogether: Bool = false,
        masterPage: String? = nil
    ) -> TableStyle {
        let style = TableStyle(
            name: "\(prefix)Table\(tables.count + 1)", width: width, columns: columns, indent: indent,
            breakBefore: breakBefore, isSignatureGrid: isSignatureGrid, keepTogether: keepTogether, masterPage: masterPage)
        tables.append(style)
        return style
    }

    /// The style of a row kept on one page or given a least height.
    mutating func row(_ key: RowKey) -> String { rowNames.name(for: key) }

    /// The graphic style of pictures in the text: no border, padding or margin, so the
    /// picture is exactly as large as asked, sitting on the baseline.
    mutating func imageFrame() -> String {
        usesImageFrame = true
        return imageFrameName
    }

    private var imageFrameName: String { "\(prefix)Frame1" }

    /// The text style of checkbox glyphs, in ``StyleSheet/symbolFontFamily``.
    mutating func symbol() -> String {
        usesSymbolFont = true
        return symbolName
    }

    private var symbolName: String { "\(prefix)Symbol" }

    /// Writes every style used, in a fixed order, into an open `<office:automatic-styles>`.
    func write(into xml: inout XMLWriter, sheet: StyleSheet) {
        for table in tables { writeTable(table, into: &xml) }
        for key in rowNames.keys {
            xml.open("style:style", ["style:name": rowNames[key], "style:family": "table-row"])
            var properties: [(String, String)] = []
            if let height = key.minimumHeight { properties.append(("style:min-row-height", height.odf)) }
            properties.append(("fo:keep-together", key.keepTogether ? "always" : "auto"))
            xml.open("style:table-row-properties", attributes: properties)
            xml.close()
            xml.close()
        }
        for key in cellNames.keys { writeCell(key, into: &xml) }
        if usesImageFrame {
            xml.open("style:style", ["style:name": imageFrameName, "style:family": "graphic"])
            xml.open("style:graphic-properties", attributes: [
                ("style:vertical-pos", "top"), ("style:vertical-rel", "baseline"),
                ("fo:margin-left", "0mm"), ("fo:margin-right", "0mm"), ("fo:margin-top", "0mm"), ("fo:margin-bottom", "0mm"),
                ("fo:padding", "0mm"), ("fo:border", "none"),
            ])
            xml.close()
            xml.close()
        }
        for key in paragraphNames.keys { writeParagraph(key, into: &xml, sheet: sheet) }
        for marks in textNames.keys {
            xml.open("style:style", ["style:name": textNames[marks], "style:family": "text"])
            xml.open("style:text-properties", attributes: Self.textProperties(marks))
            xml.close()
            xml.close()
        }
        if usesSymbolFont {
            xml.open("style:style", ["style:name": symbolName, "style:family": "text"])
            let font = StyleSheet.symbolFontFamily
            xml.element("style:text-properties", [
                "style:font-name": font, "style:font-name-asian": font, "style:font-name-complex": font,
            ])
            xml.close()
        }
    }

    private func writeTable(_ table: TableStyle, into xml: inout XMLWriter) {
        var attributes = [("style:name", table.name), ("style:family", "table")]
        if let master = table.masterPage { attributes.append(("style:master-page-name", master)) }
        xml.open("style:style", attributes: attributes)
        var properties = [
            ("style:width", table.width.odf),
            ("table:align", "left"),
            // No space around a table, as in DOCX, where tables have none: the paragraphs
            // around it give their own (signatures have room above their signature line).
            ("fo:margin-top", "0mm"),
            ("fo:margin-bottom", "0mm"),
        ]
        if table.keepTogether { properties.append(("style:may-break-between-rows", "false")) }
        if let indent = table.indent { properties.append(("fo:margin-left", indent.odf)) }
        if table.breakBefore { properties.append(("fo:break-before", "page")) }
        xml.open("style:table-properties", attributes: properties)
        xml.close()
        xml.close()
        for (index, width) in table.columns.enumerated() {
            xml.open("style:style", ["style:name": table.columnStyleName(index), "style:family": "table-column"])
            xml.element("style:table-column-properties", ["style:column-width": width.odf])
            xml.close()
        }
    }

    private func writeCell(_ key: CellKey, into xml: inout XMLWriter) {
        xml.open("style:style", ["style:name": cellNames[key], "style:family": "table-cell"])
        var properties: [(String, String)] = []
        if let background = key.background { properties.append(("fo:background-color", background)) }
        if key.borders {
            let line = "0.5pt solid #000000"
            properties += [
                ("fo:padding", key.padding.odf),
                ("fo:border-left", line), ("fo:border-right", key.right ? line : "none"),
                ("fo:border-top", key.top ? line : "none"), ("fo:border-bottom", line),
            ]
        } else {
            // Borderless tables lay out blocks side by side (signatures): text lines up with
            // the page margin on the left, with a gutter to the next column on the right.
            properties += [
                ("fo:padding-left", "0mm"), ("fo:padding-right", BodyWriter.gutter.odf),
                ("fo:padding-top", key.padding.odf), ("fo:padding-bottom", key.padding.odf),
                ("fo:border", "none"),
            ]
        }
        if let vertical = key.verticalAlignment {
            properties.append(("style:vertical-align", vertical == .center ? "middle" : vertical.rawValue))
        }
        xml.open("style:table-cell-properties", attributes: properties)
        xml.close()
        xml.close()
    }

    private func writeParagraph(_ key: ParagraphKey, into xml: inout XMLWriter, sheet: StyleSheet) {
        var attributes = [
            ("style:name", paragraphNames[key]), ("style:family", "paragraph"), ("style:parent-style-name", key.parent.odfName),
        ]
        if let master = key.masterPage { attributes.append(("style:master-page-name", master)) }
        xml.open("style:style", attributes: attributes)
        var properties: [(String, String)] = []
        if let alignment = key.alignment { properties.append(("fo:text-align", alignment.odf)) }
        if key.keepWithNext { properties.append(("fo:keep-with-next", "always")) }
        if key.breakBefore { properties.append(("fo:break-before", "page")) }
        if let indent = key.indent {
            let label = NumberLabel(indent.hanging ? "x" : "", level: indent.level)
            properties.append(("fo:margin-left", label.textIndent.odf))
            properties.append(("fo:text-indent", indent.hanging ? "-" + NumberLabel.indentStep.odf : "0mm"))
        }
        xml.open("style:paragraph-properties", attributes: properties)
        if key.indent?.hanging == true {
            // The label's tab ends where the text starts (tab positions count from the indent).
            xml.open("style:tab-stops")
            xml.element("style:tab-stop", ["style:position": "0mm"])
            xml.close()
        }
        xml.close()
        xml.close()
    }

    static func textProperties(_ marks: Marks) -> [(String, String)] {
        var properties: [(String, String)] = []
        if marks.contains(.italic) {
            properties += [("fo:font-style", "italic"), ("style:font-style-asian", "italic"), ("style:font-style-complex", "italic")]
        }
        if marks.contains(.underline) {
            properties += [
                ("style:text-underline-style", "solid"), ("style:text-underline-width", "auto"),
                ("style:text-underline-color", "font-color"),
            ]
        }
        if marks.contains(.bold) {
            properties += [("fo:font-weight", "bold"), ("style:font-weight-asian", "bold"), ("style:font-weight-complex", "bold")]
        }
        return properties
    }
}

/// Spreadsheet-style column letters: 0 → A, 25 → Z, 26 → AA.
func columnLetters(_ index: Int) -> String {
    var n = index + 1
    var letters = ""
    while n > 0 {
        let r = (n - 1) % 26
        letters = String(UnicodeScalar(UInt8(65 + r))) + letters
        n = (n - 1) / 26
    }
    return letters
}
