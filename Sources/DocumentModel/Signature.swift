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

/// Signature blocks laid out `perRow` to a row, as a borderless table kept on one page,
/// with room to sign above the signature line and, below a seal mark, room for the seal.
public struct SignatureGrid: Sendable, Hashable {
    public var blocks: [SignatureBlock]
    public var perRow: Int
    /// The height kept for the seal from the signature line down, beside the signature
    /// and over the seal mark (М.П., L.S.).
    public var sealRoom: Length

    /// Fits a 40 mm round seal, the largest in common use for institutions.
    public static let defaultSealRoom = Length.mm(40)

    public init(_ blocks: [SignatureBlock], perRow: Int = 2, sealRoom: Length = SignatureGrid.defaultSealRoom) {
        self.blocks = blocks
        self.perRow = max(1, perRow)
        self.sealRoom = sealRoom
    }

    /// The line drawn for handwriting.
    public static let writingLine = String(repeating: "_", count: 28)

    /// The grid as a borderless table of `perRow` columns filling `width`: the one
    /// layout both writers use, so signatures look alike in ODT and DOCX. A row with a
    /// seal mark is at least as high as the lines above its signature line (in `styles`)
    /// and ``sealRoom`` from there down: the signature line, the mark and free room.
    public func table(width: Length, styles: StyleSheet = .standard) -> Table {
        let columns = Table.equalColumns(perRow, width: width)
        var rows: [TableRow] = []
        var index = 0
        while index < blocks.count {
            let slice = blocks[index..<min(index + perRow, blocks.count)]
            var cells = slice.map { TableCell($0.paragraphs) }
            while cells.count < perRow { cells.append(TableCell([.paragraph(Paragraph([]))])) }
            let sealed = slice.filter { $0.sealMark != nil }
            let height = sealed.map { $0.linesHeight(styles) }.max().map { $0 + sealRoom + Table.defaultCellPadding + Table.defaultCellPadding }
            rows.append(TableRow(cells, minimumHeight: height))
            index += perRow
        }
        return Table(columns: columns, headerRows: 0, rows: rows, borders: false, keepTogether: true)
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
        var paragraphs = lines.map { Block.paragraph(Paragraph($0, style: .signature)) }
        // The signature line has room above it for the handwriting.
        paragraphs.append(.paragraph(Paragraph([.text("\(signatureLabel): \(SignatureGrid.writingLine)")], style: .signatureLine)))
        if let sealMark { paragraphs.append(.paragraph(Paragraph([.text(sealMark, marks: .bold)], style: .signature))) }
        return paragraphs
    }

    /// The height of the lines above the signature line (name, role, institution, date),
    /// each on one line, in `styles`. The seal's room starts at the signature line: the
    /// seal is stamped beside the signature and over the seal mark, as on paper forms.
    func linesHeight(_ styles: StyleSheet) -> Length {
        let signature = styles[.signature]
        let lines = 2 + (role.isEmpty ? 0 : 1) + (institution.isEmpty ? 0 : 1)
        let line = Length.pt(signature.fontSize * StyleSheet.lineHeightFactor) + signature.spaceBefore + signature.spaceAfter
        return Length(hundredthsOfMillimetre: line.hundredthsOfMillimetre * lines)
    }
}
