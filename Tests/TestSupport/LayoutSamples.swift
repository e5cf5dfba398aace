public import DocumentModel

/// Documents for page sizes, sections, a distinct first page, fonts and table alignment,
/// written by both writers: their golden parts, `--strict` validation and the parity suite
/// (same text and pages through LibreOffice) all use these.
public enum LayoutSamples {
    static let language = LanguageTag("ro-RO")

    static func paragraph(_ text: String, style: StyleName = .body, alignment: Alignment? = nil) -> Block {
        .paragraph(Paragraph([.text(text)], style: style, alignment: alignment))
    }

    static func cell(
        _ text: String, style: StyleName = .tableCell, alignment: Alignment? = nil, vertical: VerticalAlignment? = nil,
        paragraphAlignment: Alignment? = nil
    ) -> TableCell {
        TableCell([paragraph(text, style: style, alignment: paragraphAlignment)], alignment: alignment, verticalAlignment: vertical)
    }

    static let header: [Block] = [paragraph("Direcția Generală de Asistență Socială și Protecția Copilului", style: .header)]
    static let footer: [Block] = [
        .paragraph(Paragraph([.text("Pagina "), .field(.pageNumber), .text(" din "), .field(.pageCount)], style: .footer)),
    ]

    /// A page of `page` with a heading and a paragraph.
    public static func page(_ page: PageSetup, name: String) -> Document {
        Document(
            metadata: Metadata(title: name, language: language), page: page, header: header, footer: footer,
            body: [
                .heading(Heading(level: 1, [.text("Fișă de evaluare")])),
                paragraph("Această pagină are formatul \(name); textul se așază între marginile ei."),
            ])
    }

    public static var a3: Document { page(PageSetup(.a3), name: "A3") }
    public static var letter: Document { page(PageSetup(.letter, margins: Margins(all: .mm(25.4))), name: "Letter") }
    public static var landscape: Document { page(PageSetup(.a4, orientation: .landscape), name: "A4 landscape") }

    /// A budget table with per-column alignment: text, then amounts at the end.
    static func annexTable(rows: Int, width: Length) -> Table {
        let columns = [Length.mm(20), width - .mm(20) - .mm(90), .mm(45), .mm(45)]
        let head = TableRow([
            cell("Nr.", style: .tableHeader, alignment: .center), cell("Activitate", style: .tableHeader),
            cell("Suma (lei)", style: .tableHeader, alignment: .end), cell("Data", style: .tableHeader, alignment: .center),
        ])
        let body = (1...rows).map { n in
            TableRow([
                cell("\(n)", alignment: .center), cell("Consiliere psihologică, ședința \(n)"),
                cell("\(n * 125),00", alignment: .end), cell("\(10 + n % 18).03.2026", alignment: .center),
            ])
        }
        return Table(columns: columns, headerRows: 1, rows: [head] + body)
    }

    /// A portrait document with an annex table on landscape pages, then portrait again.
    public static var landscapeSection: Document {
        let portrait = PageSetup(.a4)
        let landscape = portrait.turned(.landscape)
        return Document(
            metadata: Metadata(title: "Plan cu anexă", language: language), page: portrait, header: header, footer: footer,
            body: [
                .heading(Heading(level: 1, [.text("Plan individualizat de protecție")])),
                paragraph("Anexa 1 cuprinde bugetul estimat al măsurilor, pe o pagină orientată peisaj."),
                .section(Section(page: landscape, body: [
                    .heading(Heading(level: 2, [.text("Anexa 1. Buget estimat")])),
                    .table(annexTable(rows: 6, width: landscape.textWidth)),
                ])),
                .heading(Heading(level: 2, [.text("Semnături")])),
                paragraph("După anexă, documentul continuă pe pagini portret."),
            ])
    }

    /// A letterhead on page 1 only, and a short footer there; page 2 has the usual ones.
    public static var firstPage: Document {
        Document(
            metadata: Metadata(title: "Adresă", language: language), header: header, footer: footer,
            firstPageHeader: [
                paragraph("ANTET — Direcția Generală de Asistență Socială", style: .title),
                paragraph("Str. Exemplu nr. 1, București · tel. 021 000 0000", style: .header, alignment: .center),
            ],
            firstPageFooter: [paragraph("Document emis pe prima pagină", style: .footer)],
            body: [
                .heading(Heading(level: 1, [.text("Adresă către instanță")])),
                paragraph("Prima pagină poartă antetul instituției."),
                .pageBreak,
                paragraph("A doua pagină are antetul obișnuit."),
            ])
    }

    /// Another font and a dark blue text colour.
    public static var fontAndColour: Document {
        var styles = StyleSheet.standard
        styles.fontFamily = "Liberation Serif"
        styles.textColor = "1F3864"
        return Document(
            metadata: Metadata(title: "Font", language: language), styles: styles,
            body: [
                .heading(Heading(level: 1, [.text("Declarație")])),
                .paragraph(Paragraph([.text("Subsemnatul, ș ț ă â î — Съгласие — perché città, "), .checkbox(checked: true), .text(" da")])),
            ])
    }

    /// Every horizontal and vertical alignment, a paragraph's own alignment over its cell's,
    /// and a table with wider padding.
    public static var cellAlignment: Document {
        let tall = TableCell([paragraph("Rând înalt"), paragraph("cu patru"), paragraph("paragrafe"), paragraph("scurte")])
        let table = Table(
            columns: [.mm(40), .mm(40), .mm(40), .mm(50)],
            rows: [
                TableRow([
                    cell("început", alignment: .start), cell("centru", alignment: .center), cell("sfârșit", alignment: .end),
                    cell("text aliniat la ambele margini, destul de lung pentru a se rupe pe rânduri", alignment: .justify),
                ]),
                TableRow([
                    tall, cell("sus", vertical: .top), cell("mijloc", alignment: .center, vertical: .center),
                    cell("jos, dar paragraful are alinierea lui", alignment: .end, vertical: .bottom, paragraphAlignment: .start),
                ]),
            ])
        var padded = Table(
            columns: [.mm(85), .mm(85)],
            rows: [TableRow([cell("spațiu 3 mm"), cell("125,00", alignment: .end)])])
        padded.cellPadding = .mm(3)
        return Document(
            metadata: Metadata(title: "Aliniere", language: language),
            body: [.table(table), paragraph("Tabel cu spațiere mai mare:"), .table(padded)])
    }

    /// What the parity suite renders in both formats: headings, paragraphs, lists, tables
    /// with alignment, signatures, a landscape section and a first-page header.
    public static var complete: Document {
        var document = landscapeSection
        document.metadata.title = "Complet"
        document.firstPageHeader = firstPage.firstPageHeader
        let list = List(.numbered, items: [
            ListItem([paragraph("Evaluarea nevoilor copilului")]),
            ListItem([paragraph("Consilierea familiei"), .list(List(.bulleted, items: [ListItem([paragraph("lunar")])]))]),
        ])
        let signatures = SignatureGrid([
            SignatureBlock(name: "Ioana Popescu", role: "Asistent social", dateLabel: "Data", signatureLabel: "Semnătura"),
            SignatureBlock(name: "Mihai Ionescu", role: "Director", dateLabel: "Data", signatureLabel: "Semnătura", sealMark: "L.S."),
        ])
        document.body.insert(.list(list), at: 2)
        document.body.append(.table(annexTable(rows: 3, width: document.page.textWidth)))
        document.body.append(.signatures(signatures))
        return document
    }

    /// Every sample, by name (file names of goldens and rendered files).
    public static var all: [(name: String, document: Document)] {
        [
            ("a3", a3), ("letter", letter), ("landscape", landscape), ("landscape-section", landscapeSection),
            ("first-page", firstPage), ("font-colour", fontAndColour), ("cell-alignment", cellAlignment), ("complete", complete),
            ("print-rules", printRules),
        ]
    }

    /// The print rules of both writers: rows kept whole unless a table or row opts out, a
    /// signature grid kept on one page with the paragraph before it, room for a seal, and
    /// hyphenation in the document's language (Bulgarian).
    public static var printRules: Document {
        let seal = SignatureBlock(
            name: "Мария Петрова", role: "Директор", institution: "Дирекция „Социално подпомагане“", dateLabel: "Дата",
            signatureLabel: "Подпис", sealMark: "М.П.")
        let worker = SignatureBlock(name: "Иван Иванов", role: "Социален работник", dateLabel: "Дата", signatureLabel: "Подпис")
        let table = Table(
            columns: [.mm(40), .mm(130)], headerRows: 1,
            rows: [
                TableRow([cell("Дата", style: .tableHeader), cell("Описание", style: .tableHeader)]),
                TableRow([cell("19.01.2029\u{A0}г."), cell("Разписка за получени документи по чл.\u{A0}3, ал.\u{A0}2.")]),
                TableRow([cell("20.01.2029\u{A0}г."), cell("Дълъг свободен текст, който може да се пренесе на следващата страница.")],
                         maySplit: true),
            ])
        return Document(
            metadata: Metadata(title: "Print rules", language: LanguageTag("bg-BG")), header: header, footer: footer,
            body: [
                .heading(Heading(level: 1, [.text("Протокол")])),
                .table(table),
                paragraph("Настоящият протокол се състави в два еднообразни екземпляра, по един за всяка от страните."),
                .signatures(SignatureGrid([seal, worker])),
            ])
    }
}
