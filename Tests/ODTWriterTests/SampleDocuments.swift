import DocumentModel

/// Documents the tests write: one that uses every feature of the model, a minimal one,
/// and one per language the product ships.
enum SampleDocuments {
    /// A Bulgarian consent form that exercises every block and inline of the model.
    static var full: Document {
        let footer: [Block] = [
            .paragraph(Paragraph(
                [.text("Страница "), .field(.pageNumber), .text(" от "), .field(.pageCount)], style: .footer)),
        ]
        let header: [Block] = [
            .paragraph(Paragraph([.text("ОКМД — Областна администрация Пловдив", marks: .italic)], style: .header)),
        ]
        let table = Table(
            columns: [.mm(60), .mm(40), .mm(70)],
            headerRows: 1,
            rows: [
                TableRow([
                    TableCell([.paragraph(Paragraph([.text("Дейност")], style: .tableHeader))]),
                    TableCell([.paragraph(Paragraph([.text("Начало")], style: .tableHeader))]),
                    TableCell([.paragraph(Paragraph([.text("Отговорна институция")], style: .tableHeader))]),
                ]),
                TableRow([
                    TableCell([.paragraph(Paragraph([.text("Оценка на потребностите")], style: .tableCell))]),
                    TableCell([.paragraph(Paragraph([.text("12.03.2026 г.")], style: .tableCell))]),
                    TableCell([.paragraph(Paragraph([.text("ДСП / ОЗД")], style: .tableCell))], shading: "FFF2CC"),
                ]),
                TableRow([
                    TableCell(
                        [.paragraph(Paragraph([.text("Обща бележка за целия ред", marks: .italic)], style: .tableCell))],
                        columnSpan: 2),
                    TableCell([.paragraph(Paragraph([.checkbox(checked: true), .text(" изпълнено")], style: .tableCell))]),
                ]),
            ])
        let nested = List(.bulleted, items: [
            ListItem([.paragraph(Paragraph([.text("Първо ниво")]))]),
            ListItem([
                .paragraph(Paragraph([.text("С вложен номериран списък")])),
                .list(List(.numbered, items: [
                    ListItem([.paragraph(Paragraph([.text("Второ ниво, първа точка")]))]),
                    ListItem([
                        .paragraph(Paragraph([.text("Второ ниво, втора точка")])),
                        .list(List(.bulleted, items: [
                            ListItem([.paragraph(Paragraph([.text("Трето ниво")]))]),
                        ])),
                    ]),
                ])),
            ]),
        ])
        let signatures = SignatureGrid([
            SignatureBlock(
                name: "Мария Иванова", role: "Родител", dateLabel: "Дата", signatureLabel: "Подпис"),
            SignatureBlock(
                name: "Георги Петров", role: "Социален работник", institution: "ДСП Пловдив",
                dateLabel: "Дата", signatureLabel: "Подпис", date: "12.03.2026 г.", sealMark: "М.П."),
            SignatureBlock(
                name: "Ioana Rusu", role: "Coordonator", institution: "DGASPC Iași",
                dateLabel: "Data", signatureLabel: "Semnătura"),
        ])
        return Document(
            metadata: Metadata(
                title: "Съгласие за обмен на информация", subject: "Закрила на детето",
                language: LanguageTag("bg-BG"), keywords: ["съгласие", "ОКМД"], created: "2026-03-12"),
            header: header,
            footer: footer,
            body: [
                .paragraph(Paragraph([.text("Съгласие за обмен на информация")], style: .title)),
                .heading(Heading(level: 1, [.text("Съгласие за обмен на информация между институции")])),
                .paragraph(Paragraph([
                    .text("Аз, "), .text("Мария Иванова", marks: .bold), .text(", родител на дете с код "),
                    .text("PL-2026-017", marks: [.bold, .underline]), .text(", давам "),
                    .text("доброволно", marks: .italic), .text(" съгласие."),
                ])),
                .heading(Heading(level: 2, [.text("Данни за случая")])),
                .paragraph(Paragraph([
                    .text("Код:"), .tab, .text("PL-2026-017"), .lineBreak,
                    .text("Име:  два интервала"), .lineBreak,
                    .checkbox(checked: true), .text(" Да   "), .checkbox(checked: false), .text(" Не"),
                ], alignment: .start)),
                .heading(Heading(level: 3, [.text("Română: ș ț ă â î Ș Ț Ă Â Î")])),
                .paragraph(Paragraph([.text("Consimțământ informat — Republica Moldova, Iași, Târgu Mureș.")], alignment: .center, keepWithNext: true)),
                .list(nested),
                .table(table),
                .pageBreak,
                .heading(Heading(level: 1, [.text("Подписи")])),
                .paragraph(Paragraph([.text("Бележка с дребен шрифт.")], style: .small)),
                .signatures(signatures),
            ])
    }

    /// The smallest document: a title and nothing else.
    static var minimal: Document {
        Document(metadata: Metadata(title: "", language: LanguageTag("en")))
    }

    /// A short form in `tag`'s language, with a header, footer, table and signatures.
    static func localized(_ tag: String) -> Document {
        let text: [String: (title: String, body: String, date: String, signature: String)] = [
            "bg-BG": ("Протокол от заседание", "Заседанието се проведе в Областна администрация.", "Дата", "Подпис"),
            "ro-RO": ("Proces-verbal de ședință", "Ședința s-a desfășurat la sediul DGASPC.", "Data", "Semnătura"),
            "ro-MD": ("Proces-verbal al ședinței", "Ședința a avut loc la Direcția raională de asistență socială.", "Data", "Semnătura"),
            "it-IT": ("Verbale di riunione", "La riunione si è svolta presso l’Ambito territoriale sociale.", "Data", "Firma"),
            "en-GB": ("Minutes of meeting", "The meeting took place at the District Administration.", "Date", "Signature"),
        ]
        let t = text[tag] ?? (tag, tag, "Date", "Signature")
        return Document(
            metadata: Metadata(title: t.title, language: LanguageTag(tag)),
            footer: [.paragraph(Paragraph([.field(.pageNumber), .text(" / "), .field(.pageCount)], style: .footer))],
            body: [
                .heading(Heading(level: 1, [.text(t.title)])),
                .paragraph(Paragraph([.text(t.body)])),
                .table(Table(
                    columns: Table.equalColumns(2, width: PageSetup.a4().textWidth), headerRows: 1,
                    rows: [
                        TableRow([TableCell([.paragraph(Paragraph([.text("A")], style: .tableHeader))]),
                                  TableCell([.paragraph(Paragraph([.text("B")], style: .tableHeader))])]),
                        TableRow([TableCell([.paragraph(Paragraph([.text("1")], style: .tableCell))]),
                                  TableCell([])]),
                    ])),
                .signatures(SignatureGrid([
                    SignatureBlock(name: "N. N.", dateLabel: t.date, signatureLabel: t.signature),
                ])),
            ])
    }

    /// A numbered list whose items hold a table and signatures, which ODF cannot put in a
    /// list item: the writer interrupts the list and continues its numbering after them.
    static var tablesInList: Document {
        let table = Table(
            columns: [.mm(40), .mm(40)], headerRows: 1,
            rows: [
                TableRow([TableCell([.paragraph(Paragraph([.text("Мярка")], style: .tableHeader))]),
                          TableCell([.paragraph(Paragraph([.text("Срок")], style: .tableHeader))])]),
                TableRow([TableCell([.paragraph(Paragraph([.text("Посещение")], style: .tableCell))]),
                          TableCell([.paragraph(Paragraph([.text("30 дни")], style: .tableCell))])]),
            ])
        return Document(
            metadata: Metadata(title: "План", language: LanguageTag("bg-BG")),
            body: [
                .list(List(.numbered, items: [
                    ListItem([
                        .paragraph(Paragraph([.text("Първа мярка")])),
                        .list(List(.bulleted, items: [
                            ListItem([.paragraph(Paragraph([.text("Подточка")])), .table(table),
                                      .paragraph(Paragraph([.text("След таблицата")]))]),
                            ListItem([.paragraph(Paragraph([.text("Втора подточка")]))]),
                        ])),
                        .paragraph(Paragraph([.text("Край на първата мярка")])),
                    ]),
                    ListItem([.paragraph(Paragraph([.text("Втора мярка")])),
                              .signatures(SignatureGrid([SignatureBlock(name: "N. N.", dateLabel: "Дата", signatureLabel: "Подпис")]))]),
                    ListItem([.paragraph(Paragraph([.text("Трета мярка")]))]),
                ])),
            ])
    }

    /// Degenerate content that must still give a valid package: empty tables, rows and
    /// items, a page break at the end, unsized columns, lists in the header.
    static var edgeCases: Document {
        Document(
            metadata: Metadata(title: "", language: LanguageTag("ro-MD"), keywords: [""]),
            header: [
                .list(List(.numbered, items: [ListItem([.table(Table(columns: [], rows: [TableRow([TableCell([])])]))])])),
                .pageBreak,
            ],
            footer: [.signatures(SignatureGrid([]))],
            body: [
                .table(Table(columns: [], rows: [])),
                .table(Table(columns: [], rows: [TableRow([])])),
                .table(Table(columns: [.mm(30)], headerRows: 5, rows: [TableRow([TableCell([], columnSpan: 4)]), TableRow([])])),
                .list(List(.bulleted, items: [ListItem([]), ListItem([.pageBreak]), ListItem([.heading(Heading(level: 2, []))])])),
                .paragraph(Paragraph([.text(" \t\n "), .lineBreak, .tab], alignment: .justify)),
                .signatures(SignatureGrid([SignatureBlock(name: "", dateLabel: "", signatureLabel: "")], perRow: 3)),
                .pageBreak,
            ])
    }

    static let locales = ["bg-BG", "ro-RO", "ro-MD", "it-IT", "en-GB"]
}
