import DocumentModel

/// Documents the DOCX tests write: one that uses every model feature, and small ones
/// for each language and for edge cases.
enum SampleDocuments {
    static let cyrillicHeading = "Съгласие за обмен на информация между институциите"

    /// Every feature of the model: headings 1–3, marks, nested lists, two numbered lists
    /// that restart, a table with widths, header row, borders, shading and a span, a
    /// page break, checkboxes, a signature grid with a seal mark, header and footer with
    /// "Page X of Y", Bulgarian Cyrillic and Romanian diacritics.
    static var everything: Document {
        let sign = SignatureBlock(
            name: "Мария Иванова Петрова", role: "Родител / законен представител", dateLabel: "Дата",
            signatureLabel: "Подпис")
        let worker = SignatureBlock(
            name: "Георги Димитров", role: "Социален работник", institution: "Дирекция „Социално подпомагане“ — Варна",
            dateLabel: "Дата", signatureLabel: "Подпис", date: "15.01.2026", sealMark: "М.П.")
        let romanian = SignatureBlock(
            name: "Ioana Ștefănescu", role: "Asistent social", institution: "DGASPC Iași", dateLabel: "Data",
            signatureLabel: "Semnătura", sealMark: "L.S.")

        let activities = Table(
            columns: [.mm(10), .mm(80), .mm(40), .mm(40)],
            headerRows: 1,
            rows: [
                TableRow([
                    TableCell([.paragraph(Paragraph([.text("№")], style: .tableHeader))]),
                    TableCell([.paragraph(Paragraph([.text("Дейност")], style: .tableHeader))]),
                    TableCell([.paragraph(Paragraph([.text("Начало")], style: .tableHeader))]),
                    TableCell([.paragraph(Paragraph([.text("Отговорник")], style: .tableHeader))]),
                ]),
                TableRow([
                    TableCell([.paragraph(Paragraph([.text("1")], style: .tableCell, alignment: .end))]),
                    TableCell([.paragraph(Paragraph([.text("Посещение в дома")], style: .tableCell))]),
                    TableCell([.paragraph(Paragraph([.text("20.01.2026")], style: .tableCell))]),
                    TableCell([.paragraph(Paragraph([.text("Г. Димитров")], style: .tableCell))]),
                ]),
                TableRow([
                    TableCell([.paragraph(Paragraph([.text("2")], style: .tableCell, alignment: .end))]),
                    TableCell([.paragraph(Paragraph([.text("Консултация с психолог")], style: .tableCell))], shading: "FFF2CC"),
                    TableCell(
                        [.paragraph(Paragraph([.text("по договаряне", marks: .italic)], style: .tableCell, alignment: .center))],
                        columnSpan: 2),
                ]),
            ],
            borders: true)

        let consentItems = List(.numbered, items: [
            ListItem([.paragraph(Paragraph([.text("Данни за детето: име, дата на раждане и "), .text("ЕГН", marks: .bold), .text(".")]))]),
            ListItem([
                .paragraph(Paragraph([.text("Информация за здравето:")])),
                .list(List(.bulleted, items: [
                    ListItem([.paragraph(Paragraph([.text("медицински документи;")]))]),
                    ListItem([
                        .paragraph(Paragraph([.text("психологическа оценка, включително:")])),
                        .list(List(.numbered, items: [
                            ListItem([.paragraph(Paragraph([.text("тестове")]))]),
                            ListItem([.paragraph(Paragraph([.text("заключение")]))]),
                        ])),
                    ]),
                ])),
            ]),
            ListItem([.paragraph(Paragraph([.text("Данни за училището.")]))]),
        ])
        let purposes = List(.numbered, items: [
            ListItem([.paragraph(Paragraph([.text("Изготвяне на план за действие.")]))]),
            ListItem([.paragraph(Paragraph([.text("Координация между институциите.")]))]),
        ])

        return Document(
            metadata: Metadata(
                title: cyrillicHeading, subject: "Закрила на детето", language: LanguageTag("bg-BG"),
                generator: "Formwright", keywords: ["съгласие", "GDPR"], created: "2026-01-15"),
            header: [.paragraph(Paragraph([.text("Дирекция „Социално подпомагане“ · Досие № BG-2026-0042")], style: .header))],
            footer: [.paragraph(Paragraph(
                [.text("Page "), .field(.pageNumber), .text(" of "), .field(.pageCount)], style: .footer))],
            body: [
                .paragraph(Paragraph([.text("Образец 7")], style: .title)),
                .heading(Heading(level: 1, [.text(cyrillicHeading)])),
                .paragraph(Paragraph([
                    .text("Аз, долуподписаната "), .text("Мария Иванова Петрова", marks: .bold),
                    .text(", родител на детето с код на случая "), .text("BG-2026-0042", marks: [.bold, .underline]),
                    .text(", давам "), .text("доброволно", marks: .italic), .text(" съгласието си."),
                ])),
                .heading(Heading(level: 2, [.text("Каква информация се споделя")])),
                .list(consentItems),
                .heading(Heading(level: 3, [.text("За какво се използва")])),
                .list(purposes),
                .paragraph(Paragraph([.checkbox(checked: true), .text("  Съгласен/съгласна съм")], keepWithNext: true)),
                .paragraph(Paragraph([.checkbox(checked: false), .text("  Не съм съгласен/съгласна")])),
                .paragraph(Paragraph(
                    [.text("Адрес:"), .tab, .text("ул. „Шипка“ 12"), .lineBreak, .text("9000 Варна")],
                    alignment: .start)),
                .pageBreak,
                .heading(Heading(level: 2, [.text("План за действие")])),
                .table(activities),
                .paragraph(Paragraph(
                    [.text("Traducere: Acord privind schimbul de informații — școală, țară, mâine, în, ÎȘȚĂÂ.")],
                    style: .small, alignment: .center)),
                .signatures(SignatureGrid([sign, worker, romanian])),
            ])
    }

    /// A short form in one language, with a header and footer.
    static func minimal(language: String) -> Document {
        let (title, body): (String, String) = switch language {
        case "bg-BG": ("Съгласие", "Съгласен съм с обработката на личните данни на детето.")
        case "ro-RO": ("Consimțământ", "Sunt de acord cu prelucrarea datelor personale ale copilului și ale familiei.")
        case "ro-MD": ("Acord", "Sînt de acord cu prelucrarea datelor cu caracter personal ale copilului.")
        case "it-IT": ("Consenso", "Acconsento al trattamento dei dati personali del minore, già comunicati.")
        default: ("Consent", "I agree to the processing of the child's personal data.")
        }
        return Document(
            metadata: Metadata(title: title, language: LanguageTag(language)),
            header: [.paragraph(Paragraph([.text(title)], style: .header))],
            footer: [.paragraph(Paragraph([.field(.pageNumber), .text(" / "), .field(.pageCount)], style: .footer))],
            body: [
                .heading(Heading(level: 1, [.text(title)])),
                .paragraph(Paragraph([.text(body)])),
                .list(List(.bulleted, items: [ListItem([.paragraph(Paragraph([.checkbox(checked: false), .text(" ✓ ș ț ă â î")]))])])),
            ])
    }

    /// Text that looks like markup, and characters XML cannot hold.
    static let hostileText = "<b>&amp;\"'</b> \u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{FFFE}]]> <!-- x --> <?pi?> &#x41;"

    /// The hostile text everywhere text can go.
    static var escaping: Document {
        Document(
            metadata: Metadata(
                title: hostileText, subject: hostileText, language: LanguageTag("en-GB"), generator: hostileText,
                keywords: [hostileText]),
            header: [.paragraph(Paragraph([.text(hostileText)], style: .header))],
            footer: [.paragraph(Paragraph([.text(hostileText, marks: .bold)], style: .footer))],
            body: [
                .heading(Heading(level: 1, [.text(hostileText)])),
                .paragraph(Paragraph([.text(hostileText, marks: [.bold, .italic, .underline])])),
                .table(Table(
                    columns: [.mm(80), .mm(80)],
                    rows: [TableRow([TableCell([.paragraph(Paragraph([.text(hostileText)]))], shading: "\"/><x a=\"")])])),
                .signatures(SignatureGrid([SignatureBlock(
                    name: hostileText, dateLabel: hostileText, signatureLabel: hostileText, sealMark: hostileText)])),
            ])
    }

    /// Shapes that must still give a valid package: empty parts, tables that touch,
    /// missing columns, spans past the grid, rows too short, lists deeper than nine
    /// levels, an item that opens with a sublist, page breaks in odd places, landscape.
    static var edgeCases: Document {
        var deep = List(.numbered, items: [ListItem([.paragraph(Paragraph([.text("level 12")]))])])
        for level in (1...11).reversed() {
            deep = List(level % 2 == 0 ? .bulleted : .numbered, items: [
                ListItem([.paragraph(Paragraph([.text("level \(level)")])), .list(deep)]),
            ])
        }
        let inner = Table(columns: [.mm(30), .mm(30)], rows: [TableRow([TableCell([.paragraph(Paragraph([.text("inner")]))])])])
        return Document(
            metadata: Metadata(title: "", language: LanguageTag("en"), created: "2026-03-01T10:00:00Z"),
            page: PageSetup(width: .mm(297), height: .mm(210), margins: Margins(top: .mm(25), bottom: .mm(15), left: .mm(30), right: .mm(12.5))),
            header: [.table(Table(columns: [.mm(50)], rows: [TableRow([TableCell([])])])), .pageBreak],
            footer: [.pageBreak],
            body: [
                .pageBreak,
                .pageBreak,
                .table(Table(columns: [], rows: [TableRow([TableCell([]), TableCell([], columnSpan: 3)])])),
                .table(Table(columns: [.mm(40), .mm(40)], headerRows: 5, rows: [
                    TableRow([TableCell([.table(inner)], shading: "not a colour", columnSpan: 7)]),
                    TableRow([TableCell([.paragraph(Paragraph([]))]), TableCell([.pageBreak, .table(Table(columns: [], rows: []))])]),
                    TableRow([]),
                ])),
                .table(Table(columns: [.mm(40)], rows: [])),
                .list(deep),
                .list(List(.bulleted, items: [ListItem([]), ListItem([.list(List(.numbered, items: [ListItem([])]))])])),
                .paragraph(Paragraph([.text(""), .text("   "), .text("a\r\nb\rc\nd\te\u{2028}f")])),
                .signatures(SignatureGrid([], perRow: 3)),
                .signatures(SignatureGrid([SignatureBlock(name: "A", dateLabel: "D", signatureLabel: "S")], perRow: 3)),
                .pageBreak,
            ])
    }
}
