/// One signatory's block: name, role, institution, a date line, a signature line and,
/// where the locale uses one, a seal mark (М.П., L.S.).
public struct SignatureBlock: Sendable, Hashable {
    public var name: String
    public var role: String
    public var institution: String
    /// Localized labels, e.g. "Date" / "Дата", "Signature" / "Подпис".
    public var dateLabel: String
    public var signatureLabel: String
    /// A pre-filled date, or nil for a blank line to write on.
    public var date: String?
    public var sealMark: String?

    public init(
        name: String, role: String = "", institution: String = "", dateLabel: String, signatureLabel: String,
        date: String? = nil, sealMark: String? = nil
    ) {
        self.name = name
        self.role = role
        self.institution = institution
        self.dateLabel = dateLabel
        self.signatureLabel = signatureLabel
        self.date = date
        self.sealMark = sealMark
    }
}

/// Signature blocks laid out `perRow` to a row, as a borderless table that does not
/// split a block across pages.
public struct SignatureGrid: Sendable, Hashable {
    public var blocks: [SignatureBlock]
    public var perRow: Int

    public init(_ blocks: [SignatureBlock], perRow: Int = 2) {
        self.blocks = blocks
        self.perRow = max(1, perRow)
    }

    /// The line drawn for handwriting.
    public static let writingLine = String(repeating: "_", count: 28)

    /// The grid as a borderless table of `perRow` columns filling `width`: the one
    /// layout both writers use, so signatures look alike in ODT and DOCX.
    public func table(width: Length) -> Table {
        let columns = Table.equalColumns(perRow, width: width)
        var rows: [TableRow] = []
        var index = 0
        while index < blocks.count {
            let slice = blocks[index..<min(index + perRow, blocks.count)]
            var cells = slice.map { TableCell($0.paragraphs) }
            while cells.count < perRow { cells.append(TableCell([.paragraph(Paragraph([]))])) }
            rows.append(TableRow(cells))
            index += perRow
        }
        return Table(columns: columns, headerRows: 0, rows: rows, borders: false)
    }
}

extension SignatureBlock {
    /// The block's lines as paragraphs in the `signature` style.
    public var paragraphs: [Block] {
        var lines: [[Inline]] = []
        lines.append([.text(name, marks: .bold)])
        if !role.isEmpty { lines.append([.text(role)]) }
        if !institution.isEmpty { lines.append([.text(institution)]) }
        lines.append([.text("\(dateLabel): \(date ?? SignatureGrid.writingLine)")])
        lines.append([.text("\(signatureLabel): \(SignatureGrid.writingLine)")])
        if let sealMark { lines.append([.text(sealMark, marks: .bold)]) }
        return lines.map { .paragraph(Paragraph($0, style: .signature)) }
    }
}
