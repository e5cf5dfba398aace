public import DocumentModel

/// A document with every kind of link and footnote: bold text as a rich message gives it,
/// an https link, mailto and tel links in a table, footnotes (one holding a link and marks),
/// and a link in the header. Written by both writers for their golden parts and validation.
public enum LinkSamples {
    static func target(_ url: String) -> LinkTarget { LinkTarget(url)! }

    public static var linksAndNotes: Document {
        let note1 = Footnote([.text("Regulation (EU) 2016/679, Article 9(2)(a); see "),
                              .link(Link(target("https://eur-lex.europa.eu/eli/reg/2016/679/oj"), content: [.text("EUR-Lex")])),
                              .text(".")])
        let note2 = Footnote([.text("Съгласието може да бъде "), .text("оттеглено", marks: .italic), .text(" по всяко време.")])
        let contacts = Table(
            columns: [.mm(60), .mm(110)], headerRows: 0,
            rows: [
                TableRow([TableCell([.paragraph(Paragraph([.text("E-mail")]))]),
                          TableCell([.paragraph(Paragraph([.link(Link(target("mailto:dpo@example.org"), content: [.text("dpo@example.org")]))]))])]),
                TableRow([TableCell([.paragraph(Paragraph([.text("Telefon")]))]),
                          TableCell([.paragraph(Paragraph([.link(Link(target("tel:+40210000000"), content: [.text("+40 21 000 0000")])),
                                                           .footnote(Footnote([.text("Luni–vineri, 9–17.")]))]))])]),
            ],
            borders: true)
        return Document(
            metadata: Metadata(title: "Links and footnotes", language: LanguageTag("en-GB")),
            header: [.paragraph(Paragraph([.text("Agency – "), .link(Link(target("https://example.org/agency"), content: [.text("example.org")]))], style: .header))],
            body: [
                .heading(Heading(level: 1, [.text("Consent"), .footnote(note1)])),
                .paragraph(Paragraph([.text("I, "), .text("Ana Test", marks: .bold), .text(", agree to the terms published at "),
                                      .link(Link(target("https://example.org/terms?a=1&b=2"), content: [.text("the "), .text("agency", marks: .bold), .text(" website")])),
                                      .text(" and confirm that I may withdraw it"), .footnote(note2), .text(".")])),
                .table(contacts),
            ])
    }
}
