import DocumentModel
import XMLSupport

extension BodyWriter {
    /// Space kept free on the right of a borderless cell, between side-by-side blocks.
    static let gutter = Length.mm(4)

    /// Writes a table: one `table:table-column` per column width, the header rows inside
    /// `table:table-header-rows` (so LibreOffice repeats them on every page), spans as
    /// `table:number-columns-spanned` followed by covered cells. Rows do not split across
    /// pages unless the table or row allows it (``Table/rowKeepsTogether(_:)``).
    mutating func writeTable(_ table: Table, in container: Container, width: Length, isSignatureGrid: Bool, location: String) throws {
        guard !table.rows.isEmpty else { return }
        if container == .listItem {
            let indent = listIndent
            try interruptLists { body in
                try body.writeTable(
                    table, in: .flow, width: width, indent: indent, isSignatureGrid: isSignatureGrid, location: location)
            }
            return
        }
        try writeTable(table, in: container, width: width, indent: nil, isSignatureGrid: isSignatureGrid, location: location)
    }

    private mutating func writeTable(
        _ table: Table, in container: Container, width: Length, indent: Length?, isSignatureGrid: Bool, location: String
    ) throws {
        let columnCount = table.rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0
        var columns = table.columns
        if columns.count < columnCount {
            // Columns the model did not size share what the sized ones leave (or all of it).
            let used = columns.reduce(Length(hundredthsOfMillimetre: 0), +)
            let rest = width > used ? width - used : width
            columns += Table.equalColumns(columnCount - columns.count, width: rest)
        }
        // ODF needs at least one column; a table with no cells and no widths has nothing to show.
        guard !columns.isEmpty else { return }
        let total = columns.reduce(Length(hundredthsOfMillimetre: 0), +)
        let start = container == .flow ? takePageStart() : (breakBefore: false, masterPage: nil)
        let style = styles.table(
            width: total, columns: columns, indent: indent, breakBefore: start.breakBefore,
            isSignatureGrid: isSignatureGrid, keepTogether: table.keepTogether, masterPage: start.masterPage)

        xml.open("table:table", ["table:name": style.name, "table:style-name": style.name])
        for index in columns.indices {
            xml.element("table:table-column", ["table:style-name": style.columnStyleName(index)])
        }
        let headerRows = min(max(table.headerRows, 0), table.rows.count)
        for (rowIndex, row) in table.rows.enumerated() {
            if rowIndex == 0 && headerRows > 0 { xml.open("table:table-header-rows") }
            let keep = rowIndex < headerRows || table.rowKeepsTogether(rowIndex)
            let rowStyle = keep || row.minimumHeight != nil
                ? styles.row(.init(keepTogether: keep, minimumHeight: row.minimumHeight)) : nil
            try writeRow(
                row, columns: columns, isHeader: rowIndex < headerRows, isFirst: rowIndex == 0, borders: table.borders,
                padding: table.cellPadding, rowStyle: rowStyle,
                location: "\(location), row \(rowIndex + 1)")
            if rowIndex + 1 == headerRows { xml.close() }
        }
        xml.close()
    }

    private mutating func writeRow(
        _ row: TableRow, columns: [Length], isHeader: Bool, isFirst: Bool, borders: Bool, padding: Length, rowStyle: String?,
        location: String
    ) throws {
        if let rowStyle {
            xml.open("table:table-row", ["table:style-name": rowStyle])
        } else {
            xml.open("table:table-row")
        }
        let headerBackground = try isHeader ? Self.colour(sheet.headerShading, location: "style sheet header shading") : nil
        var column = 0
        for (cellIndex, cell) in row.cells.enumerated() {
            let span = min(cell.columnSpan, max(columns.count - column, 1))
            let shading = try cell.shading.map { try Self.colour($0, location: "\(location), cell \(cellIndex + 1)") } ?? headerBackground
            let name = styles.cell(.init(
                borders: borders, background: shading, top: isFirst, right: column + span == columns.count, padding: padding,
                verticalAlignment: cell.verticalAlignment))
            var attributes = [("table:style-name", name)]
            if span > 1 { attributes.append(("table:number-columns-spanned", String(span))) }
            xml.open("table:table-cell", attributes: attributes)
            let cellWidth = columns[column..<column + span].reduce(Length(hundredthsOfMillimetre: 0), +)
            let sides = borders ? padding + padding : Self.gutter
            let inner = cellWidth > sides ? cellWidth - sides : cellWidth
            if cell.blocks.isEmpty {
                xml.element("text:p", ["text:style-name": StyleName.tableCell.odfName])
            } else {
                try writeBlocks(cell.alignedBlocks, in: .fixed, width: inner)
            }
            xml.close()
            for _ in 1..<max(span, 1) { xml.element("table:covered-table-cell") }
            column += span
        }
        // Rows shorter than the table get empty cells, so borders run the full width.
        while column < columns.count {
            let name = styles.cell(.init(
                borders: borders, background: headerBackground, top: isFirst, right: column + 1 == columns.count, padding: padding))
            xml.open("table:table-cell", ["table:style-name": name])
            xml.element("text:p", ["text:style-name": StyleName.tableCell.odfName])
            xml.close()
            column += 1
        }
        xml.close()
    }

    /// `"d9d9d9"` or `"#D9D9D9"` → `"#D9D9D9"`; anything else is an error the template
    /// author can fix.
    static func colour(_ value: String, location: String, what: String = "Shading") throws -> String {
        let hex = value.hasPrefix("#") ? String(value.dropFirst()) : value
        guard hex.count == 6, hex.allSatisfy(\.isHexDigit) else {
            throw ODTWriterError(
                message: "\(what) \"\(value)\" is not a colour.", location: location,
                suggestion: "Write six hexadecimal digits, for example D9D9D9 for light grey.")
        }
        return "#" + hex.uppercased()
    }
}
