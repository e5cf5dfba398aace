import DocumentModel
import XMLSupport

extension BodyWriter {
    /// A fixed-layout table: widths from ``Table/columns``, header rows repeated on every
    /// page and kept whole, optional single 0.5 pt borders, cell shading and spans.
    /// Rows do not split across pages unless the table or row allows it
    /// (``Table/rowKeepsTogether(_:)``); a ``Table/keepTogether`` table keeps each row with
    /// the next (its paragraphs keep with the next), so it stays on one page.
    mutating func table(_ table: Table) {
        let rows = table.rows.filter { !$0.cells.isEmpty }
        // Word reports a table without rows as a damaged file.
        guard !rows.isEmpty else { return }
        if pendingPageBreak { pageBreakParagraph() }
        if previousBlockWasTable { emptyParagraph() }

        var columns = table.columns.map(\.twips)
        if columns.isEmpty {
            let count = rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 1
            columns = Table.equalColumns(count, width: sectionPage.textWidth).map(\.twips)
        }
        let headerRows = min(max(table.headerRows, 0), rows.count)

        xml.open("w:tbl")
        // tblPr children in schema order: tblW, tblBorders, tblLayout, tblCellMar.
        xml.open("w:tblPr")
        xml.element("w:tblW", ["w:w": String(columns.reduce(0, +)), "w:type": "dxa"])
        borders(table.borders)
        xml.element("w:tblLayout", ["w:type": "fixed"])
        DOCXWriter.cellMargins(padding: table.cellPadding, borders: table.borders, into: &xml)
        xml.close()
        xml.open("w:tblGrid")
        for width in columns { xml.element("w:gridCol", ["w:w": String(width)]) }
        xml.close()

        let keeps = table.rows.indices.filter { !table.rows[$0].cells.isEmpty }.map(table.rowKeepsTogether)
        for (index, row) in rows.enumerated() {
            let isHeader = index < headerRows
            xml.open("w:tr")
            if keeps[index] || isHeader || row.minimumHeight != nil {
                // trPr children in schema order: cantSplit, trHeight, tblHeader.
                xml.open("w:trPr")
                if keeps[index] || isHeader { xml.element("w:cantSplit") }
                if let height = row.minimumHeight { xml.element("w:trHeight", ["w:val": String(height.twips), "w:hRule": "atLeast"]) }
                if isHeader { xml.element("w:tblHeader") }
                xml.close()
            }
            let savedKeep = keepParagraphsWithNext
            keepParagraphsWithNext = table.keepTogether && index + 1 < rows.count
            defer { keepParagraphsWithNext = savedKeep }
            var column = 0
            for cell in row.cells {
                let span = max(1, min(cell.columnSpan, columns.count - column))
                let width = column < columns.count
                    ? columns[column..<min(column + span, columns.count)].reduce(0, +)
                    : (columns.last ?? 0)
                let shading = cell.shading ?? (isHeader ? document.styles.headerShading : nil)
                self.cell(cell.alignedBlocks, width: width, span: span, shading: shading, verticalAlignment: cell.verticalAlignment)
                column += span
            }
            // Short rows are filled so borders run to the table's right edge.
            if column < columns.count {
                let rest = columns[column...].reduce(0, +)
                self.cell([], width: rest, span: columns.count - column, shading: isHeader ? document.styles.headerShading : nil)
            }
            xml.close()
        }
        xml.close()
        previousBlockWasTable = true
        writtenBlocks += 1
    }

    private mutating func borders(_ visible: Bool) {
        xml.open("w:tblBorders")
        for edge in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
            if visible {
                xml.element(edge, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "auto"])
            } else {
                xml.element(edge, ["w:val": "nil"])
            }
        }
        xml.close()
    }

    private mutating func cell(_ blocks: [Block], width: Int, span: Int, shading: String?, verticalAlignment: VerticalAlignment? = nil) {
        xml.open("w:tc")
        // tcPr children in schema order: tcW, gridSpan, shd, vAlign.
        xml.open("w:tcPr")
        xml.element("w:tcW", ["w:w": String(width), "w:type": "dxa"])
        if span > 1 { xml.element("w:gridSpan", ["w:val": String(span)]) }
        if let fill = shading.flatMap(Self.hexColour) {
            xml.element("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": fill])
        }
        if let verticalAlignment, verticalAlignment != .top { xml.element("w:vAlign", ["w:val": verticalAlignment.rawValue]) }
        xml.close()

        let saved = (pendingPageBreak, pageBreaksAllowed, writingBody)
        pendingPageBreak = false
        pageBreaksAllowed = false
        writingBody = false
        previousBlockWasTable = false
        let before = writtenBlocks
        self.blocks(blocks, listLevel: 0)
        // A cell must end with a paragraph (and hold at least one).
        if writtenBlocks == before || previousBlockWasTable { emptyParagraph() }
        (pendingPageBreak, pageBreaksAllowed, writingBody) = saved
        xml.close()
    }

    /// Six hex digits, upper-cased, or nil when the value is not a colour Word accepts.
    static func hexColour(_ value: String) -> String? {
        var digits = value.uppercased()
        if digits.hasPrefix("#") { digits.removeFirst() }
        guard digits.count == 6, digits.unicodeScalars.allSatisfy({ "0123456789ABCDEF".unicodeScalars.contains($0) })
        else { return nil }
        return digits
    }
}
