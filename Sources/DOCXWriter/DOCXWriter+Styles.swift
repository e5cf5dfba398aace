import DocumentModel
import XMLSupport

extension StyleName {
    /// The WordprocessingML style id; Word's built-in ids where one exists, so Word
    /// treats headings as headings (navigation pane, table of contents).
    var styleID: String {
        switch self {
        case .title: "Title"
        case .heading1: "Heading1"
        case .heading2: "Heading2"
        case .heading3: "Heading3"
        case .body: "BodyText"
        case .small: "SmallPrint"
        case .tableHeader: "TableHeading"
        case .tableCell: "TableContents"
        case .signature: "Signature"
        case .signatureLine: "SignatureLine"
        case .header: "Header"
        case .footer: "Footer"
        }
    }
}

extension Alignment {
    /// `w:jc` value. `start`/`end` rather than `left`/`right`, so right-to-left text
    /// would follow its own direction.
    var jc: String {
        switch self {
        case .start: "start"
        case .center: "center"
        case .end: "end"
        case .justify: "both"
        }
    }
}

extension DOCXWriter {
    /// Half-points, WordprocessingML's unit for font sizes.
    static func halfPoints(_ points: Double) -> String { String(Int((points * 2).rounded())) }

    static func stylesPart(_ document: Document, hasLinks: Bool = false, hasFootnotes: Bool = false) -> [UInt8] {
        let sheet = document.styles
        var xml = XMLWriter()
        xml.declaration()
        xml.open("w:styles", ["xmlns:w": Namespace.w])

        xml.open("w:docDefaults")
        xml.open("w:rPrDefault")
        xml.open("w:rPr")
        let font = sheet.fontFamily
        xml.element("w:rFonts", ["w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font])
        if let color = sheet.textColor.flatMap(BodyWriter.hexColour) { xml.element("w:color", ["w:val": color]) }
        xml.element("w:sz", ["w:val": halfPoints(sheet[.body].fontSize)])
        xml.element("w:szCs", ["w:val": halfPoints(sheet[.body].fontSize)])
        xml.element("w:lang", ["w:val": document.metadata.language.description])
        xml.close()
        xml.close()
        xml.open("w:pPrDefault")
        xml.open("w:pPr")
        // Widows and orphans of two lines, as the ODT default style has them.
        xml.element("w:widowControl")
        xml.element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
        xml.close()
        xml.close()
        xml.close()

        // Word expects these three defaults; without them it invents its own with
        // different spacing and cell margins.
        xml.open("w:style", ["w:type": "paragraph", "w:default": "1", "w:styleId": "Normal"])
        xml.element("w:name", ["w:val": "Normal"])
        xml.element("w:qFormat")
        xml.close()
        xml.open("w:style", ["w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont"])
        xml.element("w:name", ["w:val": "Default Paragraph Font"])
        xml.element("w:uiPriority", ["w:val": "1"])
        xml.element("w:semiHidden")
        xml.element("w:unhideWhenUsed")
        xml.close()
        xml.open("w:style", ["w:type": "table", "w:default": "1", "w:styleId": "TableNormal"])
        xml.element("w:name", ["w:val": "Normal Table"])
        xml.element("w:uiPriority", ["w:val": "99"])
        xml.element("w:semiHidden")
        xml.element("w:unhideWhenUsed")
        xml.open("w:tblPr")
        xml.element("w:tblInd", ["w:w": "0", "w:type": "dxa"])
        cellMargins(padding: Table.defaultCellPadding, borders: true, into: &xml)
        xml.close()
        xml.close()

        for name in StyleName.allCases {
            paragraphStyle(name, sheet[name], into: &xml)
        }
        if hasLinks { linkStyle(into: &xml) }
        if hasFootnotes { footnoteStyles(sheet, into: &xml) }
        xml.close()
        return xml.bytes
    }

    private enum StyleType: String { case paragraph, character }

    /// Opens a `w:style` of one of Word's built-in styles that it shows only once used
    /// (Hyperlink, footnote text, footnote reference).
    private static func openBuiltInStyle(_ type: StyleType, id: String, name: String, basedOn: String, into xml: inout XMLWriter) {
        xml.open("w:style", ["w:type": type.rawValue, "w:styleId": id])
        xml.element("w:name", ["w:val": name])
        xml.element("w:basedOn", ["w:val": basedOn])
        xml.element("w:uiPriority", ["w:val": "99"])
        xml.element("w:unhideWhenUsed")
    }

    /// Word's built-in "Hyperlink" character style: blue and underlined.
    private static func linkStyle(into xml: inout XMLWriter) {
        openBuiltInStyle(.character, id: BodyWriter.linkStyle, name: "Hyperlink", basedOn: "DefaultParagraphFont", into: &xml)
        xml.open("w:rPr")
        xml.element("w:color", ["w:val": "0563C1"])
        xml.element("w:u", ["w:val": "single"])
        xml.close()
        xml.close()
    }

    /// Word's "footnote text" (smaller, no space after) and "footnote reference" (raised).
    private static func footnoteStyles(_ sheet: StyleSheet, into xml: inout XMLWriter) {
        let size = halfPoints(max(sheet[.body].fontSize - 2, 7))
        openBuiltInStyle(.paragraph, id: BodyWriter.footnoteTextStyle, name: "footnote text", basedOn: "Normal", into: &xml)
        xml.open("w:pPr")
        xml.element("w:spacing", ["w:after": "0", "w:line": "240", "w:lineRule": "auto"])
        xml.element("w:ind", ["w:left": "340", "w:hanging": "340"])
        xml.close()
        xml.open("w:rPr")
        xml.element("w:sz", ["w:val": size])
        xml.element("w:szCs", ["w:val": size])
        xml.close()
        xml.close()
        openBuiltInStyle(.character, id: BodyWriter.footnoteReferenceStyle, name: "footnote reference", basedOn: "DefaultParagraphFont", into: &xml)
        xml.open("w:rPr")
        xml.element("w:vertAlign", ["w:val": "superscript"])
        xml.close()
        xml.close()
    }

    /// Cell padding, as the ODT writer writes it: ``Table/cellPadding`` on all four sides of
    /// a bordered cell; a borderless table (signatures side by side) keeps its text on the
    /// page margin on the left and a gutter to the next column on the right.
    static func cellMargins(padding: Length, borders: Bool, into xml: inout XMLWriter) {
        let side = String(padding.twips)
        xml.open("w:tblCellMar")
        xml.element("w:top", ["w:w": side, "w:type": "dxa"])
        xml.element("w:left", ["w:w": borders ? side : "0", "w:type": "dxa"])
        xml.element("w:bottom", ["w:w": side, "w:type": "dxa"])
        xml.element("w:right", ["w:w": borders ? side : String(borderlessGutter.twips), "w:type": "dxa"])
        xml.close()
    }

    /// Space kept free on the right of a borderless cell, as in the ODT writer.
    static let borderlessGutter = Length.mm(4)

    private static func paragraphStyle(_ name: StyleName, _ style: ParagraphStyle, into xml: inout XMLWriter) {
        xml.open("w:style", ["w:type": "paragraph", "w:styleId": name.styleID])
        xml.element("w:name", ["w:val": name.displayName])
        xml.element("w:basedOn", ["w:val": "Normal"])
        if name.outlineLevel != nil || name == .title {
            xml.element("w:next", ["w:val": StyleName.body.styleID])
        }
        xml.element("w:qFormat")
        xml.open("w:pPr")
        if style.keepWithNext {
            xml.element("w:keepNext")
            xml.element("w:keepLines")
        }
        // Titles and headings are not hyphenated (ODT: fo:hyphenate="false").
        if !style.hyphenate { xml.element("w:suppressAutoHyphens") }
        xml.element("w:spacing", [
            "w:before": String(style.spaceBefore.twips), "w:after": String(style.spaceAfter.twips),
        ])
        xml.element("w:jc", ["w:val": style.alignment.jc])
        if let level = name.outlineLevel {
            xml.element("w:outlineLvl", ["w:val": String(level - 1)])
        }
        xml.close()
        xml.open("w:rPr")
        if style.bold {
            xml.element("w:b")
            xml.element("w:bCs")
        }
        if style.italic {
            xml.element("w:i")
            xml.element("w:iCs")
        }
        xml.element("w:sz", ["w:val": halfPoints(style.fontSize)])
        xml.element("w:szCs", ["w:val": halfPoints(style.fontSize)])
        xml.close()
        xml.close()
    }
}
